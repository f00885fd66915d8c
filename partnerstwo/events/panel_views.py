"""Events in the staff panel: the review queue, officials' events (edit, cancel) and the Forum programme.

For officials and administrators; Team members use the panel for other things and get 403 here.
Any official reviews what organisations and the Team submit (Event.objects.reviewable_by), including
changes to their published events; officials edit and cancel only their department's events
(Event.objects.managed_by), so others' events give a 404.
"""

from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.events import desk, publishing, recurrence
from partnerstwo.events.forms import EventForm, ForumSessionFormSet, PresentingOrganizationsForm, ReviewForm
from partnerstwo.events.manage_views import cancel_event, fieldsets, save_event_form
from partnerstwo.events.models import Event, EventChange, EventStatus
from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import DecisionForm
from partnerstwo.lib.views import submitted

PAGE_SIZE = 50

reviewer_required = role_required(publishing.can_review)


def _editable(request, pk):
    return get_object_or_404(Event.objects.managed_by(request.user), pk=pk)


@reviewer_required
def index(request):
    mine = Event.objects.managed_by(request.user)
    # The same queues as the desk on the panel's first page (events/desk.py).
    pending = desk.awaiting_review(request.user)
    changes = desk.changes_awaiting_review(request.user)
    status = request.GET.get("status", "")
    listed = mine.exclude(status=EventStatus.PENDING).select_related("organization", "department")
    if status in EventStatus.values:
        listed = listed.filter(status=status)
    page = Paginator(listed.order_by("-starts_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "events/panel/index.html", {
        "pending": pending, "changes": changes, "page_obj": page, "status": status,
        # Events awaiting review are listed above, so the filter of the rest leaves that status out.
        "statuses": [(value, label) for value, label in EventStatus.choices if value != EventStatus.PENDING],
    })


@reviewer_required
@require_http_methods(["GET", "POST"])
def review(request, pk):
    event = get_object_or_404(
        Event.objects.reviewable_by(request.user).select_related("organization", "district", "submitted_by")
        .prefetch_related("spheres"),
        pk=pk,
    )
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and event.status == EventStatus.PENDING and form.is_valid():
        decision = form.carry_out(
            approve=partial(publishing.approve, event, by=request.user),
            reject=partial(publishing.return_for_changes, event, by=request.user),
        )
        if decision:
            messages.success(request, {
                form.APPROVE: _("Wydarzenie opublikowane; zgłaszający dostanie wiadomość."),
                form.REJECT: _("Wydarzenie zwrócone do poprawy; zgłaszający dostanie uwagi."),
            }[decision])
            return redirect("panel:events_panel:index")
    return render(request, "events/panel/review.html", {
        "event": event, "form": form, "occurrences": event.occurrences.all()[:20],
        "repetition": recurrence.describe(event.rrule, event.starts_at) if event.rrule else "",
    })


@reviewer_required
@require_http_methods(["GET", "POST"])
def review_change(request, pk):
    """What a representative or Team member changed in a published event: approve or reject with a reason."""
    change = get_object_or_404(
        EventChange.objects.filter(event__in=Event.objects.reviewable_by(request.user))
        .select_related("event__organization", "proposed_by", "decided_by"),
        pk=pk,
    )
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        approve_label=_("Opublikuj zmiany"), reject_label=_("Odrzuć zmiany"),
    )
    pending = change.status == EventChange.Status.PENDING
    if request.method == "POST" and pending and form.is_valid():
        decision = form.carry_out(
            approve=partial(publishing.approve_change, change, by=request.user),
            reject=partial(publishing.reject_change, change, by=request.user),
        )
        if decision:
            messages.success(request, {
                form.APPROVE: _("Zmiany opublikowane; zgłaszający dostanie wiadomość."),
                form.REJECT: _("Zmiany odrzucone; zgłaszający dostanie uzasadnienie."),
            }[decision])
            return redirect("panel:events_panel:index")
    return render(request, "events/panel/review_change.html", {
        "change": change, "event": change.event, "form": form, "pending": pending,
        "rows": publishing.change_rows(change),
    })


@reviewer_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = EventForm(*submitted(request), user=request.user)
    if request.method == "POST" and form.is_valid() and save_event_form(request, form):
        return redirect("panel:events_panel:index")
    return render(request, "events/panel/form.html", {"form": form, "fieldsets": fieldsets(form)})


@reviewer_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    event = _editable(request, pk)
    if event.is_cancelled:
        return render(request, "events/panel/cancelled.html", {"event": event})
    form = EventForm(*submitted(request), instance=event, user=request.user)
    if request.method == "POST" and form.is_valid() and save_event_form(request, form):
        return redirect("panel:events_panel:edit", pk=event.pk)
    return render(request, "events/panel/form.html", {"form": form, "fieldsets": fieldsets(form), "event": event})


@reviewer_required
@require_http_methods(["GET", "POST"])
def cancel(request, pk):
    return cancel_event(
        request, pk, template="events/panel/cancel.html", done="panel:events_panel:index",
        message=_("Wydarzenie odwołane. Osoby zapisane i wydział dostaną wiadomość."),
    )


@reviewer_required
@require_http_methods(["GET", "POST"])
def programme(request, pk):
    """The Forum's sessions (time, room, title, speakers) and the organisations presenting themselves."""
    event = _editable(request, pk)
    data = request.POST if request.method == "POST" else None
    formset = ForumSessionFormSet(data, instance=event, prefix="sessions")
    organizations_form = PresentingOrganizationsForm(data, initial={
        "organizations": "\n".join(event.presenting_organizations.order_by("name").values_list("name", flat=True)),
    })
    if request.method == "POST" and formset.is_valid() and organizations_form.is_valid():
        with transaction.atomic():
            formset.save()
            event.presenting_organizations.set(organizations_form.cleaned_data["organizations"])
        messages.success(request, _("Zapisano program."))
        return redirect("panel:events_panel:programme", pk=event.pk)
    return render(request, "events/panel/programme.html", {
        "event": event, "formset": formset, "organizations_form": organizations_form,
    })

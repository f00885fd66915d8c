"""'Moje wydarzenia': organisers submit and edit their events and cancel published ones.

Representatives act for the organisations they represent, Team members for the advisory body,
officials for their department. Which events a person sees is Event.objects.managed_by, so anyone
else gets a 404; a person who may not publish events at all gets a 403. Their edits of a published
event go to review (publishing.propose_change); the published version stays until approved.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods

from partnerstwo.events import publishing
from partnerstwo.events.forms import CancelForm, EventForm
from partnerstwo.events.models import Event, EventChange, EventStatus
from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import add_errors
from partnerstwo.lib.views import submitted

FIELDSETS = [
    (_lazy("Wydarzenie"), ["title", "kind", "organizer_kind", "organization", "description", "audience", "spheres"]),
    (_lazy("Termin"), ["starts_at", "ends_at", "all_day"]),
    (_lazy("Powtarzanie"), [
        "repeat", "repeat_interval", "repeat_weekdays", "repeat_month_day", "repeat_nth_weekday", "repeat_until",
        "repeat_count", "repeat_exceptions",
    ]),
    (_lazy("Miejsce"), ["venue", "street", "town", "district", "online_url"]),
    (_lazy("Dostępność"), ["step_free_access", "sign_language", "induction_loop", "accessibility_notes"]),
    (_lazy("Koszt i zdjęcie"), ["is_free", "price", "image", "image_alt"]),
    (_lazy("Zapisy"), ["registration_mode", "external_registration_url", "capacity", "registration_deadline"]),
]


organizer_required = role_required(publishing.can_submit)


def fieldsets(form):
    return [(legend, [form[name] for name in names if name in form.fields]) for legend, names in FIELDSETS]


def save_event_form(request, form) -> Event | None:
    """Saves a valid form through publishing.save (or, for a published event edited by someone whose edits
    are reviewed, publishing.propose_change) and says what happened; None when it was refused."""
    was_published = bool(form.instance.pk) and form.instance.status == EventStatus.PUBLISHED
    needs_review = publishing.changes_need_review(form.instance, request.user)
    event = form.save(commit=False)
    try:
        if needs_review:
            change = publishing.propose_change(event, by=request.user, spheres=form.cleaned_data.get("spheres"))
        else:
            event = publishing.save(event, by=request.user, changed=form.has_changed(), save_m2m=form.save_m2m)
    except ValidationError as error:
        add_errors(form, error)
        return None
    if needs_review:
        if change:
            messages.success(request, _(
                "Zmiany wysłane do akceptacji. Do tego czasu w kalendarzu widać dotychczasową wersję; "
                "dostaniesz wiadomość e-mail, gdy pracownik urzędu je rozpatrzy."
            ))
        else:
            messages.success(request, _("Nie wprowadzono żadnych zmian."))
    elif was_published:
        messages.success(request, _("Zapisano zmiany."))
    elif event.status == EventStatus.PUBLISHED:
        messages.success(request, _("Wydarzenie opublikowane w kalendarzu."))
    else:
        messages.success(request, _(
            "Wydarzenie wysłane do akceptacji. Dostaniesz wiadomość e-mail, gdy pracownik urzędu je rozpatrzy."
        ))
    return event


def event_form_for_edit(request, event):
    """The edit form; for someone whose edits are reviewed it starts from their change awaiting review."""
    change = publishing.pending_change(event) if publishing.changes_need_review(event, request.user) else None
    initial = {}
    if change:
        publishing.apply_values(event, change.values)
        if "spheres" in change.values:
            initial["spheres"] = change.values["spheres"]
    form = EventForm(*submitted(request), instance=event, user=request.user, initial=initial)
    return form, change


@login_required
def index(request):
    if not publishing.can_submit(request.user):
        # The way in for a representative whose organisation is not yet confirmed: say what to do.
        return render(request, "events/manage/not_organizer.html", status=403)
    pending_change = EventChange.objects.filter(event=OuterRef("pk"), status=EventChange.Status.PENDING)
    events = (
        Event.objects.managed_by(request.user).annotate(has_pending_change=Exists(pending_change))
        .select_related("organization").order_by("-starts_at")[:200]
    )
    return render(request, "events/manage/index.html", {"events": events})


@organizer_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = EventForm(*submitted(request), user=request.user)
    if request.method == "POST" and form.is_valid() and save_event_form(request, form):
        return redirect("my_events:index")
    return render(request, "events/manage/form.html", {
        "form": form, "fieldsets": fieldsets(form), "publishes_at_once": publishing.publishes_at_once(request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    event = get_object_or_404(Event.objects.managed_by(request.user), pk=pk)
    if event.is_cancelled:
        return render(request, "events/manage/cancelled.html", {"event": event})
    form, change = event_form_for_edit(request, event)
    if request.method == "POST" and form.is_valid() and save_event_form(request, form):
        return redirect("my_events:edit", pk=event.pk)
    return render(request, "events/manage/form.html", {
        "form": form, "fieldsets": fieldsets(form), "event": event, "change": change,
        "publishes_at_once": publishing.publishes_at_once(request.user),
        "changes_need_review": publishing.changes_need_review(event, request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request, pk):
    return cancel_event(
        request, pk, template="events/manage/cancel.html", done="my_events:index",
        message=_("Wydarzenie odwołane. Osoby zapisane i urząd dostaną wiadomość."),
    )


def cancel_event(request, pk, *, template: str, done: str, message: str):
    """Cancelling a published event the user manages, with a reason (organisers here, officials in the
    panel): the form on GET; on POST publishing.cancel, then `message` and a redirect to `done`."""
    event = get_object_or_404(Event.objects.managed_by(request.user), pk=pk)
    if event.status != EventStatus.PUBLISHED:
        raise PermissionDenied
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            publishing.cancel(event, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, message)
            return redirect(done)
    return render(request, template, {"event": event, "form": form})

"""Participants for organisers: the list, exports, the attendance sheet and who came.

Who sees a list is Event.objects.participants_visible_to (so anyone else gets a 404); the needs column
only those of Event.objects.needs_visible_to. People who organise nothing (residents) get a 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.events import participants, publishing, registration
from partnerstwo.events.models import Registration
from partnerstwo.events.registration_forms import AttendanceForm
from partnerstwo.lib.access import role_required


def _occurrence(request, pk):
    return get_object_or_404(
        registration.manageable_occurrences(request.user).select_related("event", "event__organization"), pk=pk
    )


@role_required(lambda user: publishing.can_submit(user) or user.is_administrator)
def index(request):
    since = timezone.now() - timezone.timedelta(days=60)
    occurrences = registration.with_counts(
        registration.manageable_occurrences(request.user).filter(ends_at__gte=since).select_related("event")
    ).order_by("starts_at", "pk")
    page = Paginator(occurrences, 50).get_page(request.GET.get("strona"))
    return render(request, "events/registration/panel/index.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def detail(request, pk):
    occurrence = _occurrence(request, pk)
    registrations = participants.registrations_of(occurrence)
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    started = occurrence.starts_at <= timezone.now()
    form = None
    if started:
        form = AttendanceForm(request.POST or None, registrations=confirmed)
        if request.method == "POST" and form.is_valid():
            registration.mark_attendance(occurrence, form.attended_ids())
            messages.success(request, _("Zapisano listę obecności."))
            return redirect("panel:registrations_panel:detail", occurrence.pk)
    context = {
        "show_needs": registration.sees_needs(request.user, occurrence),
        "occurrence": occurrence, "event": occurrence.event, "registrations": registrations,
        "confirmed_count": len(confirmed), "started": started, "form": form,
        "confirmed": confirmed,
        "waiting": [r for r in registrations if r.status == Registration.Status.WAITING],
        "unconfirmed": [r for r in registrations if r.status == Registration.Status.UNCONFIRMED],
        "cancelled": [r for r in registrations if r.status == Registration.Status.CANCELLED],
    }
    return render(request, "events/registration/panel/detail.html", context)


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def export_csv(request, pk):
    occurrence = _occurrence(request, pk)
    with_needs = registration.sees_needs(request.user, occurrence)
    return _download(participants.as_csv(occurrence, with_needs=with_needs), "text/csv; charset=utf-8",
                     participants.filename(occurrence, "csv"))


@login_required
def export_xlsx(request, pk):
    occurrence = _occurrence(request, pk)
    return _download(
        participants.as_xlsx(occurrence, with_needs=registration.sees_needs(request.user, occurrence)),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        participants.filename(occurrence, "xlsx"),
    )


@login_required
def attendance_sheet(request, pk):
    occurrence = _occurrence(request, pk)
    confirmed = [r for r in participants.registrations_of(occurrence) if r.status == Registration.Status.CONFIRMED]
    return render(request, "events/registration/panel/sheet.html",
                  {"occurrence": occurrence, "event": occurrence.event, "registrations": confirmed})

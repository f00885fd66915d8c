"""Staff pages of positions and opinions and of the tracked legal acts: the secretary drafts a position, decides on
the members' amendments, opens an electronic vote or records the vote taken at a meeting, and closes it.

For administrators and the body's current secretary (terms.can_manage); everyone else gets a 403.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.lib.forms import add_errors
from partnerstwo.team.access import manager_required
from partnerstwo.team.meetings import conduct
from partnerstwo.team.models import Amendment, Attendance, Body, LegalAct, Meeting, Position
from partnerstwo.team.positions import roll, sending, voting
from partnerstwo.team.positions.forms import (
    AmendmentDecisionForm,
    ElectronicVoteForm,
    LegalActForm,
    MeetingVoteForm,
    PositionForm,
)


def _position(pk) -> Position:
    return get_object_or_404(
        Position.objects.select_related("body", "legal_act", "meeting", "competition").prefetch_related(
            "addressed_to"), pk=pk,
    )


@manager_required
def position_list(request):
    body = Body.objects.the_body()
    return render(request, "team/panel/positions.html", {
        "body": body, "positions": body.positions.select_related("legal_act").order_by("-created_at", "-pk"),
    })


@manager_required
@require_http_methods(["GET", "POST"])
def position_create(request):
    body = Body.objects.the_body()
    return _position_form(request, body, Position(body=body))


@manager_required
@require_http_methods(["GET", "POST"])
def position_edit(request, pk):
    position = _position(pk)
    if position.status != Position.Status.DRAFT:
        messages.error(request, _("Treść można zmieniać tylko przed głosowaniem."))
        return redirect("panel:team_panel:position", position.pk)
    return _position_form(request, position.body, position)


def _position_form(request, body, position):
    form = PositionForm(request.POST or None, instance=position, body=body)
    if request.method == "POST" and form.is_valid():
        try:
            saved = voting.save_draft(position=form.save(commit=False),
                                      addressed_to=form.cleaned_data["addressed_to"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano projekt."))
            return redirect("panel:team_panel:position", saved.pk)
    return render(request, "team/panel/position_form.html", {"form": form, "position": position})


@manager_required
@require_http_methods(["GET", "POST"])
def position_detail(request, pk):
    position = _position(pk)
    vote_form = ElectronicVoteForm(request.POST or None)
    if request.method == "POST" and vote_form.is_valid():
        try:
            voting.open_electronic_vote(position=position, until=vote_form.cleaned_data["until"])
        except ValidationError as error:
            add_errors(vote_form, error)
        else:
            messages.success(request, _("Głosowanie elektroniczne otwarte; członkowie głosują w części dla członków."))
            return redirect("panel:team_panel:position", position.pk)
    held = position.body.meetings.past().filter(status=Meeting.Status.PLANNED).order_by("-starts_at")[:10]
    return render(request, "team/panel/position.html", {
        "position": position,
        "due_on": voting.due_on(position),
        "without_address": sending.without_address(position),
        "amendments": position.amendments.all(),
        "vote_form": vote_form if position.status == Position.Status.DRAFT else None,
        "held": held,
        "roll_call": roll.roll_call(position) if position.status != Position.Status.DRAFT else [],
        "can_close": position.status == Position.Status.VOTING,
        "vote_quorum": voting.electronic_quorum(position),
        "deadline_passed": bool(position.voting_until and position.voting_until <= timezone.now()),
    })


@manager_required
@require_POST
def amendment_decide(request, pk):
    amendment = get_object_or_404(Amendment.objects.select_related("position"), pk=pk)
    form = AmendmentDecisionForm(request.POST)
    if form.is_valid():
        try:
            voting.decide_amendment(amendment=amendment,
                                       accepted=form.cleaned_data["decision"] == Amendment.Decision.ACCEPTED)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Zapisano decyzję o poprawce. Przyjętą wpisz do treści projektu."))
    return redirect("panel:team_panel:position", amendment.position_id)


@manager_required
@require_http_methods(["GET", "POST"])
def meeting_vote(request, pk, meeting_pk):
    position = _position(pk)
    meeting = get_object_or_404(Meeting.objects.filter(body=position.body_id), pk=meeting_pk)
    present = [seat for seat, record in conduct.attendance_of(meeting)
               if record and record.status == Attendance.Status.PRESENT]
    form = MeetingVoteForm(request.POST or None, present=present)
    if request.method == "POST" and form.is_valid():
        try:
            result = voting.record_meeting_vote(position=position, meeting=meeting, choices=form.choices())
        except ValidationError as error:
            add_errors(form, error)
        else:
            if result.adopted:
                position.refresh_from_db()
                messages.success(request, _("Stanowisko przyjęte i opublikowane pod numerem %(number)s.")
                                 % {"number": position.register_label})
            else:
                messages.success(request, _("Stanowisko nie zostało przyjęte; wynik opublikowano."))
            return redirect("panel:team_panel:position", position.pk)
    return render(request, "team/panel/meeting_vote.html", {
        "position": position, "meeting": meeting, "form": form, "quorum": conduct.quorum(meeting),
    })


@manager_required
@require_POST
def position_close(request, pk):
    position = _position(pk)
    try:
        result = voting.close(position=position)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if result.adopted:
            position.refresh_from_db()
            messages.success(request, _("Stanowisko przyjęte i opublikowane pod numerem %(number)s.")
                             % {"number": position.register_label})
        else:
            messages.success(request, _("Stanowisko nie zostało przyjęte; wynik opublikowano."))
    return redirect("panel:team_panel:position", position.pk)


@manager_required
def legal_act_list(request):
    body = Body.objects.the_body()
    return render(request, "team/panel/legal_acts.html", {
        "body": body, "acts": body.legal_acts.select_related("department"),
    })


@manager_required
@require_http_methods(["GET", "POST"])
def legal_act_form(request, pk=None):
    body = Body.objects.the_body()
    act = get_object_or_404(body.legal_acts, pk=pk) if pk else LegalAct(body=body)
    form = LegalActForm(request.POST or None, instance=act)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Zapisano akt prawny."))
        return redirect("panel:team_panel:legal_acts")
    return render(request, "team/panel/legal_act_form.html", {"form": form, "act": act if pk else None})

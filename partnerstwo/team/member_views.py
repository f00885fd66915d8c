"""The members' area: what a person who sits on the body today does between and at meetings. They say whether
they come, read the draft minutes and comment on them, and see the action items still open, theirs first.

Open to whoever holds a seat today (User.sits_on_team, an official representing the mayor too) and to the body's
staff; a former member gets a 403 from the day after their seat ended.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import add_errors
from partnerstwo.team.meetings import conduct, minutes
from partnerstwo.team.meetings.forms import CommentForm, ResponseForm
from partnerstwo.team.models import ActionItem, Attendance, Body, Meeting, Membership, Position, PositionVote
from partnerstwo.team.positions import voting
from partnerstwo.team.positions.forms import AmendmentForm, MemberDraftForm, VoteForm

member_required = role_required(minutes.can_read_draft)


def _my_seat(user) -> Membership | None:
    return Membership.objects.current().filter(user=user).select_related("term").first()


@member_required
def home(request):
    body = Body.objects.the_body()
    seat = _my_seat(request.user)
    upcoming = list(body.meetings.upcoming().filter(status=Meeting.Status.PLANNED).order_by("starts_at"))
    answers = {}
    if seat:
        answers = {a.meeting_id: a for a in Attendance.objects.filter(membership=seat, meeting__in=upcoming)}
    for meeting in upcoming:
        meeting.my_answer = answers.get(meeting.pk)
    open_actions = ActionItem.objects.open().filter(meeting__body=body).select_related("meeting", "owner")
    return render(request, "team/members/home.html", {
        "body": body, "seat": seat, "upcoming": upcoming,
        "drafts": body.meetings.past().filter(minutes_status=Meeting.MinutesStatus.DRAFT,
                                              status=Meeting.Status.PLANNED).order_by("-starts_at"),
        "my_actions": open_actions.filter(owner__user=request.user) if seat else ActionItem.objects.none(),
        "open_actions": open_actions.exclude(owner__user=request.user),
        "votes": _with_my_votes(body.positions.voting().order_by("voting_until"), seat),
        "drafts_of_positions": body.positions.filter(status=Position.Status.DRAFT).order_by("-created_at"),
    })


def _with_my_votes(found, seat) -> list[Position]:
    found = list(found)
    mine = {}
    if seat:
        mine = {v.position_id: v for v in PositionVote.objects.filter(membership=seat, position__in=found)}
    for position in found:
        position.my_vote = mine.get(position.pk)
    return found


@member_required
@require_http_methods(["GET", "POST"])
def position(request, pk):
    """A draft to amend, or an electronic vote to cast: the member's side of a position."""
    position = get_object_or_404(Position.objects.select_related("body", "legal_act"), pk=pk)
    seat = Membership.objects.current().filter(user=request.user, term__body=position.body_id).first()
    action = request.POST.get("action")
    vote_form = VoteForm(request.POST if action == "vote" else None)
    amendment_form = AmendmentForm(request.POST if action == "amend" else None)
    if request.method == "POST" and action == "vote":
        if vote_form.is_valid():
            try:
                voting.cast(position=position, seat=seat, choice=vote_form.cleaned_data["choice"])
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Zapisaliśmy Twój głos. Możesz go zmienić do końca głosowania."))
            return redirect("team:member_position", position.pk)
    elif request.method == "POST" and action == "amend":
        if position.status != Position.Status.DRAFT or not request.user.sits_on_team:
            raise PermissionDenied
        if amendment_form.is_valid():
            voting.propose_amendment(position=position, user=request.user,
                                        text=amendment_form.cleaned_data["text"])
            messages.success(request, _("Zgłoszono poprawkę."))
            return redirect("team:member_position", position.pk)
    elif request.method == "POST":
        return HttpResponseBadRequest()
    my_vote = PositionVote.objects.filter(position=position, membership=seat).first() if seat else None
    return render(request, "team/members/position.html", {
        "position": position, "seat": seat, "my_vote": my_vote,
        "due_on": voting.due_on(position),
        "vote_form": vote_form if voting.can_vote(position, seat) else None,
        "amendment_form": amendment_form if position.status == Position.Status.DRAFT and seat else None,
        "amendments": position.amendments.all(),
        "can_edit": voting.can_edit_own_draft(position, request.user),
        "voted": position.votes.count(),
        "vote_quorum": voting.electronic_quorum(position),
    })


@member_required
@require_http_methods(["GET", "POST"])
def position_draft(request, pk=None):
    """A member writes a draft position or opinion, or changes their own draft before the vote."""
    if not request.user.sits_on_team:
        raise PermissionDenied
    body = Body.objects.the_body()
    if pk is None:
        position = Position(body=body)
    else:
        position = get_object_or_404(Position, pk=pk, body=body)
        if not voting.can_edit_own_draft(position, request.user):
            raise PermissionDenied
    form = MemberDraftForm(request.POST or None, instance=position, body=body)
    if request.method == "POST" and form.is_valid():
        try:
            saved = voting.save_member_draft(position=form.save(commit=False), user=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano projekt. Sekretarz Zespołu podda go pod głosowanie."))
            return redirect("team:member_position", saved.pk)
    return render(request, "team/members/position_form.html", {"form": form, "position": position, "body": body})


@member_required
@require_http_methods(["GET", "POST"])
def meeting(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("body").filter(group=None), pk=pk)
    seat = conduct.members_of(meeting).filter(user=request.user).first()
    response_form = ResponseForm(request.POST if request.POST.get("action") == "respond" else None)
    comment_form = CommentForm(request.POST if request.POST.get("action") == "comment" else None, meeting=meeting)
    action = request.POST.get("action")
    if request.method == "POST" and action == "respond":
        if seat is None:
            raise PermissionDenied
        if response_form.is_valid():
            try:
                conduct.respond(meeting=meeting, membership=seat, response=response_form.cleaned_data["response"])
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Dziękujemy, zapisaliśmy Twoją odpowiedź."))
            return redirect("team:member_meeting", meeting.pk)
    elif request.method == "POST" and action == "comment":
        if not minutes.can_comment(request.user, meeting):
            raise PermissionDenied
        if comment_form.is_valid():
            minutes.add_comment(meeting=meeting, user=request.user, text=comment_form.cleaned_data["text"],
                                item=comment_form.cleaned_data["item"])
            messages.success(request, _("Dodano uwagę do projektu protokołu."))
            return redirect("team:member_meeting", meeting.pk)
    elif request.method == "POST":
        return HttpResponseBadRequest()
    answer = Attendance.objects.filter(meeting=meeting, membership=seat).first() if seat else None
    return render(request, "team/members/meeting.html", {
        **minutes.context(meeting),
        "agenda": conduct.agenda(meeting),
        "seat": seat, "answer": answer,
        "can_respond": seat is not None and not meeting.has_started and not meeting.is_cancelled,
        "response_form": response_form,
        "comment_form": comment_form if minutes.can_comment(request.user, meeting) else None,
        "comments": meeting.minutes_comments.select_related("item"),
        "open_actions": conduct.open_action_items_before(meeting),
        "rows": conduct.attendance_of(meeting),
    })

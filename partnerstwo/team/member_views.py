"""The members' area: what a person who sits on the body today does between and at meetings. They say whether
they come, read the draft minutes and comment on them, and see the action items still open, theirs first.

Open to whoever holds a seat today (User.sits_on_team, an official representing the mayor too) and to the body's
staff; a former member gets a 403 from the day after their seat ended.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.team import meetings, minutes
from partnerstwo.team.meeting_forms import CommentForm, ResponseForm
from partnerstwo.team.models import ActionItem, Attendance, Body, Meeting, Membership


def member_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not minutes.can_read_draft(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


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
    })


@member_required
@require_http_methods(["GET", "POST"])
def meeting(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    seat = meetings.members_of(meeting).filter(user=request.user).first()
    response_form = ResponseForm(request.POST if request.POST.get("action") == "respond" else None)
    comment_form = CommentForm(request.POST if request.POST.get("action") == "comment" else None, meeting=meeting)
    action = request.POST.get("action")
    if request.method == "POST" and action == "respond":
        if seat is None:
            raise PermissionDenied
        if response_form.is_valid():
            try:
                meetings.respond(meeting=meeting, membership=seat, response=response_form.cleaned_data["response"])
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
        "seat": seat, "answer": answer,
        "can_respond": seat is not None and not meeting.has_started and not meeting.is_cancelled,
        "response_form": response_form,
        "comment_form": comment_form if minutes.can_comment(request.user, meeting) else None,
        "comments": meeting.minutes_comments.select_related("item"),
        "open_actions": meetings.open_action_items_before(meeting),
        "rows": meetings.attendance_of(meeting),
    })

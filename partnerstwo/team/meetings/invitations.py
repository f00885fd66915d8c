"""Invitations to a meeting, queued by meetings.send_invitations: one e-mail to each member who sits on the body
on its day and to each guest with an address, in their language, with the meeting as an iCalendar attachment;
sent again, as an update, after the agenda, time or place changed (Meeting.invitations_outdated), or as a
cancellation. Built in the worker from the meeting as it is when the mail goes out. A group's meeting invites
the group's members instead (groups.coordination.invited_people)."""

from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from partnerstwo.lib.emails import absolute_url, build_email, email_task
from partnerstwo.team.groups import coordination
from partnerstwo.team.meetings import ical
from partnerstwo.team.models import Meeting, Membership

ICS_NAME = "posiedzenie.ics"


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    is_member: bool
    language: str | None = None


def recipients(meeting: Meeting) -> list[Recipient]:
    found, seen = [], set()
    if meeting.group_id:
        for email, name, language in coordination.invited_people(meeting.group):
            seen.add(email.lower())
            found.append(Recipient(email, name, False, language))
    for seat in Membership.objects.invited_to(meeting).select_related("user").order_by("person_name", "pk"):
        email = seat.invitation_email
        if email and email.lower() not in seen:
            seen.add(email.lower())
            language = seat.user.preferred_language if seat.user_id else None
            found.append(Recipient(email, seat.person_name, True, language or None))
    for guest in meeting.guests.exclude(email=""):
        if guest.email.lower() not in seen:
            seen.add(guest.email.lower())
            found.append(Recipient(guest.email, guest.name, False))
    return found


@email_task
def send_invitations(meeting_id: int, update: bool) -> list[EmailMessage]:
    meeting = Meeting.objects.select_related("body", "group").filter(pk=meeting_id).first()
    if meeting is None:
        return []
    agenda = list(meeting.items.values_list("title", flat=True))
    attachment = ical.meeting_ics(meeting, agenda)
    context = {
        "meeting": meeting, "agenda": meeting.items.select_related("department"), "update": update,
        "starts_at": timezone.localtime(meeting.starts_at), "ends_at": timezone.localtime(meeting.ends_at),
        "meeting_url": absolute_url(meeting.get_absolute_url()),
        "members_url": absolute_url(reverse("team:member_meeting", args=[meeting.pk])),
    }
    messages = []
    for recipient in recipients(meeting):
        message = build_email("team_meeting_invitation", [recipient.email],
                              {**context, "recipient": recipient}, language=recipient.language)
        message.attach(ICS_NAME, attachment, "text/calendar; method=PUBLISH")
        messages.append(message)
    return messages

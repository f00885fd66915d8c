"""The body's meetings in the public events calendar (/wydarzenia/).

Each meeting is an event of the advisory body: kind "meeting", no registration (members are invited and
answer in the members' area; anyone may come and listen, nobody signs up), published at once because the
meeting is the body's own fact, not a submission to review. The event carries the meeting's uid, which is how
the two are found. The domain functions that change a meeting (conduct.save_meeting, conduct.cancel_meeting)
call publish() in their transaction, so the calendar's views, its iCal feeds and the event page show a new
date, time, place or a cancellation on the next request. The event's SEQUENCE follows the meeting's.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from partnerstwo.events import publishing, schedule
from partnerstwo.events.models import Event, EventKind, EventStatus, OrganizerKind, RegistrationMode
from partnerstwo.lib.emails import absolute_url
from partnerstwo.team.models import Meeting


def event_for(meeting: Meeting) -> Event | None:
    return Event.objects.filter(uid=meeting.uid).first()


def withdraw(meeting: Meeting) -> None:
    """A meeting deleted as a mistake (never announced to anyone) leaves no event behind."""
    Event.objects.filter(uid=meeting.uid).delete()


def publish(meeting: Meeting) -> Event:
    """Creates or updates the meeting's event; a cancelled meeting's event stays, marked cancelled."""
    event = event_for(meeting) or Event(
        uid=meeting.uid, organizer_kind=OrganizerKind.ADVISORY_BODY, kind=EventKind.MEETING,
        registration_mode=RegistrationMode.NONE,
    )
    # Authored content is Polish (the calendar's other events are too), whoever triggers the change.
    with translation.override(settings.LANGUAGE_CODE):
        event.title = f"{meeting.title} – {meeting.host.name}"[:200]
        event.description = _("Posiedzenie: %(body)s. Porządek obrad, materiały i protokół: [%(url)s](%(url)s)") % {
            "body": meeting.host.name, "url": absolute_url(meeting.get_absolute_url()),
        }
        event.cancellation_reason = _("Posiedzenie zostało odwołane.") if meeting.is_cancelled else ""
    event.starts_at, event.ends_at, event.all_day, event.rrule, event.exdates = (
        meeting.starts_at, meeting.ends_at, False, "", [],
    )
    event.venue, event.online_url = meeting.place[:200], meeting.online_url
    event.status = EventStatus.CANCELLED if meeting.is_cancelled else EventStatus.PUBLISHED
    event.sequence = meeting.sequence
    if event.pk is None:
        event.slug = publishing.unique_slug(event)
    event.save()
    schedule.rebuild(event)
    if meeting.is_cancelled:
        event.occurrences.update(is_cancelled=True)
    return event

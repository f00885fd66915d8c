"""A meeting as iCalendar (RFC 5545), for the invitation's attachment and the meeting page's .ics link.

The UID never changes and SEQUENCE grows with each change, so the invited people's calendars replace their
copy when the agenda, the time or the place changes; a cancelled meeting is sent with STATUS:CANCELLED.
"""

import datetime as dt

import icalendar
from django.conf import settings
from django.utils import timezone

from partnerstwo.lib.emails import absolute_url

PRODID = "-//Partnerstwo//Posiedzenia Zespolu//PL"


def meeting_uid(meeting) -> str:
    return f"{meeting.uid}@partnerstwo-zespol"


def meeting_ics(meeting, agenda: list[str]) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("sequence", meeting.sequence)
    event.add("summary", f"{meeting.title} – {meeting.body.name}")
    event.add("dtstart", meeting.starts_at.astimezone(dt.UTC))
    event.add("dtend", meeting.ends_at.astimezone(dt.UTC))
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    url = absolute_url(meeting.get_absolute_url())
    event.add("url", url)
    place = ", ".join(part for part in (meeting.place, meeting.online_url) if part)
    if place:
        event.add("location", place)
    lines = [f"{number}. {title}" for number, title in enumerate(agenda, start=1)]
    event.add("description", "\n".join([*lines, "", url]).strip())
    calendar.add_component(event)
    return calendar.to_ical()

"""A meeting as iCalendar (RFC 5545), for the invitation's attachment and the meeting page's .ics link.

The UID never changes and SEQUENCE grows with each change, so the invited people's calendars replace their
copy when the agenda, the time or the place changes; a cancelled meeting is sent with STATUS:CANCELLED.
"""

import datetime as dt

import icalendar
from django.utils import timezone

from partnerstwo.lib.emails import absolute_url
from partnerstwo.lib.ical import UID_DOMAIN, add_timezone, calendar_header


def meeting_uid(meeting) -> str:
    return f"team-meeting-{meeting.uid}@{UID_DOMAIN}"


def meeting_ics(meeting, agenda: list[str]) -> bytes:
    calendar = calendar_header(meeting.host.name)
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("sequence", meeting.sequence)
    event.add("summary", f"{meeting.title} – {meeting.host.name}")
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    event.add("dtend", timezone.localtime(meeting.ends_at))
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    url = absolute_url(meeting.get_absolute_url())
    event.add("url", url)
    place = ", ".join(part for part in (meeting.place, meeting.online_url) if part)
    if place:
        event.add("location", place)
    lines = [f"{number}. {title}" for number, title in enumerate(agenda, start=1)]
    event.add("description", "\n".join([*lines, "", url]).strip())
    calendar.add_component(event)
    add_timezone(calendar)
    return calendar.to_ical()

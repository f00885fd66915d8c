"""Events as iCalendar (RFC 5545): the subscription feeds, the single-event .ics and the e-mail attachment.

One VEVENT per event: a repeating event is one VEVENT with RRULE and EXDATE, as calendars expect,
not one per occurrence. The UID never changes and SEQUENCE grows with each published change, so a
subscriber's calendar replaces its copy; a cancelled event is sent with STATUS:CANCELLED.
"""

import datetime as dt
import hashlib

import icalendar
from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import get_language

from partnerstwo.lib.emails import absolute_url
from partnerstwo.lib.ical import UID_DOMAIN, add_timezone, calendar_header, local_zone, timezone_bytes, year_span
from partnerstwo.lib.markdown import plain_text

# Subscription feeds carry the start of each description (the event page has the rest): icalendar folds
# long lines character by character, and a feed of a year holds thousands of events.
FEED_DESCRIPTION_CHARS = 300
# Serialised VEVENTs kept per process, keyed by the event's version: a feed is fetched again and again by
# calendar clients while its events rarely change. About 1 KB each.
# Serialised VEVENTs are kept in this process's memory (settings.CACHES), one per version of an event.
VEVENT_CACHE = "local"


def event_uid(event) -> str:
    return f"{event.uid}@{UID_DOMAIN}"


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(local_zone())


def _exdate(value: str, event) -> dt.date | dt.datetime | None:
    """An exdates entry (ISO date or datetime) as the type DTSTART has; None when it does not parse."""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    if event.all_day:
        return parsed.date()
    if "T" not in value and " " not in value:
        # A bare date excludes the occurrence on that day, at the event's starting time.
        parsed = dt.datetime.combine(parsed.date(), _local(event.starts_at).time())
    if timezone.is_naive(parsed):
        return parsed.replace(tzinfo=local_zone())
    return _local(parsed)


def location(event) -> str:
    parts = [event.venue, event.street, event.town]
    place = ", ".join(part for part in parts if part)
    return place or event.online_url


def event_to_vevent(event, *, description_chars: int | None = None) -> icalendar.Event:
    """The event as a VEVENT; `event` needs no related rows (no queries are made)."""
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", (event.updated_at or timezone.now()).astimezone(dt.UTC))
    if event.updated_at:
        vevent.add("last-modified", event.updated_at.astimezone(dt.UTC))
    vevent.add("sequence", event.sequence)
    vevent.add("summary", event.title)
    if event.all_day:
        start = _local(event.starts_at).date()
        # DTEND of an all-day event is exclusive: the day after the last one.
        end = max(_local(event.ends_at).date(), start) + dt.timedelta(days=1)
    else:
        start, end = _local(event.starts_at), _local(event.ends_at)
    vevent.add("dtstart", start)
    vevent.add("dtend", end)
    if event.rrule:
        vevent.add("rrule", icalendar.vRecur.from_ical(event.rrule))
        exdates = [d for d in (_exdate(value, event) for value in event.exdates or []) if d is not None]
        if exdates:
            vevent.add("exdate", exdates)
    vevent.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    url = absolute_url(event.get_absolute_url())
    vevent.add("url", url)
    description = plain_text(event.description)  # a calendar app shows the description as it is, marks and all
    if description_chars is not None:
        description = Truncator(description).chars(description_chars)
    if event.is_cancelled and event.cancellation_reason:
        description = f"{event.cancellation_reason}\n\n{description}"
    if event.online_url:
        description = f"{description}\n\n{event.online_url}"
    vevent.add("description", f"{description.strip()}\n\n{url}".strip())
    place = location(event)
    if place:
        vevent.add("location", place)
    vevent.add("categories", [str(event.get_kind_display())])
    return vevent


def calendar_for(events, *, name: str = "") -> icalendar.Calendar:
    """A VCALENDAR of the events, with the VTIMEZONE their times refer to."""
    calendar = calendar_header(name)
    for event in events:
        calendar.add_component(event_to_vevent(event))
    add_timezone(calendar)
    return calendar


def feed_bytes(events, *, name: str = "") -> bytes:
    """The subscription feed as bytes: the same VCALENDAR as calendar_for(), with shortened descriptions
    and each event's VEVENT serialised once per version of the event."""
    header = calendar_header(name).to_ical()
    assert header.endswith(b"END:VCALENDAR\r\n")
    language = get_language() or ""
    events = list(events)
    # The key holds everything the text depends on, so a changed event is a new key, never a stale one.
    site = hashlib.sha256(settings.SITE_URL.encode()).hexdigest()[:12]
    keys = [
        f"vevent:{language}:{site}:{event.pk}:{event.sequence}:{event.status}:{event.updated_at.timestamp()}"
        for event in events
    ]
    cache = caches[VEVENT_CACHE]
    cached, missing = cache.get_many(keys), {}
    chunks, years = [], []
    for key, event in zip(keys, events, strict=True):
        chunk = cached.get(key)
        if chunk is None:
            chunk = missing[key] = event_to_vevent(event, description_chars=FEED_DESCRIPTION_CHARS).to_ical()
        chunks.append(chunk)
        years.append(event.starts_at.year)
    if missing:
        cache.set_many(missing, timeout=None)
    return b"".join([
        header[: -len(b"END:VCALENDAR\r\n")], timezone_bytes(*year_span(years)), *chunks, b"END:VCALENDAR\r\n",
    ])


def to_bytes(calendar: icalendar.Calendar) -> bytes:
    return calendar.to_ical()

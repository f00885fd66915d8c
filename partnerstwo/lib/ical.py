"""iCalendar (RFC 5545) pieces shared by the site's calendars: the events, the competitions and the schedule.

Every calendar has the same header and names one time zone, settings.TIME_ZONE, in a VTIMEZONE covering
the years of its entries; what goes into each VEVENT is the business of the app that owns the calendar.
"""

import datetime as dt
import functools
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone

PRODID = "-//Partnerstwo//Kalendarz wydarzen//PL"
# The right-hand side of every UID the site gives out ("<something stable>@partnerstwo").
UID_DOMAIN = "partnerstwo"


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def calendar_header(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def add_timezone(calendar: icalendar.Calendar) -> None:
    # Every time is in the one zone of settings.TIME_ZONE; an all-day-only calendar still names it in
    # X-WR-TIMEZONE, so the VTIMEZONE is always present. The years covered bound its transitions.
    years = [component.decoded("dtstart").year for component in calendar.walk("VEVENT")]
    calendar.subcomponents.insert(0, timezone_component(*year_span(years)))


def year_span(years) -> tuple[int, int]:
    this_year = timezone.now().year
    years = list(years) or [this_year]
    return min(min(years), this_year) - 1, max(max(years), this_year) + 3


@functools.lru_cache(maxsize=16)
def timezone_bytes(first_year: int, last_year: int) -> bytes:
    """The serialised VTIMEZONE, for feeds assembled from serialised parts."""
    return timezone_component(first_year, last_year).to_ical()


def timezone_component(first_year: int, last_year: int) -> icalendar.Timezone:
    return icalendar.Timezone.from_tzinfo(
        local_zone(), first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 1, 1)
    )

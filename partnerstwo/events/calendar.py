"""The calendar's periods (month, week, list) and the month grid, in the city's local time."""

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from partnerstwo.events.models import Occurrence

# A month cell lists this many occurrences; the rest are a link to that day's list.
MONTH_DAY_LIMIT = 4
LIST_PAGE_SIZE = 25
# A week in a big city can hold hundreds of events; the week view lists this many per day.
WEEK_DAY_LIMIT = 30
# Occurrences are found by their start within this reach before the period, so the starts_at index is
# read for about two months, not a decade (a year's reach made the month view three times slower at
# 200,000 events). A single occurrence longer than this is not shown after its first two months.
LONGEST_OCCURRENCE = dt.timedelta(days=62)


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=zone())


def today() -> dt.date:
    return timezone.localdate()


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@dataclass
class Day:
    date: dt.date
    in_month: bool = True
    occurrences: list = field(default_factory=list)
    more: int = 0

    @property
    def is_today(self) -> bool:
        return self.date == today()


def for_calendar(occurrences):
    """Only what a calendar entry shows: one query, the event joined."""
    return occurrences.select_related("event").only(
        "starts_at", "ends_at", "is_cancelled",
        "event__title", "event__slug", "event__kind", "event__status", "event__all_day",
        "event__online_url", "event__is_free",
    ).order_by("starts_at", "event_id")


def days_with(occurrences, first: dt.date, last: dt.date, *, limit: int) -> list[Day]:
    """Day cells from first to last inclusive, each listing (at most `limit` of) the occurrences that
    touch it; a multi-day occurrence appears on each of its days.

    A busy month holds thousands of dates: they are read as (pk, start, end) only, and the entries
    shown (at most `limit` a day) are then read in full, by a second query.
    """
    days = {first + dt.timedelta(days=n): Day(first + dt.timedelta(days=n)) for n in range((last - first).days + 1)}
    local = zone()
    rows = occurrences.order_by("starts_at", "event_id").values_list("pk", "starts_at", "ends_at")
    for pk, starts_at, ends_at in rows:
        start = starts_at.astimezone(local).date()
        end = ends_at.astimezone(local)
        # An event that ends at midnight does not take the next day.
        end_day = end.date()
        if end.time() == dt.time.min and end_day > start:
            end_day -= dt.timedelta(days=1)
        day = max(start, first)
        while day <= min(end_day, last):
            cell = days[day]
            if len(cell.occurrences) < limit:
                cell.occurrences.append(pk)
            else:
                cell.more += 1
            day += dt.timedelta(days=1)
    shown = {pk for cell in days.values() for pk in cell.occurrences}
    entries = {entry.pk: entry for entry in for_calendar(Occurrence.objects.filter(pk__in=shown))} if shown else {}
    for cell in days.values():
        cell.occurrences = [entries[pk] for pk in cell.occurrences]
    return list(days.values())


def overlapping(occurrences, start: dt.datetime, end: dt.datetime):
    """Occurrences that overlap [start, end)."""
    return occurrences.filter(starts_at__gte=start - LONGEST_OCCURRENCE).between(start, end)


def month_grid(occurrences, month: dt.date) -> list[list[Day]]:
    """Weeks (Monday first) covering the month; `occurrences` already filtered (any period)."""
    first = week_start(month_start(month))
    last_of_month = add_months(month, 1) - dt.timedelta(days=1)
    last = week_start(last_of_month) + dt.timedelta(days=6)
    rows = overlapping(occurrences, local_midnight(first), local_midnight(last + dt.timedelta(days=1)))
    days = days_with(rows, first, last, limit=MONTH_DAY_LIMIT)
    for cell in days:
        cell.in_month = cell.date.month == month.month
    return [days[i:i + 7] for i in range(0, len(days), 7)]


def week_days(occurrences, start: dt.date) -> list[Day]:
    end = start + dt.timedelta(days=7)
    rows = overlapping(occurrences, local_midnight(start), local_midnight(end))
    return days_with(rows, start, end - dt.timedelta(days=1), limit=WEEK_DAY_LIMIT)


def from_day(occurrences, start: dt.date):
    """The list view: occurrences that end on or after the start of the day, earliest first."""
    return for_calendar(ongoing(occurrences, local_midnight(start)))


def ongoing(occurrences, moment: dt.datetime):
    """Occurrences that have not ended at `moment` (bounded by their start, for the index)."""
    return occurrences.filter(starts_at__gte=moment - LONGEST_OCCURRENCE, ends_at__gte=moment)


def public_occurrences():
    return Occurrence.objects.public()

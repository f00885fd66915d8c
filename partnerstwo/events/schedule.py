"""The dates an event happens on: its RRULE expanded into Occurrence rows.

Rules are expanded in Europe/Warsaw wall-clock time, so weekly classes at 18:00 stay at 18:00 across the
change to and from summer time. Rows that people registered for are never deleted: if a new rule drops
their date they stay, marked cancelled, so the registrations and their history remain.
"""

import datetime
import zoneinfo

from dateutil import rrule as rrule_lib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.events.models import Event, Occurrence, Registration

HORIZON = datetime.timedelta(days=2 * 365)  # an open-ended rule is materialised this far ahead
MAX_OCCURRENCES = 750  # a daily rule for two years fits; anything beyond is a mistake or abuse
MAX_SPAN = datetime.timedelta(days=5 * 365)  # no rule runs longer than this from its first date
ALLOWED_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
# Times of day come from the event's start: BYHOUR and finer would make many events a day.
ALLOWED_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST"}


def local_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _naive_local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value, local_zone()).replace(tzinfo=None)


def _aware(value: datetime.datetime) -> datetime.datetime:
    # fold=0: an ambiguous autumn hour means its first (summer-time) instance.
    return value.replace(tzinfo=local_zone())


def normalise_rule(text: str) -> str:
    """Upper-cased, without an "RRULE:" prefix or spaces, UNTIL in UTC as RFC 5545 wants with a TZID start.

    An UNTIL without "Z" is read as Warsaw time (a bare date as the end of that day). Text that cannot be
    read is returned as typed, for occurrence_times to refuse with a message.
    """
    text = "".join((text or "").split()).upper()
    if text.startswith("RRULE:"):
        text = text[len("RRULE:"):]
    parts = []
    for part in text.split(";"):
        name, sep, value = part.partition("=")
        if name == "UNTIL":
            try:
                until = _until_local(value).replace(tzinfo=local_zone())
            except ValueError:
                pass
            else:
                value = until.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        parts.append(f"{name}{sep}{value}")
    return ";".join(part for part in parts if part)


def _until_local(value: str) -> datetime.datetime:
    """UNTIL as naive Warsaw wall time; ValueError if unreadable."""
    if value.endswith("Z"):
        until = datetime.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC)
        return _naive_local(until)
    if len(value) == 8:
        return datetime.datetime.strptime(value, "%Y%m%d").replace(hour=23, minute=59, second=59)
    return datetime.datetime.strptime(value, "%Y%m%dT%H%M%S")


def _invalid(message=None):
    return ValidationError(
        message or _("Nie rozpoznano reguły powtarzania. Przykład poprawnej: FREQ=WEEKLY;BYDAY=TU;COUNT=10."),
        code="invalid",
    )


def _parsed(rule: str, dtstart: datetime.datetime, horizon: datetime.datetime):
    """(the dateutil rule bounded by its UNTIL, or by `horizon` if open-ended, its COUNT); ValidationError if bad.

    dateutil searches for the next date up to the year 9999, which takes seconds for a rule that can never
    match (the 30th of February); so every rule gets an UNTIL within MAX_SPAN of its start.
    """
    fields = {}
    for part in rule.split(";"):
        name, _sep, value = part.partition("=")
        if name in fields or not value:
            raise _invalid()
        fields[name] = value
    if fields.get("FREQ") not in ALLOWED_FREQUENCIES:
        raise ValidationError(
            _("Reguła musi zawierać FREQ=DAILY, WEEKLY, MONTHLY lub YEARLY, np. FREQ=WEEKLY;BYDAY=TU."),
            code="frequency",
        )
    unknown = set(fields) - ALLOWED_PARTS
    if unknown:
        raise _invalid(_("Ta część reguły nie jest obsługiwana: %(parts)s.") % {"parts": ", ".join(sorted(unknown))})
    try:
        _check_feasible(fields)
        count = int(fields.pop("COUNT")) if "COUNT" in fields else None
        until = _until_local(fields.pop("UNTIL")) if "UNTIL" in fields else None
    except ValueError:
        raise _invalid() from None
    if count is not None and count < 1:
        raise _invalid()
    limit = dtstart + MAX_SPAN
    if until and until > limit:
        raise ValidationError(
            _("Powtarzanie może trwać najwyżej 5 lat; podaj wcześniejszą datę końca (UNTIL)."), code="too_long"
        )
    end = until or (limit if count else min(horizon, limit))
    text = ";".join(f"{name}={value}" for name, value in fields.items()) + f";UNTIL={end:%Y%m%dT%H%M%S}"
    try:
        return rrule_lib.rrulestr(text, dtstart=dtstart), count
    except (ValueError, TypeError, OverflowError):
        raise _invalid() from None


def parse_exdate(text: str) -> datetime.date | datetime.datetime:
    """'2026-12-24' (a whole day) or '2026-12-24T18:00' / '2026-12-24 18:00' (local time); ValueError if neither."""
    text = text.strip()
    if len(text) == 10:
        return datetime.date.fromisoformat(text)
    value = datetime.datetime.fromisoformat(text.replace(" ", "T"))
    return _naive_local(value) if value.tzinfo else value


def parse_exdate_day(text) -> datetime.date | None:
    """The local day an exdates entry falls on; None when it does not parse."""
    try:
        value = parse_exdate(str(text))
    except ValueError:
        return None
    return value.date() if isinstance(value, datetime.datetime) else value


# Days in each month of a leap year, and how many dates a period can hold, for _check_feasible.
MONTH_DAYS = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
PERIOD_DAYS = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}
WEEKDAYS_PER_PERIOD = {"DAILY": 1, "WEEKLY": 1, "MONTHLY": 5, "YEARLY": 53}


def _check_feasible(fields: dict) -> None:
    """Refuses rules no date can ever satisfy (the 30th of February, the 9th Monday of a month).

    dateutil would look for their first date until the year 9999 (it applies UNTIL only to dates it
    found), which takes seconds; ValueError for numbers that are not numbers.
    """
    def numbers(name):
        return [int(value) for value in fields[name].split(",")] if name in fields else []

    months = numbers("BYMONTH") or list(MONTH_DAYS)
    if any(month not in MONTH_DAYS for month in months):
        raise _invalid()
    monthdays = numbers("BYMONTHDAY")
    if monthdays and not any(0 < abs(day) <= MONTH_DAYS[month] for month in months for day in monthdays):
        raise ValidationError(_("Żadna data nie spełnia tej reguły (np. 30 lutego)."), code="impossible")
    positions = numbers("BYSETPOS")
    if positions:
        size = PERIOD_DAYS[fields["FREQ"]]
        if "BYDAY" in fields:
            size = min(size, len(fields["BYDAY"].split(",")) * WEEKDAYS_PER_PERIOD[fields["FREQ"]])
        if not any(0 < abs(position) <= size for position in positions):
            raise ValidationError(_("Żadna data nie spełnia tej reguły (BYSETPOS poza zakresem)."), code="impossible")


def _excluded(start: datetime.datetime, exdates: list) -> bool:
    for text in exdates:
        try:
            excluded = parse_exdate(str(text))
        except ValueError:
            continue
        if isinstance(excluded, datetime.datetime):
            if excluded == start:
                return True
        elif excluded == start.date():
            return True
    return False


def occurrence_times(
    *, starts_at: datetime.datetime, ends_at: datetime.datetime, rule: str = "", exdates=(), now=None
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """(start, end) of every occurrence, aware; a single event has one. Raises ValidationError on a bad rule."""
    rule = normalise_rule(rule)
    if not rule:
        return [(starts_at, ends_at)]
    start_local, end_local = _naive_local(starts_at), _naive_local(ends_at)
    duration = end_local - start_local  # in wall-clock time: 18:00–20:00 stays so across DST
    horizon = _naive_local(max(now or timezone.now(), starts_at) + HORIZON)
    parsed, count = _parsed(rule, start_local, horizon)
    exdates = list(exdates)
    times, number = [], 0
    try:
        for number, start in enumerate(parsed, start=1):
            if count and number > count:
                break
            if number > MAX_OCCURRENCES:
                raise ValidationError(
                    _("Reguła daje więcej niż %(max)s terminów. Ogranicz ją (COUNT lub UNTIL) albo podziel wydarzenie.")
                    % {"max": MAX_OCCURRENCES},
                    code="too_many",
                )
            if not _excluded(start, exdates):
                times.append((_aware(start), _aware(start + duration)))
    except (ValueError, OverflowError):
        raise _invalid() from None
    if count and 0 < number < count:
        raise ValidationError(
            _("Powtarzanie może trwać najwyżej 5 lat; zmniejsz liczbę powtórzeń (COUNT)."), code="too_long"
        )
    if not times:
        raise ValidationError(_("Reguła powtarzania nie daje żadnego terminu."), code="empty")
    return times


@transaction.atomic
def rebuild(event: Event, *, now=None) -> list[Occurrence]:
    """Brings the event's Occurrence rows in line with its dates; returns those cancelled by the change.

    A date that stays keeps its row; one that moved within the same day (a new start time) moves its row,
    registrations included; a dropped date's row is deleted, or cancelled if anyone registered for it.
    """
    wanted = dict(occurrence_times(
        starts_at=event.starts_at, ends_at=event.ends_at, rule=event.rrule, exdates=event.exdates, now=now,
    ))
    existing = list(
        Occurrence.objects.select_for_update().filter(event=event)
        .annotate(has_registrations=Exists(Registration.objects.filter(occurrence=OuterRef("pk"))))
        .order_by("starts_at")
    )
    unmatched = []
    for occurrence in existing:
        if occurrence.starts_at in wanted:
            _update(occurrence, ends_at=wanted.pop(occurrence.starts_at), is_cancelled=False)
        else:
            unmatched.append(occurrence)

    # A single event that moved, or a repeating one whose time of day changed: move the rows.
    leftovers = []
    if not normalise_rule(event.rrule):
        if unmatched and wanted:
            start, end = wanted.popitem()
            _update(unmatched.pop(0), starts_at=start, ends_at=end, is_cancelled=False)
        leftovers = unmatched
    else:
        by_day = {}
        for start in wanted:
            by_day.setdefault(_naive_local(start).date(), start)
        for occurrence in unmatched:
            start = by_day.pop(_naive_local(occurrence.starts_at).date(), None)
            if start is None:
                leftovers.append(occurrence)
            else:
                _update(occurrence, starts_at=start, ends_at=wanted.pop(start), is_cancelled=False)

    cancelled = []
    for occurrence in leftovers:
        if occurrence.has_registrations:
            if not occurrence.is_cancelled:
                _update(occurrence, is_cancelled=True)
                cancelled.append(occurrence)
        else:
            occurrence.delete()
    Occurrence.objects.bulk_create(
        Occurrence(event=event, starts_at=start, ends_at=end) for start, end in sorted(wanted.items())
    )
    return cancelled


def _update(occurrence: Occurrence, **values) -> None:
    changed = [name for name, value in values.items() if getattr(occurrence, name) != value]
    for name in changed:
        setattr(occurrence, name, values[name])
    if changed:
        occurrence.save(update_fields=changed)

"""The plain choices a repeating event is entered with, and the RRULE they stand for.

People choose "every week on Tuesday and Thursday, ten times" or "every month on the second Tuesday,
until 30 June"; the event keeps the RFC 5545 rule (for schedule.py and the feeds). A stored rule that these
choices cannot say (a daily or yearly rule, several days of the month...) is kept as it is: from_rule
returns None for it and the form shows it read-only.
"""

import dataclasses
import datetime

import icalendar
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnerstwo.events import schedule

WEEKLY, MONTHLY_DAY, MONTHLY_WEEKDAY = "weekly", "monthly_day", "monthly_weekday"
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]  # index = datetime.date.weekday()
ORDINALS = [1, 2, 3, 4, -1]  # "the Nth weekday of the month"; -1 is the last one
MAX_INTERVAL = 12
WEEKDAY_NAMES = [
    _("poniedziałek"), _("wtorek"), _("środa"), _("czwartek"), _("piątek"), _("sobota"), _("niedziela"),
]
# "the second Tuesday" / "the second Wednesday": Polish ordinals agree with the weekday's gender.
ORDINAL_NAMES = {
    "m": {1: _("pierwszy"), 2: _("drugi"), 3: _("trzeci"), 4: _("czwarty"), -1: _("ostatni")},
    "f": {1: _("pierwsza"), 2: _("druga"), 3: _("trzecia"), 4: _("czwarta"), -1: _("ostatnia")},
}
FEMININE_WEEKDAYS = {2, 5, 6}


def nth_weekday_name(ordinal: int, weekday: int):
    """'drugi wtorek', 'ostatnia niedziela' (lazy)."""
    gender = "f" if weekday in FEMININE_WEEKDAYS else "m"
    return format_lazy("{} {}", ORDINAL_NAMES[gender][ordinal], WEEKDAY_NAMES[weekday])


@dataclasses.dataclass(frozen=True)
class Recurrence:
    frequency: str  # WEEKLY, MONTHLY_DAY or MONTHLY_WEEKDAY
    interval: int = 1
    weekdays: tuple[int, ...] = ()  # WEEKLY: 0 = Monday
    month_day: int | None = None  # MONTHLY_DAY: 1–31
    ordinal: int | None = None  # MONTHLY_WEEKDAY: one of ORDINALS...
    weekday: int | None = None  # ...and the weekday, 0 = Monday
    until: datetime.date | None = None  # the last day an occurrence may fall on, or
    count: int | None = None  # how many occurrences (before exceptions)

    def to_rule(self) -> str:
        """The normalised RRULE (UNTIL in UTC at the end of the `until` day, Warsaw time)."""
        parts = {"FREQ": "WEEKLY" if self.frequency == WEEKLY else "MONTHLY"}
        if self.interval != 1:
            parts["INTERVAL"] = self.interval
        if self.frequency == WEEKLY:
            parts["BYDAY"] = [WEEKDAY_CODES[day] for day in sorted(set(self.weekdays))]
        elif self.frequency == MONTHLY_DAY:
            parts["BYMONTHDAY"] = self.month_day
        else:
            parts["BYDAY"] = f"{self.ordinal}{WEEKDAY_CODES[self.weekday]}"
        if self.until:
            parts["UNTIL"] = self.until
        elif self.count:
            parts["COUNT"] = self.count
        return schedule.normalise_rule(icalendar.vRecur(parts).to_ical().decode())


def describe(rule: str, starts_at: datetime.datetime) -> str:
    """The rule in words, as the form offers it ("co tydzień: wtorek, czwartek; do 30.06.2027"); the rule itself
    when the plain choices cannot say it."""
    plain = from_rule(rule, starts_at)
    if plain is None:
        return rule
    if plain.frequency == WEEKLY:
        often = gettext("co tydzień") if plain.interval == 1 else gettext("co %(n)s. tydzień") % {"n": plain.interval}
        text = gettext("%(often)s: %(days)s") % {"often": often, "days": ", ".join(map(str, (
            WEEKDAY_NAMES[day] for day in plain.weekdays)))}
    else:
        often = gettext("co miesiąc") if plain.interval == 1 else gettext("co %(n)s. miesiąc") % {"n": plain.interval}
        if plain.frequency == MONTHLY_DAY:
            text = gettext("%(often)s, %(day)s. dnia miesiąca") % {"often": often, "day": plain.month_day}
        else:
            which = nth_weekday_name(plain.ordinal, plain.weekday)
            text = gettext("%(often)s: %(days)s") % {"often": often, "days": which}
    end = (gettext("do %(date)s") % {"date": f"{plain.until:%d.%m.%Y}"} if plain.until
           else gettext("liczba terminów: %(count)s") % {"count": plain.count})
    return f"{text}; {end}"


def from_rule(rule: str, starts_at: datetime.datetime) -> Recurrence | None:
    """The plain choices of a stored rule, None for one they cannot express (or cannot read).

    Where a rule leaves something to the start (a weekly rule without days, a monthly one without the day),
    the start's value is filled in: dateutil, which expands the rules, takes it from there too.
    """
    rule = schedule.normalise_rule(rule)
    if not rule:
        return None
    try:
        return _from_parts(dict(icalendar.vRecur.from_ical(rule)), timezone.localtime(starts_at, schedule.local_zone()))
    except (ValueError, TypeError, KeyError, IndexError):  # a rule typed before this form, or by hand in the admin
        return None


def _from_parts(parts: dict, start: datetime.datetime) -> Recurrence | None:
    if set(parts) - {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYSETPOS", "UNTIL", "COUNT", "WKST"}:
        return None
    if any(len(values) != 1 for name, values in parts.items() if name not in ("BYDAY",)):
        return None
    frequency = parts["FREQ"][0]
    interval = int(parts.get("INTERVAL", [1])[0])
    if not 1 <= interval <= MAX_INTERVAL or ("WKST" in parts and parts["WKST"][0] != "MO" and interval > 1):
        return None  # a week starting on another day changes which weeks an interval skips
    end = _end(parts, start)
    if end is None:
        return None
    days = [str(day) for day in parts.get("BYDAY", [])]
    if frequency == "WEEKLY":
        if "BYMONTHDAY" in parts or "BYSETPOS" in parts or any(day not in WEEKDAY_CODES for day in days):
            return None
        weekdays = tuple(sorted(WEEKDAY_CODES.index(day) for day in days)) or (start.weekday(),)
        return Recurrence(WEEKLY, interval, weekdays=weekdays, **end)
    if frequency != "MONTHLY" or ("BYMONTHDAY" in parts and days):
        return None
    if not days:
        month_day = int(parts.get("BYMONTHDAY", [start.day])[0])
        if "BYSETPOS" in parts or not 1 <= month_day <= 31:
            return None
        return Recurrence(MONTHLY_DAY, interval, month_day=month_day, **end)
    if len(days) != 1:
        return None
    ordinal, code = days[0][:-2], days[0][-2:]
    if "BYSETPOS" in parts:  # BYDAY=TU;BYSETPOS=2 says what BYDAY=2TU says
        if ordinal:
            return None
        ordinal = parts["BYSETPOS"][0]
    try:
        ordinal = int(ordinal)
    except ValueError:
        return None
    if ordinal not in ORDINALS or code not in WEEKDAY_CODES:
        return None
    return Recurrence(MONTHLY_WEEKDAY, interval, ordinal=ordinal, weekday=WEEKDAY_CODES.index(code), **end)


def _end(parts: dict, start: datetime.datetime) -> dict | None:
    """{"until": the last day an occurrence can fall on} or {"count": n}; None for an open-ended rule.

    Occurrences all start at the start's time of day, so an UNTIL earlier in its day than that time ends
    the rule on the day before.
    """
    if "COUNT" in parts:
        return {"count": int(parts["COUNT"][0])} if "UNTIL" not in parts else None
    if "UNTIL" not in parts:
        return None
    until = parts["UNTIL"][0]
    if not isinstance(until, datetime.datetime):
        return {"until": until}
    until = timezone.localtime(until, schedule.local_zone()) if until.tzinfo else until
    day = until.date()
    if until.time() < start.time().replace(tzinfo=None):
        day -= datetime.timedelta(days=1)
    return {"until": day}


def occurrence_dates(recurrence: Recurrence, starts_at: datetime.datetime, ends_at: datetime.datetime) -> set:
    """The local dates the rule gives (without exceptions); ValidationError as schedule.occurrence_times."""
    zone = schedule.local_zone()
    return {
        timezone.localtime(start, zone).date()
        for start, _end in schedule.occurrence_times(starts_at=starts_at, ends_at=ends_at, rule=recurrence.to_rule())
    }

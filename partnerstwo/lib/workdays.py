"""Polish public holidays and working days, for deadlines counted in working days (domain.md §7.2).

The days follow the statute on public holidays (ustawa o dniach wolnych od pracy) as domain.md
§7.2 lists them: ten fixed dates (Christmas Eve only from 2025, when it became a holiday) and four
that move with Easter. A working day is Monday to Friday that is not a public holiday.
"""

from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter

# (month, day) of the holidays with a fixed date.
FIXED_HOLIDAYS = (
    (1, 1),  # Nowy Rok
    (1, 6),  # Trzech Króli
    (5, 1),  # Święto Pracy
    (5, 3),  # Święto Narodowe Trzeciego Maja
    (8, 15),  # Wniebowzięcie Najświętszej Maryi Panny
    (11, 1),  # Wszystkich Świętych
    (11, 11),  # Narodowe Święto Niepodległości
    (12, 25),  # pierwszy dzień Bożego Narodzenia
    (12, 26),  # drugi dzień Bożego Narodzenia
)
CHRISTMAS_EVE_FROM_YEAR = 2025
# Days after Easter Sunday of the movable holidays.
EASTER_OFFSETS = (
    0,  # Wielkanoc
    1,  # Poniedziałek Wielkanocny
    49,  # Zielone Świątki (niedziela)
    60,  # Boże Ciało (czwartek)
)


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[date]:
    days = {date(year, month, day) for month, day in FIXED_HOLIDAYS}
    if year >= CHRISTMAS_EVE_FROM_YEAR:
        days.add(date(year, 12, 24))
    easter_sunday = easter(year)
    days.update(easter_sunday + timedelta(days=offset) for offset in EASTER_OFFSETS)
    return frozenset(days)


def is_public_holiday(day: date) -> bool:
    return day in public_holidays(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_public_holiday(day)


def add_working_days(start: date, count: int) -> date:
    """The day that ends a period of `count` working days starting after `start` (`start` itself not counted).

    add_working_days(friday, 1) is the next Monday, or Tuesday when that Monday is a holiday.
    A count of 0 gives `start` back.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    while count:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day

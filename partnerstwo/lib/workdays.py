"""Polish public holidays and working days, for deadlines counted in working days (docs/law.md#working-days).

The holidays themselves come from the `holidays` package (its Polish calendar follows the statute on
public holidays, including Christmas Eve from 2025); the working-day arithmetic is ours. A working day
is Monday to Friday that is not a public holiday.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("PL", years=year))


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

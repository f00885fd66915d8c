"""Polish public holidays and working days, checked against the statute's own list."""

from datetime import date, timedelta

import pytest
from dateutil.easter import easter

from partnerstwo.lib.workdays import add_working_days, is_working_day, public_holidays

HOLIDAYS_2024 = {
    date(2024, 1, 1), date(2024, 1, 6), date(2024, 3, 31), date(2024, 4, 1), date(2024, 5, 1),
    date(2024, 5, 3), date(2024, 5, 19), date(2024, 5, 30), date(2024, 8, 15), date(2024, 11, 1),
    date(2024, 11, 11), date(2024, 12, 25), date(2024, 12, 26),
}
HOLIDAYS_2025 = {
    date(2025, 1, 1), date(2025, 1, 6), date(2025, 4, 20), date(2025, 4, 21), date(2025, 5, 1),
    date(2025, 5, 3), date(2025, 6, 8), date(2025, 6, 19), date(2025, 8, 15), date(2025, 11, 1),
    date(2025, 11, 11), date(2025, 12, 24), date(2025, 12, 25), date(2025, 12, 26),
}
HOLIDAYS_2026 = {
    date(2026, 1, 1), date(2026, 1, 6), date(2026, 4, 5), date(2026, 4, 6), date(2026, 5, 1),
    date(2026, 5, 3), date(2026, 5, 24), date(2026, 6, 4), date(2026, 8, 15), date(2026, 11, 1),
    date(2026, 11, 11), date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 26),
}


# The statute on public holidays as a rule: ten fixed dates (Christmas Eve only from 2025) and four that
# move with Easter. The site takes its days from the `holidays` package; this rule checks it.
FIXED_HOLIDAYS = ((1, 1), (1, 6), (5, 1), (5, 3), (8, 15), (11, 1), (11, 11), (12, 25), (12, 26))
EASTER_OFFSETS = (0, 1, 49, 60)  # Easter Sunday and Monday, Pentecost Sunday, Corpus Christi


def statutory_holidays(year: int) -> set[date]:
    days = {date(year, month, day) for month, day in FIXED_HOLIDAYS}
    if year >= 2025:
        days.add(date(year, 12, 24))
    days.update(easter(year) + timedelta(days=offset) for offset in EASTER_OFFSETS)
    return days


@pytest.mark.parametrize("year", range(2020, 2041))
def test_the_holidays_package_agrees_with_the_statute_from_2020_to_2040(year):
    assert public_holidays(year) == statutory_holidays(year)


@pytest.mark.parametrize(("year", "expected"), [(2024, HOLIDAYS_2024), (2025, HOLIDAYS_2025), (2026, HOLIDAYS_2026)])
def test_the_public_holidays_of_a_year_are_the_statutory_ones(year, expected):
    assert public_holidays(year) == expected


def test_2024_has_thirteen_holidays_and_christmas_eve_is_one_only_from_2025():
    assert len(public_holidays(2024)) == 13
    assert len(public_holidays(2025)) == 14
    assert len(public_holidays(2026)) == 14
    assert date(2024, 12, 24) not in public_holidays(2024)
    assert date(2025, 12, 24) in public_holidays(2025)


def test_weekends_and_holidays_are_not_working_days():
    assert is_working_day(date(2026, 11, 27))  # Friday
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert not is_working_day(date(2026, 11, 29))  # Sunday
    assert not is_working_day(date(2026, 11, 11))  # Wednesday, Independence Day
    assert not is_working_day(date(2026, 4, 6))  # Easter Monday
    assert not is_working_day(date(2026, 6, 4))  # Corpus Christi, a Thursday


def test_adding_working_days_skips_weekends_and_does_not_count_the_first_day():
    assert add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)  # Friday → Monday
    assert add_working_days(date(2026, 11, 23), 0) == date(2026, 11, 23)


def test_adding_working_days_skips_a_holiday_in_between():
    # Received on Thursday 5 Nov 2026: 6, 9, 10, 12, 13, 16, 17 (11 Nov is a holiday).
    assert add_working_days(date(2026, 11, 5), 7) == date(2026, 11, 17)


def test_adding_working_days_across_christmas_and_the_new_year():
    # Tuesday 22 Dec 2026: 23, 28, 29, 30, 31 Dec, 4, 5 Jan (24–26 Dec, 1 Jan, weekends off).
    assert add_working_days(date(2026, 12, 22), 7) == date(2027, 1, 5)


def test_a_negative_count_is_a_programming_error():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 1), -1)

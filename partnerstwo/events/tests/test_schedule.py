import datetime
import time

import pytest
from django.core.exceptions import ValidationError

from partnerstwo.events import schedule
from partnerstwo.events.models import Registration
from partnerstwo.events.tests import factories as f
from partnerstwo.events.tests.factories import local

NOW = local(2026, 10, 1, 12)


def times(starts_at, ends_at, rule="", exdates=()):
    return schedule.occurrence_times(starts_at=starts_at, ends_at=ends_at, rule=rule, exdates=exdates, now=NOW)


def test_a_single_event_has_one_occurrence():
    assert times(local(2026, 10, 6, 18), local(2026, 10, 6, 20)) == [(local(2026, 10, 6, 18), local(2026, 10, 6, 20))]


def test_weekly_classes_keep_their_wall_clock_time_across_the_end_of_summer_time():
    # Summer time ends on 25 October 2026: 18:00 stays 18:00 in Warsaw, so the UTC hour moves.
    result = times(local(2026, 10, 20, 18), local(2026, 10, 20, 20), "FREQ=WEEKLY;COUNT=2")
    assert [start for start, _end in result] == [local(2026, 10, 20, 18), local(2026, 10, 27, 18)]
    assert [start.astimezone(datetime.UTC).hour for start, _end in result] == [16, 17]
    assert all(end - start == datetime.timedelta(hours=2) for start, end in result)


def test_it_accepts_an_rrule_prefix_lower_case_and_spaces():
    result = times(local(2026, 10, 6, 18), local(2026, 10, 6, 20), "rrule: freq=weekly; count=3")
    assert len(result) == 3


def test_until_in_utc_is_read_as_the_moment_it_names():
    result = times(local(2026, 10, 6, 18), local(2026, 10, 6, 20), "FREQ=WEEKLY;UNTIL=20261020T160000Z")
    assert [start.date() for start, _end in result] == [
        datetime.date(2026, 10, 6), datetime.date(2026, 10, 13), datetime.date(2026, 10, 20),
    ]


def test_an_excluded_day_and_an_excluded_time_are_left_out():
    result = times(
        local(2026, 11, 3, 18), local(2026, 11, 3, 20), "FREQ=WEEKLY;COUNT=4",
        exdates=["2026-11-10", "2026-11-17T18:00"],
    )
    assert [start.day for start, _end in result] == [3, 24]


def test_an_open_ended_rule_is_materialised_two_years_ahead():
    result = times(local(2026, 10, 6, 18), local(2026, 10, 6, 20), "FREQ=WEEKLY")
    assert 100 <= len(result) <= 106
    assert result[-1][0] <= local(2026, 10, 6, 18) + schedule.HORIZON


def test_an_all_day_multi_day_event_repeats_with_its_length():
    result = times(local(2026, 10, 1), local(2026, 10, 2, 23, 59), "FREQ=MONTHLY;COUNT=2")
    assert result[1] == (local(2026, 11, 1), local(2026, 11, 2, 23, 59))


@pytest.mark.parametrize("rule", [
    "FREQ=MINUTELY", "FREQ=HOURLY;COUNT=3", "BYDAY=TU", "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;COUNT=abc",
    "FREQ=WEEKLY;UNTIL=jutro", "zupełnie nie reguła", "FREQ=DAILY;COUNT=5000", "FREQ=DAILY;BYHOUR=1,2,3",
    "FREQ=WEEKLY;COUNT=0", "FREQ=WEEKLY;FREQ=DAILY", "FREQ=WEEKLY;UNTIL=20400101T000000Z",
    "FREQ=YEARLY;COUNT=10", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=9",
    "FREQ=WEEKLY;BYSETPOS=8", "FREQ=MONTHLY;BYMONTH=13", "FREQ=MONTHLY;BYMONTHDAY=1,x",
])
def test_it_refuses_bad_or_abusive_rules_with_a_validation_error(rule):
    with pytest.raises(ValidationError):
        times(local(2026, 10, 6, 18), local(2026, 10, 6, 20), rule)


@pytest.mark.parametrize("rule", [
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3", "FREQ=MONTHLY;BYMONTH=4,6;BYMONTHDAY=31",
    "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=11",
])
def test_a_rule_that_can_never_match_is_refused_quickly(rule):
    started = time.monotonic()
    with pytest.raises(ValidationError):
        times(local(2026, 10, 6, 18), local(2026, 10, 6, 20), rule)
    assert time.monotonic() - started < 1


def test_friday_the_13th_and_the_last_weekday_of_the_month_are_fine():
    friday = times(local(2026, 1, 1, 18), local(2026, 1, 1, 20), "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=2")
    assert [start.date() for start, _end in friday] == [datetime.date(2026, 2, 13), datetime.date(2026, 3, 13)]
    last = times(local(2026, 1, 1, 18), local(2026, 1, 1, 20), "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=1")
    assert [start.date() for start, _end in last] == [datetime.date(2026, 1, 30)]


@pytest.mark.parametrize(("typed", "stored"), [
    ("FREQ=WEEKLY;UNTIL=20261231", "FREQ=WEEKLY;UNTIL=20261231T225959Z"),
    ("freq=weekly;until=20260701T120000", "FREQ=WEEKLY;UNTIL=20260701T100000Z"),
    ("FREQ=WEEKLY;UNTIL=20260701T100000Z", "FREQ=WEEKLY;UNTIL=20260701T100000Z"),
    ("RRULE:FREQ=WEEKLY;UNTIL=jutro", "FREQ=WEEKLY;UNTIL=JUTRO"),
])
def test_until_is_stored_in_utc_as_rfc_5545_wants(typed, stored):
    assert schedule.normalise_rule(typed) == stored


def test_a_rule_whose_every_date_is_excluded_is_refused():
    with pytest.raises(ValidationError) as error:
        times(local(2026, 10, 6, 18), local(2026, 10, 6, 20), "FREQ=DAILY;COUNT=1", exdates=["2026-10-06"])
    assert error.value.code == "empty"


def weekly(count=4, **fields):
    return f.event(starts_at=f.in_days(1), rrule=f"FREQ=WEEKLY;COUNT={count}", **fields)


@pytest.mark.django_db
def test_rebuild_creates_one_row_per_date_and_is_idempotent():
    event = weekly()
    assert event.occurrences.count() == 4
    assert schedule.rebuild(event) == []
    assert event.occurrences.count() == 4


@pytest.mark.django_db
def test_a_dropped_date_without_registrations_is_deleted():
    event = weekly()
    event.rrule = "FREQ=WEEKLY;COUNT=2"
    schedule.rebuild(event)
    assert event.occurrences.count() == 2


@pytest.mark.django_db
def test_a_dropped_date_with_registrations_stays_cancelled_with_its_registrations():
    event = weekly()
    last = event.occurrences.order_by("starts_at").last()
    f.registration(last)
    event.rrule = "FREQ=WEEKLY;COUNT=2"
    cancelled = schedule.rebuild(event)
    assert cancelled == [last]
    last.refresh_from_db()
    assert last.is_cancelled
    assert Registration.objects.filter(occurrence=last).count() == 1
    assert event.occurrences.filter(is_cancelled=False).count() == 2


@pytest.mark.django_db
def test_an_excluded_date_that_returns_is_no_longer_cancelled():
    event = weekly()
    second = event.occurrences.order_by("starts_at")[1]
    f.registration(second)
    event.exdates = [schedule._naive_local(second.starts_at).date().isoformat()]
    schedule.rebuild(event)
    second.refresh_from_db()
    assert second.is_cancelled
    event.exdates = []
    schedule.rebuild(event)
    second.refresh_from_db()
    assert not second.is_cancelled


@pytest.mark.django_db
def test_a_single_event_moved_to_another_day_keeps_its_occurrence_and_registrations():
    event = f.event()
    occurrence = f.occurrence(event)
    f.registration(occurrence)
    event.starts_at, event.ends_at = f.in_days(5, 10), f.in_days(5, 12)
    schedule.rebuild(event)
    occurrence.refresh_from_db()
    assert occurrence.starts_at == f.in_days(5, 10)
    assert occurrence.registrations.count() == 1
    assert event.occurrences.count() == 1


@pytest.mark.django_db
def test_weekly_classes_moved_to_a_later_hour_keep_their_rows():
    event = weekly()
    ids = list(event.occurrences.values_list("pk", flat=True))
    event.starts_at += datetime.timedelta(hours=1)
    event.ends_at += datetime.timedelta(hours=1)
    schedule.rebuild(event)
    assert sorted(event.occurrences.values_list("pk", flat=True)) == sorted(ids)
    assert all(timezone_hour(o.starts_at) == 19 for o in event.occurrences.all())


def timezone_hour(value):
    return value.astimezone(f.WARSAW).hour

"""Art. 13 ust. 1 (21 days from the last announcement), art. 13 ust. 2 items and art. 18 (report within 30 days)."""

import datetime as dt

import pytest

from partnerstwo.grants.competitions import rules
from partnerstwo.grants.tests.competition_factories import at, competition

# A Tuesday with no holidays in the 21 days after it: the edges are not moved by the holiday rule.
TUESDAY = dt.date(2027, 2, 2)


def test_a_deadline_at_23_59_on_the_20th_day_is_refused_citing_art_13_ust_1():
    problem = rules.offer_period_problem(TUESDAY, at(TUESDAY + dt.timedelta(days=20), 23, 59))
    assert "art. 13 ust. 1" in problem
    assert "23 lutego 2027" in problem  # the earliest allowed date is named


def test_a_deadline_at_the_end_of_the_21st_day_is_accepted():
    assert rules.offer_period_problem(TUESDAY, at(TUESDAY + dt.timedelta(days=21), 23, 59)) == ""
    assert rules.offer_period_problem(TUESDAY, at(TUESDAY + dt.timedelta(days=22), 0, 0)) == ""


@pytest.mark.parametrize("hour, minute", [(0, 1), (12, 0), (23, 58)])
def test_a_deadline_during_the_21st_day_is_refused_because_the_period_ends_with_the_day(hour, minute):
    problem = rules.offer_period_problem(TUESDAY, at(TUESDAY + dt.timedelta(days=21), hour, minute))
    assert "art. 13 ust. 1" in problem
    assert "23 lutego 2027, godz. 23:59" in problem


def test_the_deadline_is_read_in_warsaw_time_whatever_zone_it_comes_in():
    # 22:59 UTC on 23 Feb 2027 is 23:59 in Warsaw (CET, UTC+1): the end of the 21st day.
    assert rules.offer_period_problem(TUESDAY, dt.datetime(2027, 2, 23, 22, 59, tzinfo=dt.UTC)) == ""
    # 23:30 UTC on 22 Feb is already 23 Feb in Warsaw, but only 00:30: refused.
    assert rules.offer_period_problem(TUESDAY, dt.datetime(2027, 2, 22, 23, 30, tzinfo=dt.UTC))


@pytest.mark.parametrize("last_announcement, last_day", [
    (dt.date(2027, 3, 7), dt.date(2027, 3, 28)),  # clocks go forward on 28 March 2027 (CEST, UTC+2)
    (dt.date(2027, 10, 10), dt.date(2027, 10, 31)),  # clocks go back on 31 October 2027 (CET, UTC+1)
])
def test_the_end_of_the_21st_day_is_23_59_in_warsaw_on_a_dst_change_day(settings, last_announcement, last_day):
    settings.GRANTS_DEADLINES_SKIP_HOLIDAYS = False  # both are Sundays; the DST edge alone is tested here
    earliest = rules.earliest_offer_deadline_at(last_announcement)
    assert earliest == at(last_day, 23, 59)
    assert rules.offer_period_problem(last_announcement, earliest) == ""
    assert rules.offer_period_problem(last_announcement, earliest - dt.timedelta(minutes=1))
    assert rules.offer_period_problem(last_announcement, at(last_day - dt.timedelta(days=1), 23, 59))


def test_the_day_of_the_last_announcement_is_not_counted():
    assert rules.earliest_offer_deadline(TUESDAY) == TUESDAY + dt.timedelta(days=21)


def test_the_period_counts_from_the_last_of_the_three_announcements(db, department_x):
    made = competition(department_x, announced_on=TUESDAY, deadline=at(TUESDAY + dt.timedelta(days=22)))
    made.website_published_on = TUESDAY + dt.timedelta(days=2)  # the website a little late
    assert made.last_announcement_on == TUESDAY + dt.timedelta(days=2)
    assert any("art. 13 ust. 1" in problem for problem in rules.announcement_problems(made))


def test_a_period_ending_on_a_holiday_moves_to_the_next_working_day_by_default():
    # 21 days after 4 Dec 2026 is Christmas Day (Friday): the earliest deadline is Monday 28 Dec.
    assert rules.earliest_offer_deadline(dt.date(2026, 12, 4)) == dt.date(2026, 12, 28)


def test_the_unverified_holiday_rule_is_a_setting(settings):
    settings.GRANTS_DEADLINES_SKIP_HOLIDAYS = False
    assert rules.earliest_offer_deadline(dt.date(2026, 12, 4)) == dt.date(2026, 12, 25)
    assert rules.holiday_rule_help().startswith("Terminy liczymy w dniach kalendarzowych")


def test_the_report_is_due_30_days_after_the_task_ends():
    assert rules.report_due(dt.date(2027, 6, 30)) == dt.date(2027, 7, 30)


def test_a_complete_announcement_has_no_problems(db, department_x):
    assert rules.announcement_problems(competition(department_x)) == []


def test_every_publication_date_is_required_before_announcing(db, department_x):
    made = competition(department_x, notice_board_published_on=None)
    assert any("art. 13 ust. 3" in problem for problem in rules.announcement_problems(made))


def test_criteria_are_required_before_announcing(db, department_x):
    made = competition(department_x, criteria=False)
    assert any("kryteria" in problem for problem in rules.announcement_problems(made))


def test_point_7_needs_prior_tasks_or_an_explicit_statement_that_there_were_none(db, department_x):
    silent = competition(department_x, prior=False)
    assert any("pkt 7" in problem for problem in rules.announcement_problems(silent))
    stated = competition(department_x, prior=False, no_prior_tasks=True)
    assert rules.announcement_problems(stated) == []


@pytest.mark.parametrize("days_after", [0, -1])
def test_the_decision_must_come_after_the_offer_deadline(days_after):
    deadline = at(TUESDAY, 15)
    assert "pkt 6" in rules.decision_date_problem(deadline, TUESDAY + dt.timedelta(days=days_after))
    assert rules.decision_date_problem(deadline, TUESDAY + dt.timedelta(days=1)) == ""

"""The schedule's iCal feed (RFC 5545): planned months as all-day events, the actual offer deadlines."""

import datetime as dt

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.schedule import ical, planning
from partnerstwo.grants.tests import factories

pytestmark = pytest.mark.django_db


def feed(client, year=2027):
    response = client.get(reverse("grants:schedule_ical", args=[year]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def events(calendar):
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_each_planned_row_is_an_all_day_event_covering_its_month(client, department_x):
    row = factories.planned(factories.schedule_year(2027), department_x, task="Kluby seniora", month=12)
    event = events(feed(client))[ical.row_uid(row)]
    assert event.decoded("dtstart") == dt.date(2027, 12, 1)
    assert event.decoded("dtend") == dt.date(2028, 1, 1)  # exclusive: the whole of December
    assert "Kluby seniora" in str(event["summary"])
    assert "obejmuje cały miesiąc" in str(event["description"])
    assert "50\xa0000\xa0zł" in str(event["description"])


def test_uids_and_content_are_stable_across_requests(client, department_x):
    year = factories.schedule_year(2027)
    factories.planned(year, department_x, month=3)
    factories.planned(year, department_x, month=9)
    first = client.get(reverse("grants:schedule_ical", args=[2027])).content
    second = client.get(reverse("grants:schedule_ical", args=[2027])).content
    assert first == second
    assert len(events(icalendar.Calendar.from_ical(first))) == 2


def test_a_moved_row_keeps_its_uid_and_raises_its_sequence(client, department_x, official_x):
    row = factories.planned(factories.schedule_year(2027), department_x, month=3)
    before = events(feed(client))[ical.row_uid(row)]
    assert before["sequence"] == 0
    snapshot = planning.snapshot(row)
    row.planned_month = 4
    planning.update_row(row=row, before=snapshot, user=official_x)
    after = events(feed(client))[ical.row_uid(row)]
    assert after.decoded("dtstart") == dt.date(2027, 4, 1)
    assert after["sequence"] == 1
    assert "przesunięto z marca na kwiecień" in str(after["description"])


def test_a_withdrawn_row_is_sent_as_cancelled(client, department_x, official_x):
    row = factories.planned(factories.schedule_year(2027), department_x)
    planning.withdraw_row(row=row, user=official_x)
    assert str(events(feed(client))[ical.row_uid(row)]["status"]) == "CANCELLED"


def test_the_offer_deadline_of_an_announced_competition_is_in_the_feed(client, department_x):
    row = factories.planned(factories.schedule_year(2027), department_x, month=2)
    deadline = timezone.make_aware(dt.datetime(2027, 3, 1, 15, 30))
    competition = factories.competition(department=department_x, status=Competition.Status.ACCEPTING,
                                        planned=row, offer_deadline=deadline)
    hidden = factories.competition(department=department_x, status=Competition.Status.PLANNED, planned=row)
    found = events(feed(client))
    deadline_events = [event for uid, event in found.items() if uid.startswith(f"konkurs-{competition.pk}-")]
    assert [event.decoded("dtstart") for event in deadline_events] == [deadline]
    assert not any(uid.startswith(f"konkurs-{hidden.pk}-") for uid in found)


def test_the_feed_carries_its_timezone(client, department_x):
    factories.planned(factories.schedule_year(2027), department_x)
    calendar = feed(client)
    assert calendar.walk("VTIMEZONE")
    assert str(calendar["version"]) == "2.0"


def test_a_draft_has_no_feed(client, department_x):
    factories.planned(factories.schedule_year(2027, status="draft"), department_x)
    assert client.get(reverse("grants:schedule_ical", args=[2027])).status_code == 404
    assert client.get(reverse("grants:schedule_ical", args=[2030])).status_code == 404


def test_the_feed_takes_the_same_number_of_queries_for_few_and_many_rows(client, department_x,
                                                                         django_assert_num_queries):
    year = factories.schedule_year(2027)

    def add(count):
        for n in range(count):
            row = factories.planned(year, department_x, month=n % 12 + 1)
            factories.competition(department=department_x, status=Competition.Status.ACCEPTING, planned=row)

    add(1)
    with django_assert_num_queries(4):
        feed(client)
    add(20)
    with django_assert_num_queries(4):
        assert len(feed(client).walk("VEVENT")) == 42

"""iCalendar (RFC 5545): the single-event .ics, the subscription feeds; every file is parsed back."""

import datetime
import zoneinfo
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from django.urls import reverse

from partnerstwo.events import ical, publishing
from partnerstwo.events.models import EventKind, EventStatus
from partnerstwo.events.sharing import google_calendar_url
from partnerstwo.events.tests import factories
from partnerstwo.organizations.tests import factories as directory

pytestmark = pytest.mark.django_db

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


def _parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_the_description_is_plain_text_with_links_spelled_out(client):
    event = factories.event(description="## Program\n\n- **powitanie**\n- warsztat [RODO](https://uodo.gov.pl/)\n",
                            starts_at=factories.in_days(3, 10))
    [vevent] = _parse(client.get(reverse("events:ics", args=[event.slug]))).walk("VEVENT")

    description = str(vevent["description"])
    assert description.startswith("Program\n\n– powitanie\n– warsztat RODO (https://uodo.gov.pl/)\n\n")
    assert "*" not in description and "#" not in description and "[" not in description


def _vevents(calendar):
    return {str(component["uid"]): component for component in calendar.walk("VEVENT")}


def test_the_single_event_file_carries_the_events_details(client):
    event = factories.event(title="Szkolenie z RODO", description="Opis **szkolenia**.",
                            starts_at=factories.in_days(3, 10))
    response = client.get(reverse("events:ics", args=[event.slug]))
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    calendar = _parse(response)
    assert calendar["version"] == "2.0" and calendar["prodid"]
    [vevent] = calendar.walk("VEVENT")
    assert vevent["uid"] == f"{event.uid}@partnerstwo"
    assert vevent["summary"] == "Szkolenie z RODO"
    assert vevent.decoded("dtstart") == event.starts_at
    assert vevent.decoded("dtstart").tzinfo.key == "Europe/Warsaw"
    assert vevent["dtstart"].params["TZID"] == "Europe/Warsaw"
    assert vevent.decoded("dtend") == event.ends_at
    assert vevent["sequence"] == 0
    assert vevent["status"] == "CONFIRMED"
    assert vevent.decoded("dtstamp").tzinfo is not None
    assert str(vevent["url"]).endswith(event.get_absolute_url())
    assert "Centrum Współpracy" in vevent["location"]
    assert "Opis szkolenia." in vevent["description"]  # plain text: a calendar app shows no Markdown
    [timezone] = calendar.walk("VTIMEZONE")
    assert timezone["tzid"] == "Europe/Warsaw"
    assert calendar.get_missing_tzids() == set()


def test_a_draft_has_no_file(client):
    event = factories.event(status=EventStatus.DRAFT)
    assert client.get(reverse("events:ics", args=[event.slug])).status_code == 404


def test_a_repeating_event_is_one_vevent_with_its_rule_and_exceptions(client):
    starts = factories.local(2030, 3, 5, 17)  # a Tuesday in winter time; the series crosses into summer time
    event = factories.event(
        title="Zajęcia cotygodniowe", starts_at=starts, ends_at=starts + datetime.timedelta(hours=1),
        rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=8", exdates=["2030-03-19T17:00:00+01:00", "2030-04-09"],
    )
    [vevent] = _parse(client.get(reverse("events:ics", args=[event.slug]))).walk("VEVENT")
    rule = vevent["rrule"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU"] and rule["COUNT"] == [8]
    excluded = sorted(d.dt for exdate in _as_list(vevent["exdate"]) for d in exdate.dts)
    assert excluded == [
        datetime.datetime(2030, 3, 19, 17, tzinfo=WARSAW), datetime.datetime(2030, 4, 9, 17, tzinfo=WARSAW),
    ]
    # The wall-clock time stays 17:00 across the change to summer time.
    assert all(d.hour == 17 for d in excluded)


def _as_list(value):
    return value if isinstance(value, list) else [value]


def test_an_all_day_event_uses_dates_with_an_exclusive_end(client):
    event = factories.event(all_day=True, starts_at=factories.local(2030, 6, 1),
                            ends_at=factories.local(2030, 6, 2, 23))
    [vevent] = _parse(client.get(reverse("events:ics", args=[event.slug]))).walk("VEVENT")
    assert vevent.decoded("dtstart") == datetime.date(2030, 6, 1)
    assert vevent.decoded("dtend") == datetime.date(2030, 6, 3)


def test_the_uid_stays_and_the_sequence_grows_when_the_event_changes(client):
    event = factories.event(starts_at=factories.in_days(5))
    first = _vevents(_parse(client.get(reverse("events:ical"))))
    event.title = "Nowy tytuł"
    event.sequence += 1
    event.save()
    second = _vevents(_parse(client.get(reverse("events:ical"))))
    assert first.keys() == second.keys()
    [vevent] = second.values()
    assert vevent["sequence"] == 1 and vevent["summary"] == "Nowy tytuł"


def test_a_cancelled_event_stays_in_the_feed_marked_cancelled(client):
    event = factories.event(starts_at=factories.in_days(5), status=EventStatus.CANCELLED,
                            cancellation_reason="Choroba prowadzącego.")
    vevent = _vevents(_parse(client.get(reverse("events:ical"))))[f"{event.uid}@partnerstwo"]
    assert vevent["status"] == "CANCELLED"
    assert "Choroba prowadzącego." in vevent["description"]


def test_cancelling_through_publishing_sends_cancelled_with_a_higher_sequence(client, official_x):
    event = factories.event(starts_at=factories.in_days(5))
    publishing.cancel(event, by=official_x, reason="Odwołane.")
    vevent = _vevents(_parse(client.get(reverse("events:ical"))))[f"{event.uid}@partnerstwo"]
    assert vevent["status"] == "CANCELLED" and vevent["sequence"] >= 1


def test_the_feed_follows_the_calendar_filters_and_the_organiser(client):
    alfa = directory.organization("Fundacja Alfa")
    training = factories.event(kind=EventKind.TRAINING, organization=alfa, starts_at=factories.in_days(4))
    meeting = factories.event(kind=EventKind.MEETING, starts_at=factories.in_days(4))
    draft = factories.event(kind=EventKind.TRAINING, starts_at=factories.in_days(4), status=EventStatus.PENDING)
    everything = _vevents(_parse(client.get(reverse("events:ical"))))
    assert {f"{e.uid}@partnerstwo" for e in (training, meeting)} == everything.keys()
    assert f"{draft.uid}@partnerstwo" not in everything
    trainings = _vevents(_parse(client.get(reverse("events:ical") + "?rodzaj=training")))
    assert trainings.keys() == {f"{training.uid}@partnerstwo"}
    organiser = _parse(client.get(reverse("events:ical") + f"?organizator={alfa.slug}"))
    assert _vevents(organiser).keys() == {f"{training.uid}@partnerstwo"}
    assert "Fundacja Alfa" in str(organiser["x-wr-calname"])
    assert _vevents(_parse(client.get(reverse("trainings:ical")))).keys() == {f"{training.uid}@partnerstwo"}


def test_the_feed_leaves_out_events_long_past(client):
    old = factories.event(starts_at=factories.in_days(-90))
    assert f"{old.uid}@partnerstwo" not in _vevents(_parse(client.get(reverse("events:ical"))))


def test_an_empty_feed_is_still_a_valid_calendar_with_its_timezone(client):
    calendar = _parse(client.get(reverse("events:ical") + "?q=nic+takiego"))
    assert calendar.walk("VEVENT") == []
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Warsaw"


def test_the_feed_makes_the_same_number_of_queries_for_many_events(client, django_assert_num_queries):
    for n in range(3):
        factories.event(starts_at=factories.in_days(n + 1))
    # The filter form's sphere and district choices, then the events.
    with django_assert_num_queries(3):
        client.get(reverse("events:ical"))
    for n in range(30):
        factories.event(starts_at=factories.in_days(n + 1), rrule="FREQ=WEEKLY;COUNT=3")
    with django_assert_num_queries(3):
        assert len(_parse(client.get(reverse("events:ical"))).walk("VEVENT")) == 33


def test_calendar_for_can_be_reused_for_an_attachment():
    event = factories.event()
    calendar = icalendar.Calendar.from_ical(ical.calendar_for([event]).to_ical())
    assert calendar.walk("VEVENT")[0]["uid"] == f"{event.uid}@partnerstwo"


def test_the_google_calendar_link_carries_plain_text():
    event = factories.event(description="**Ważne:** zapisy [tutaj](https://example.org/z).")

    details = parse_qs(urlsplit(google_calendar_url(event)).query)["details"][0]

    assert details.startswith("Ważne: zapisy tutaj (https://example.org/z).\n\n")

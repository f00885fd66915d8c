import pytest
from django.conf import settings

from partnerstwo.accounts.models import User
from partnerstwo.events import recurrence
from partnerstwo.events.models import Event, EventChange, EventStatus, Registration
from partnerstwo.organizations.models import Organization

# The demo as one load gives it (conftest.demo_database); tests/test_demo.py runs it twice.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_database")]


def test_the_demo_loads_a_full_calendar():
    assert Event.objects.count() >= 30
    assert Event.objects.filter(status=EventStatus.CANCELLED).count() >= 2
    assert Event.objects.filter(status=EventStatus.PENDING).exists()
    assert len(set(Event.objects.values_list("kind", flat=True))) >= 6

    weekly = Event.objects.get(slug="demo-zajecia-ruchowe-seniorow")
    assert weekly.exdates and weekly.occurrences.count() == 8  # nine Tuesdays minus one
    # Every repeating event of the demo can be edited with the form's plain choices.
    for event in Event.objects.exclude(rrule=""):
        assert recurrence.from_rule(event.rrule, event.starts_at), event.rrule

    training = Event.objects.get(slug="demo-szkolenie-oferty-konkursowe")
    occurrence = training.occurrences.get()
    assert occurrence.registrations.filter(status=Registration.Status.CONFIRMED).count() == training.capacity
    assert occurrence.registrations.filter(status=Registration.Status.WAITING).count() == 3

    forum = Event.objects.get(slug="demo-forum-inicjatyw-pozarzadowych")
    assert forum.sessions.count() == 5 and forum.presenting_organizations.exists()

    # One story: the Centre's events are at the address, and give the telephone, that the footer shows.
    centre = settings.CITY["centre"]
    assert training.street == centre["street"] and training.venue.startswith(centre["name"])
    at_the_centre = Event.objects.filter(organization=None, organizer_kind="centre").exclude(street="")
    assert at_the_centre.exists() and set(at_the_centre.values_list("street", flat=True)) == {centre["street"]}
    assert all(centre["phone"] in event.description for event in Event.objects.filter(slug__startswith="demo-")
               if "Więcej informacji" in event.description)


def test_the_demo_representative_manages_only_their_organisations_events_and_the_story_has_a_change_and_a_hold():
    representative = User.objects.get(email="organizacja@example.org")
    managed = Event.objects.managed_by(representative)
    own = set(Organization.objects.represented_by(representative))
    assert managed.count() >= 4
    assert {event.organization for event in managed} == own
    assert not Event.objects.filter(submitted_by=representative).exclude(organization__in=own).exists()
    change = EventChange.objects.get(status=EventChange.Status.PENDING)
    assert change.event in managed and change.proposed_by == representative
    assert Registration.objects.filter(status=Registration.Status.UNCONFIRMED, holds_place=True).count() == 1

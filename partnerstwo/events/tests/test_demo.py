import io

import pytest
from django.core.management import call_command

from partnerstwo.events.models import Event, EventStatus, ForumSession, Occurrence, Registration

pytestmark = pytest.mark.django_db


def test_the_demo_loads_a_full_calendar_and_running_it_twice_adds_nothing():
    call_command("demo", stdout=io.StringIO())
    counts = (Event.objects.count(), Occurrence.objects.count(), Registration.objects.count(),
              ForumSession.objects.count())
    call_command("demo", stdout=io.StringIO())
    assert (Event.objects.count(), Occurrence.objects.count(), Registration.objects.count(),
            ForumSession.objects.count()) == counts
    assert Event.objects.count() >= 30
    assert Event.objects.filter(status=EventStatus.CANCELLED).count() >= 2
    assert Event.objects.filter(status=EventStatus.PENDING).exists()
    assert len(set(Event.objects.values_list("kind", flat=True))) >= 6

    weekly = Event.objects.exclude(rrule="").get()
    assert weekly.exdates and weekly.occurrences.count() == 8  # nine Tuesdays minus one

    training = Event.objects.get(slug="demo-szkolenie-oferty-konkursowe")
    occurrence = training.occurrences.get()
    assert occurrence.registrations.filter(status=Registration.Status.CONFIRMED).count() == training.capacity
    assert occurrence.registrations.filter(status=Registration.Status.WAITING).count() == 3

    forum = Event.objects.get(slug="demo-forum-inicjatyw-pozarzadowych")
    assert forum.sessions.count() == 5 and forum.presenting_organizations.exists()

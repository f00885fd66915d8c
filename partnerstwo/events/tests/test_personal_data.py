"""The events app's part of the account export and deletion, and the retention of registrations."""

import datetime
import json

import pytest
from django.conf import settings
from django.utils import timezone

from partnerstwo.events import personal_data, registration
from partnerstwo.events.models import Registration, RegistrationMode
from partnerstwo.events.tests import factories as f

pytestmark = pytest.mark.django_db


def open_date(days=1, capacity=5):
    return f.occurrence(f.event(registration_mode=RegistrationMode.HERE, capacity=capacity, starts_at=f.in_days(days),
                                title=f"Szkolenie za {days} dni"))


def past_date(days_ago):
    start = timezone.now() - datetime.timedelta(days=days_ago)
    return f.occurrence(f.event(registration_mode=RegistrationMode.HERE, starts_at=start,
                                ends_at=start + datetime.timedelta(hours=2), title=f"Szkolenie sprzed {days_ago} dni"))


def test_the_export_holds_the_persons_registrations_and_submitted_events_as_json(resident, representative_a):
    mine = registration.register(occurrence=open_date(), name="Anna Mieszkańska", email=resident.email,
                                 needs="Pętla indukcyjna", user=resident)
    # Registered without signing in, with the account's address: theirs too.
    f.registration(open_date(3), email=resident.email.upper(), name="Anna M.")
    f.registration(open_date(), email="ktos.inny@example.org")
    f.event(title="Mój piknik", submitted_by=resident)
    f.event(title="Cudze wydarzenie", submitted_by=representative_a)

    data = personal_data.export(resident)

    json.dumps(data)  # serialisable as it is
    registrations = data["event_registrations"]
    assert [r["event"] for r in registrations] == ["Szkolenie za 1 dni", "Szkolenie za 3 dni"]
    first = registrations[0]
    assert (first["status"], first["needs"], first["email"]) == ("confirmed", "Pętla indukcyjna", resident.email)
    assert first["date"].startswith(mine.occurrence.starts_at.astimezone(f.WARSAW).date().isoformat())
    assert [e["title"] for e in data["submitted_events"]] == ["Mój piknik"]


def test_forgetting_a_person_frees_their_future_places_for_the_waiting_list_and_anonymises_everything(
    resident, django_capture_on_commit_callbacks, mailoutbox
):
    ahead = open_date(capacity=1)
    mine = f.registration(ahead, email=resident.email, name="Anna Mieszkańska", needs="Dieta", user=resident)
    waiting = f.registration(ahead, email="czeka@example.org", status=Registration.Status.WAITING)
    past = f.registration(past_date(10), email=resident.email, name="Anna Mieszkańska", attended=True)

    with django_capture_on_commit_callbacks(execute=True):
        personal_data.forget(resident)

    mine.refresh_from_db()
    past.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.status == "cancelled" and waiting.status == "confirmed"
    assert [m.to for m in mailoutbox] == [["czeka@example.org"]]
    for row in (mine, past):
        assert (row.name, row.email, row.needs, row.user, row.anonymised_at is not None) == ("", "", "", None, True)
    assert past.attended is True and past.status == "confirmed"  # the statistics stay
    assert personal_data.export(resident) == {"event_registrations": [], "submitted_events": []}
    resident.delete()  # the account can go afterwards
    assert Registration.objects.count() == 3


def test_registrations_are_anonymised_the_configured_number_of_days_after_the_event_and_counts_stay():
    assert settings.EVENTS_REGISTRATION_RETENTION_DAYS == 180
    days = settings.EVENTS_REGISTRATION_RETENTION_DAYS
    old = past_date(days + 2)
    recent = past_date(days - 2)
    came = f.registration(old, name="Jan Kowalski", email="jan@example.org", needs="Wózek", attended=True)
    f.registration(old, name="Ewa Nowak", email="ewa@example.org", attended=False)
    f.registration(old, name="Piotr", email="piotr@example.org", status=Registration.Status.CANCELLED)
    kept = f.registration(recent, name="Zofia", email="zofia@example.org")

    assert personal_data.expire(timezone.now()) == {"event_registrations_anonymised": 3}

    came.refresh_from_db()
    kept.refresh_from_db()
    assert (came.name, came.email, came.needs, came.attended, came.status) == ("", "", "", True, "confirmed")
    assert kept.email == "zofia@example.org"
    assert old.registrations.filter(attended=True).count() == 1
    assert old.registrations.filter(status="confirmed").count() == 2
    # Idempotent: nothing left to do the second time.
    assert personal_data.expire(timezone.now()) == {"event_registrations_anonymised": 0}


def test_the_retention_period_is_a_setting(settings):
    settings.EVENTS_REGISTRATION_RETENTION_DAYS = 5
    f.registration(past_date(7), email="jan@example.org")
    f.registration(past_date(3), email="ewa@example.org")
    assert personal_data.expire(timezone.now()) == {"event_registrations_anonymised": 1}
    assert list(Registration.objects.exclude(email="").values_list("email", flat=True)) == ["ewa@example.org"]

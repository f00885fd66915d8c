"""Event registrations in the site-wide rights of a person: the account export, deletion and retention."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.accounts import data_rights
from partnerstwo.accounts.deletion import delete_account
from partnerstwo.events.models import Registration, RegistrationMode
from partnerstwo.events.tests import factories as f

pytestmark = pytest.mark.django_db


def date_in(days):
    start = timezone.now() + datetime.timedelta(days=days)
    return f.occurrence(f.event(registration_mode=RegistrationMode.HERE, starts_at=start,
                                ends_at=start + datetime.timedelta(hours=2), title=f"Szkolenie {days}"))


def test_the_downloaded_file_lists_the_persons_registrations(client, resident):
    f.registration(date_in(5), email=resident.email, name="Anna Mieszkańska", needs="Tłumacz PJM", user=resident)
    client.force_login(resident)
    data = json.loads(client.post(reverse("accounts:export")).content)
    [entry] = data["data"]["events"]["event_registrations"]
    assert (entry["event"], entry["needs"]) == ("Szkolenie 5", "Tłumacz PJM")


def test_deleting_the_account_anonymises_its_registrations(resident):
    past = f.registration(date_in(-30), email=resident.email, name="Anna Mieszkańska", user=resident, attended=True)
    delete_account(user=resident)
    past.refresh_from_db()
    assert (past.name, past.email, past.user_id) == ("", "", None)
    assert past.attended


def test_the_retention_job_anonymises_registrations_after_the_period(settings):
    settings.EVENTS_REGISTRATION_RETENTION_DAYS = 180
    old = f.registration(date_in(-200), email="dawno@example.org", name="Dawny Uczestnik")
    recent = f.registration(date_in(-100), email="niedawno@example.org", name="Niedawny Uczestnik")
    counts = data_rights.apply_retention()
    assert counts["events"]["event_registrations_anonymised"] == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.email == "" and recent.email == "niedawno@example.org"
    assert Registration.objects.count() == 2

"""Places held for addresses not yet confirmed: they count while they run, expire on their own, and the
waiting list moves up into them; the scheduled job releases them, and racing never oversells."""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from partnerstwo.events import registration
from partnerstwo.events.models import Registration, RegistrationMode
from partnerstwo.events.tests import factories
from partnerstwo.events.tests.test_registration_concurrency import race

pytestmark = pytest.mark.django_db


def training(capacity=2):
    return factories.occurrence(factories.event(registration_mode=RegistrationMode.HERE, capacity=capacity))


def ask(occurrence, email):
    return registration.register(occurrence=occurrence, name="Jan Kowalski", email=email, confirmed=False)


def test_an_unconfirmed_registration_holds_a_free_place_for_the_configured_time(settings):
    settings.EVENT_REGISTRATION_HOLD_MINUTES = 45
    occurrence = training(capacity=1)
    held = ask(occurrence, "jan@example.org")
    assert held.holds_place and held.hold_expires_at == held.created_at + datetime.timedelta(minutes=45)
    assert registration.places_left(occurrence) == 0
    late = ask(occurrence, "ewa@example.org")
    assert not late.holds_place  # nothing free to hold: after confirming, the waiting list
    assert registration.confirm_address(late).status == "waiting"
    assert registration.confirm_address(held).status == "confirmed"


def test_the_default_hold_is_an_hour():
    assert settings.EVENT_REGISTRATION_HOLD_MINUTES == 60


def test_an_expired_hold_frees_its_place_at_once_even_before_the_job_runs(fixed_clock):
    occurrence = training(capacity=1)
    ask(occurrence, "jan@example.org")
    fixed_clock.shift(datetime.timedelta(minutes=61))
    assert registration.places_left(occurrence) == 1
    assert registration.register(occurrence=occurrence, name="Ewa", email="ewa@example.org").status == "confirmed"
    assert not Registration.objects.filter(email="jan@example.org").exists()  # released, nothing kept


def test_a_released_place_goes_to_the_first_person_waiting_not_to_a_newcomer(fixed_clock):
    occurrence = training(capacity=1)
    ask(occurrence, "jan@example.org")
    factories.registration(occurrence, email="czeka@example.org", status=Registration.Status.WAITING)
    fixed_clock.shift(datetime.timedelta(minutes=61))
    newcomer = registration.register(occurrence=occurrence, name="Nowa", email="nowa@example.org")
    assert newcomer.status == "waiting"
    assert Registration.objects.get(email="czeka@example.org").status == "confirmed"


def test_the_scheduled_job_releases_expired_holds_moves_people_up_and_is_safe_to_run_twice(
    fixed_clock, django_capture_on_commit_callbacks, mailoutbox
):
    occurrence = training(capacity=2)
    ask(occurrence, "jan@example.org")
    ask(occurrence, "ewa@example.org")
    waiting = [factories.registration(occurrence, email=f"w{n}@example.org", status="waiting") for n in range(3)]
    fixed_clock.shift(datetime.timedelta(minutes=61))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("release_registration_holds", stdout=io.StringIO())
    statuses = dict(occurrence.registrations.values_list("email", "status"))
    assert statuses == {"w0@example.org": "confirmed", "w1@example.org": "confirmed", "w2@example.org": "waiting"}
    assert sorted(m.to[0] for m in mailoutbox) == ["w0@example.org", "w1@example.org"]
    assert waiting[0].pk in occurrence.registrations.filter(status="confirmed").values_list("pk", flat=True)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("release_registration_holds", stdout=io.StringIO())
    assert dict(occurrence.registrations.values_list("email", "status")) == statuses
    assert len(mailoutbox) == 2
    assert "release_registration_holds" in settings.SCHEDULED_JOBS


def test_a_cancelled_hold_gives_its_place_to_the_waiting_list():
    occurrence = training(capacity=1)
    held = ask(occurrence, "jan@example.org")
    factories.registration(occurrence, email="czeka@example.org", status=Registration.Status.WAITING)
    registration.cancel(held)
    assert Registration.objects.get(email="czeka@example.org").status == "confirmed"


def test_confirming_puts_the_person_at_the_end_of_the_waiting_list_in_order_of_confirmation():
    occurrence = training(capacity=1)
    factories.registration(occurrence, email="ma-miejsce@example.org")
    early = ask(occurrence, "wczesny@example.org")
    factories.registration(occurrence, email="czeka@example.org", status=Registration.Status.WAITING)
    registration.confirm_address(early)
    order = list(occurrence.registrations.filter(status="waiting").order_by("created_at", "id")
                 .values_list("email", flat=True))
    assert order == ["czeka@example.org", "wczesny@example.org"]


def test_a_hold_on_a_date_that_closed_is_not_confirmed():
    occurrence = training(capacity=5)
    held = ask(occurrence, "jan@example.org")
    occurrence.is_cancelled = True
    occurrence.save()
    assert registration.confirm_address(held) is None
    assert not Registration.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_people_racing_for_the_last_places_without_confirmed_addresses_never_hold_more_than_there_are(
    monkeypatch,
):
    monkeypatch.setattr(registration, "send_registration_email", SimpleNamespace(enqueue=lambda pk: None))
    monkeypatch.setattr(registration, "send_moved_up_email", SimpleNamespace(enqueue=lambda pk: None))
    occurrence = training(capacity=3)
    factories.registration(occurrence, email="a@example.org")
    errors = race(lambda n: ask(occurrence, f"osoba{n}@example.org"), 6)
    assert errors == []
    assert occurrence.registrations.filter(status="unconfirmed", holds_place=True).count() == 2
    assert registration.places_left(occurrence) == 0

    holds = list(occurrence.registrations.filter(status="unconfirmed"))
    errors = race(lambda n: registration.confirm_address(holds[n]), len(holds))
    assert errors == []
    statuses = list(occurrence.registrations.values_list("status", flat=True))
    assert statuses.count("confirmed") == 3 and statuses.count("waiting") == 4


def test_the_list_of_dates_counts_held_places_apart_from_confirmed_ones():
    occurrence = training(capacity=10)
    for n in range(5):
        ask(occurrence, f"o{n}@example.org")
    occurrence = registration.with_counts(type(occurrence).objects.filter(pk=occurrence.pk)).get()
    assert (occurrence.confirmed_count, occurrence.held_count) == (0, 5)
    assert timezone.now() < Registration.objects.first().hold_expires_at


def test_the_event_page_counts_held_places_as_taken(client):
    occurrence = training(capacity=1)
    ask(occurrence, "jan@example.org")
    page = client.get(occurrence.event.get_absolute_url()).content.decode()
    assert "brak miejsc – zapis na listę rezerwową" in page


def test_an_unconfirmed_address_gets_no_mail_but_its_confirmation_request(
    official_x, django_capture_on_commit_callbacks, mailoutbox
):
    from partnerstwo.events import publishing

    occurrence = training(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        ask(occurrence, "obcy@example.org")
    assert [m.subject.split(":")[0] for m in mailoutbox] == ["Potwierdź zapis"]
    event = occurrence.event
    event.venue = "Inna sala"
    with django_capture_on_commit_callbacks(execute=True):
        publishing.save(event, by=official_x)
        registration.send_reminders(occurrence.starts_at - datetime.timedelta(hours=2))
        publishing.cancel(event, by=official_x, reason="Ulewa.")
    assert [m.to for m in mailoutbox if "obcy@example.org" in m.to] == [["obcy@example.org"]]

"""Two people can never take the last place at once: racing registrations on separate connections."""

import threading
import time
from types import SimpleNamespace

import pytest
from django.db import OperationalError, close_old_connections, connection

from partnerstwo.events import registration
from partnerstwo.events.models import Registration, RegistrationMode
from partnerstwo.events.tests import factories

RACERS = 6


@pytest.fixture(autouse=True)
def no_emails(monkeypatch):
    """The e-mails are read after the transaction commits; on SQLite's shared-cache test database that read
    can find the table locked, and with_busy_wait would then run again a registration that already
    committed. The races are about places, so the e-mails (tested elsewhere) stay out."""
    monkeypatch.setattr(registration, "send_registration_email", SimpleNamespace(enqueue=lambda pk: None))
    monkeypatch.setattr(registration, "send_moved_up_email", SimpleNamespace(enqueue=lambda pk: None))


def with_busy_wait(target, n):
    """The test database of SQLite is in memory with a shared cache, where a writer that finds the
    database locked fails at once ("database table is locked") instead of waiting as busy_timeout makes
    it wait on the real file. Waiting and trying again here does what busy_timeout does; the failed
    attempt's transaction never began. PostgreSQL waits on the row lock by itself."""
    for _ in range(500):
        try:
            return target(n)
        except OperationalError as error:
            if connection.vendor != "sqlite" or "locked" not in str(error):
                raise
            time.sleep(0.01)
    raise AssertionError("the database stayed locked")


def race(target, count):
    """Runs target(n) in `count` threads released at the same moment; each thread has its own connection."""
    barrier = threading.Barrier(count)
    errors = []

    def run(n):
        try:
            barrier.wait()
            with_busy_wait(target, n)
        except Exception as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.django_db(transaction=True)
def test_only_one_of_many_people_racing_for_the_last_place_gets_it():
    occurrence = factories.occurrence(factories.event(registration_mode=RegistrationMode.HERE, capacity=3))
    factories.registration(occurrence, email="a@example.org")
    factories.registration(occurrence, email="b@example.org")

    errors = race(
        lambda n: registration.register(occurrence=occurrence, name=f"Osoba {n}", email=f"osoba{n}@example.org"),
        RACERS,
    )

    assert errors == []
    statuses = list(occurrence.registrations.values_list("status", flat=True))
    assert statuses.count(Registration.Status.CONFIRMED) == 3
    assert statuses.count(Registration.Status.WAITING) == RACERS - 1


@pytest.mark.django_db(transaction=True)
def test_two_cancellations_at_once_move_up_exactly_two_waiting_people():
    occurrence = factories.occurrence(factories.event(registration_mode=RegistrationMode.HERE, capacity=2))
    holders = [factories.registration(occurrence, email=f"h{n}@example.org") for n in range(2)]
    for n in range(4):
        factories.registration(occurrence, email=f"w{n}@example.org", status="waiting")

    errors = race(lambda n: registration.cancel(holders[n]), 2)

    assert errors == []
    confirmed = set(occurrence.registrations.filter(status="confirmed").values_list("email", flat=True))
    assert confirmed == {"w0@example.org", "w1@example.org"}


@pytest.mark.django_db(transaction=True)
def test_the_same_address_racing_with_itself_is_registered_once():
    occurrence = factories.occurrence(factories.event(registration_mode=RegistrationMode.HERE, capacity=None))
    errors = race(lambda n: registration.register(occurrence=occurrence, name="Jan", email="jan@example.org"), 4)
    assert occurrence.registrations.count() == 1
    assert len(errors) == 3 and all(isinstance(e, registration.RegistrationError) for e in errors)

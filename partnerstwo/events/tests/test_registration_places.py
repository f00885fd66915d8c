"""Places, the waiting list, one registration per address, closing, and moving up on cancellation."""

import datetime

import pytest
from django.utils import timezone

from partnerstwo.events import registration
from partnerstwo.events.models import EventStatus, Registration, RegistrationMode
from partnerstwo.events.tests import factories

pytestmark = pytest.mark.django_db


def training(**fields):
    values = {"registration_mode": RegistrationMode.HERE, "capacity": 2}
    values.update(fields)
    return factories.occurrence(factories.event(**values))


def sign_up(occurrence, email, name="Jan Kowalski"):
    return registration.register(occurrence=occurrence, name=name, email=email)


def test_it_confirms_places_while_there_are_some_and_then_puts_people_on_the_waiting_list():
    occurrence = training(capacity=2)
    first, second, third, fourth = (sign_up(occurrence, f"osoba{n}@example.org") for n in range(4))
    assert [r.status for r in (first, second, third, fourth)] == ["confirmed", "confirmed", "waiting", "waiting"]
    assert registration.places_left(occurrence) == 0


def test_no_capacity_means_no_limit():
    occurrence = training(capacity=None)
    statuses = {sign_up(occurrence, f"osoba{n}@example.org").status for n in range(30)}
    assert statuses == {Registration.Status.CONFIRMED}
    assert registration.places_left(occurrence) is None


def test_it_refuses_a_second_registration_with_the_same_address_whatever_its_case():
    occurrence = training()
    sign_up(occurrence, "jan@example.org")
    with pytest.raises(registration.RegistrationError, match="już zapisany"):
        sign_up(occurrence, "  JAN@Example.org ")
    assert occurrence.registrations.count() == 1


def test_the_same_address_may_register_for_another_date_of_a_repeating_event():
    event = factories.event(registration_mode=RegistrationMode.HERE, rrule="FREQ=WEEKLY;COUNT=3")
    first, second = event.occurrences.order_by("starts_at")[:2]
    sign_up(first, "jan@example.org")
    assert sign_up(second, "jan@example.org").status == Registration.Status.CONFIRMED


def test_an_address_may_register_again_after_cancelling():
    occurrence = training()
    registration.cancel(sign_up(occurrence, "jan@example.org"))
    assert sign_up(occurrence, "jan@example.org").status == Registration.Status.CONFIRMED


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        # Callables: the test clock is set when the test runs, not when the module is collected.
        (lambda: {"registration_deadline": timezone.now() - datetime.timedelta(minutes=1)}, "after the deadline"),
        (lambda: {"starts_at": timezone.now() - datetime.timedelta(minutes=1)}, "once the event has started"),
        (lambda: {"registration_mode": RegistrationMode.EXTERNAL}, "when registration is with the organiser"),
        (lambda: {"registration_mode": RegistrationMode.NONE}, "when there is no registration"),
        (lambda: {"status": EventStatus.CANCELLED}, "when the event is cancelled"),
        (lambda: {"status": EventStatus.PENDING}, "when the event is not published"),
    ],
)
def test_registration_is_closed(fields, reason):
    occurrence = training(**fields())
    assert not registration.is_open(occurrence), reason
    with pytest.raises(registration.RegistrationError, match="zamknięte"):
        sign_up(occurrence, "jan@example.org")


def test_registration_is_closed_for_a_cancelled_date():
    occurrence = training()
    occurrence.is_cancelled = True
    occurrence.save()
    with pytest.raises(registration.RegistrationError):
        sign_up(occurrence, "jan@example.org")


def test_registration_is_open_until_the_deadline():
    occurrence = training(registration_deadline=timezone.now() + datetime.timedelta(hours=1))
    assert registration.is_open(occurrence)
    assert registration.closes_at(occurrence) == occurrence.event.registration_deadline


def test_it_moves_the_first_waiting_person_up_when_someone_cancels():
    occurrence = training(capacity=1)
    holder = sign_up(occurrence, "pierwsza@example.org")
    first_waiting = sign_up(occurrence, "druga@example.org")
    second_waiting = sign_up(occurrence, "trzecia@example.org")

    moved_up = registration.cancel(holder)

    assert moved_up == first_waiting
    holder.refresh_from_db(), first_waiting.refresh_from_db(), second_waiting.refresh_from_db()
    assert holder.status == "cancelled" and holder.cancelled_at is not None
    assert first_waiting.status == "confirmed"
    assert second_waiting.status == "waiting"


def test_leaving_the_waiting_list_moves_no_one_up():
    occurrence = training(capacity=1)
    holder = sign_up(occurrence, "pierwsza@example.org")
    waiting = sign_up(occurrence, "druga@example.org")
    later = sign_up(occurrence, "trzecia@example.org")

    assert registration.cancel(waiting) is None
    holder.refresh_from_db(), later.refresh_from_db()
    assert (holder.status, later.status) == ("confirmed", "waiting")


def test_cancelling_twice_changes_nothing_the_second_time():
    occurrence = training(capacity=1)
    holder = sign_up(occurrence, "pierwsza@example.org")
    sign_up(occurrence, "druga@example.org")
    sign_up(occurrence, "trzecia@example.org")
    registration.cancel(holder)
    assert registration.cancel(holder) is None
    assert occurrence.registrations.filter(status="confirmed").count() == 1


def test_no_one_moves_up_while_the_places_given_exceed_a_lowered_capacity():
    occurrence = training(capacity=1)
    # An organiser lowered the capacity below the places already given: a cancellation frees none.
    factories.registration(occurrence, email="a@example.org")
    factories.registration(occurrence, email="b@example.org")
    waiting = factories.registration(occurrence, email="c@example.org", status="waiting")
    registration.cancel(occurrence.registrations.get(email="a@example.org"))
    waiting.refresh_from_db()
    assert waiting.status == "waiting"


def test_a_cancel_link_names_its_registration_and_nothing_else():
    occurrence = training()
    mine = sign_up(occurrence, "jan@example.org")
    token = registration.cancel_token(mine)
    assert registration.from_cancel_token(token) == mine
    assert registration.from_cancel_token(token[:-2] + "xx") is None
    assert registration.from_cancel_token("nonsense") is None
    assert registration.from_cancel_token(registration.result_token(mine)) is None  # another purpose's salt

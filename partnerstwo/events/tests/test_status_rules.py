"""What an event's and a registration's status means for the pages that show them."""

import pytest

from partnerstwo.events.models import Event, EventKind, EventStatus, Registration


@pytest.mark.parametrize("status", EventStatus.values)
def test_only_a_published_event_can_be_cancelled(status):
    event = Event(status=status)

    assert event.can_be_cancelled is (status == EventStatus.PUBLISHED)
    assert event.is_published is (status == EventStatus.PUBLISHED)


def test_a_submitted_event_awaits_review_and_a_returned_one_does_not():
    assert Event(status=EventStatus.PENDING).awaits_review
    assert not Event(status=EventStatus.RETURNED).awaits_review
    assert Event(status=EventStatus.RETURNED).is_returned
    assert not Event(status=EventStatus.PENDING).is_returned


@pytest.mark.parametrize("kind", EventKind.values)
def test_only_a_conference_has_a_programme(kind):
    assert Event(kind=kind).has_programme is (kind == EventKind.CONFERENCE)


def test_a_registration_is_either_confirmed_waiting_or_cancelled_by_its_status():
    confirmed = Registration(status=Registration.Status.CONFIRMED)
    waiting = Registration(status=Registration.Status.WAITING)
    cancelled = Registration(status=Registration.Status.CANCELLED)
    unconfirmed = Registration(status=Registration.Status.UNCONFIRMED)

    assert (confirmed.is_confirmed, confirmed.is_waiting, confirmed.is_cancelled) == (True, False, False)
    assert (waiting.is_confirmed, waiting.is_waiting, waiting.is_cancelled) == (False, True, False)
    assert (cancelled.is_confirmed, cancelled.is_waiting, cancelled.is_cancelled) == (False, False, True)
    assert not (unconfirmed.is_confirmed or unconfirmed.is_waiting or unconfirmed.is_cancelled)

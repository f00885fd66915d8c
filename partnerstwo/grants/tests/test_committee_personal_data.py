"""A committee member in the personal-data rules: the seat stays as the competition's record."""

import pytest

from partnerstwo.grants import personal_data
from partnerstwo.grants.committees.models import CommitteeMember
from partnerstwo.grants.tests import factories

pytestmark = pytest.mark.django_db


def test_forgetting_a_committee_member_keeps_the_seat_under_their_name_only(official_x, official_y):
    seat = factories.member(factories.competition(), official_x, declared=True)
    other = factories.member(factories.competition(), official_y)

    personal_data.forget(official_x)

    seat.refresh_from_db()
    other.refresh_from_db()
    assert (seat.user_id, seat.name) == (None, "Ksawery Urzędnik")
    assert CommitteeMember.objects.filter(pk=seat.pk, declaration__isnull=False).exists()
    assert other.user_id == official_y.pk

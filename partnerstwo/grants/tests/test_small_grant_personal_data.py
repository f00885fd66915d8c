"""Small-grant comments in the personal-data rules: unconfirmed ones expire through apply_retention at the
seven-day edge; a committee member is told why their account stays."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command

from partnerstwo.grants import personal_data, small_grants
from partnerstwo.grants.models import CommitteeMember, SmallGrantComment
from partnerstwo.grants.tests import factories, small_grant_helpers

pytestmark = pytest.mark.django_db


def run_at(moment):
    with time_machine.travel(moment, tick=False):
        call_command("apply_retention")


def test_an_unconfirmed_comment_expires_after_the_confirmation_days_and_not_before():
    comment = small_grant_helpers.comment(small_grant_helpers.offer(published_days_ago=1), confirmed=False)
    end = comment.created_at + timedelta(days=small_grants.CONFIRMATION_DAYS)

    run_at(end - timedelta(minutes=1))
    assert SmallGrantComment.objects.filter(pk=comment.pk).exists()

    run_at(end + timedelta(minutes=1))
    assert not SmallGrantComment.objects.filter(pk=comment.pk).exists()


def test_a_confirmed_comment_stays_with_the_offer():
    comment = small_grant_helpers.comment(small_grant_helpers.offer(published_days_ago=1))

    run_at(comment.created_at + timedelta(days=800))

    assert SmallGrantComment.objects.filter(pk=comment.pk).exists()


def test_forgetting_a_committee_member_keeps_the_seat_under_their_name_only(official_x, official_y):
    seat = factories.member(factories.competition(), official_x, declared=True)
    other = factories.member(factories.competition(), official_y)

    personal_data.forget(official_x)

    seat.refresh_from_db()
    other.refresh_from_db()
    assert (seat.user_id, seat.name) == (None, "Ksawery Urzędnik")
    assert CommitteeMember.objects.filter(pk=seat.pk, declaration__isnull=False).exists()
    assert other.user_id == official_y.pk

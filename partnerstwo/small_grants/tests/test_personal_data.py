"""Small-grant comments in the personal-data rules: unconfirmed ones expire through apply_retention at the
seven-day edge."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command

from partnerstwo.small_grants import procedure
from partnerstwo.small_grants.models import SmallGrantComment
from partnerstwo.small_grants.tests import factories as make

pytestmark = pytest.mark.django_db


def run_at(moment):
    with time_machine.travel(moment, tick=False):
        call_command("apply_retention")


def test_an_unconfirmed_comment_expires_after_the_confirmation_days_and_not_before():
    comment = make.comment(make.offer(published_days_ago=1), confirmed=False)
    end = comment.created_at + timedelta(days=procedure.CONFIRMATION_DAYS)

    run_at(end - timedelta(minutes=1))
    assert SmallGrantComment.objects.filter(pk=comment.pk).exists()

    run_at(end + timedelta(minutes=1))
    assert not SmallGrantComment.objects.filter(pk=comment.pk).exists()


def test_a_confirmed_comment_stays_with_the_offer():
    comment = make.comment(make.offer(published_days_ago=1))

    run_at(comment.created_at + timedelta(days=800))

    assert SmallGrantComment.objects.filter(pk=comment.pk).exists()

"""Unconfirmed messages disappear after seven days; nothing else does."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from partnerstwo.feedback.models import FeedbackMessage
from partnerstwo.feedback.tests.conftest import make_message

pytestmark = pytest.mark.django_db


def make(category, *, days_ago, confirmed):
    status = FeedbackMessage.Status.NEW if confirmed else FeedbackMessage.Status.UNCONFIRMED
    return make_message(category, status=status, minutes_ago=days_ago * 24 * 60)


def test_it_deletes_only_old_unconfirmed_messages(category):
    old_unconfirmed = make(category, days_ago=8, confirmed=False)
    fresh_unconfirmed = make(category, days_ago=6, confirmed=False)
    old_confirmed = make(category, days_ago=30, confirmed=True)

    call_command("expire_feedback")
    call_command("expire_feedback")  # idempotent: a second run changes nothing

    remaining = set(FeedbackMessage.objects.values_list("pk", flat=True))
    assert remaining == {fresh_unconfirmed.pk, old_confirmed.pk}
    assert old_unconfirmed.pk not in remaining


def test_it_is_one_of_the_scheduled_jobs():
    assert "expire_feedback" in settings.SCHEDULED_JOBS


def test_a_message_confirmed_just_in_time_is_kept(category):
    message = make(category, days_ago=6, confirmed=False)
    message.confirm()

    FeedbackMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(days=9))
    call_command("expire_feedback")

    assert FeedbackMessage.objects.filter(pk=message.pk).exists()


def test_the_database_refuses_a_confirmed_status_without_a_date(category):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackMessage.objects.create(
            category=category, message="x", email="a@example.org", status=FeedbackMessage.Status.NEW
        )

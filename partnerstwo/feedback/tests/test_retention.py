"""Confirmed feedback is deleted FEEDBACK_RETENTION_DAYS after confirmation, by the apply_retention job."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from partnerstwo.feedback.models import FeedbackMessage
from partnerstwo.feedback.tests.conftest import make_message

pytestmark = pytest.mark.django_db


def run_at(moment):
    with time_machine.travel(moment, tick=False):
        call_command("apply_retention")


def test_a_confirmed_message_stays_until_its_retention_ends_and_goes_after(category, settings):
    message = make_message(category, minutes_ago=0)
    end = message.confirmed_at + timedelta(days=settings.FEEDBACK_RETENTION_DAYS)

    run_at(end - timedelta(minutes=1))
    assert FeedbackMessage.objects.filter(pk=message.pk).exists()

    run_at(end + timedelta(minutes=1))
    assert not FeedbackMessage.objects.filter(pk=message.pk).exists()


def test_the_period_is_the_setting(category, settings):
    settings.FEEDBACK_RETENTION_DAYS = 30
    message = make_message(category, minutes_ago=0)

    run_at(message.confirmed_at + timedelta(days=30, minutes=1))

    assert not FeedbackMessage.objects.exists()


def test_the_default_is_a_year():
    from partnerstwo import settings as project_settings

    assert project_settings.FEEDBACK_RETENTION_DAYS == 365


def test_unconfirmed_messages_still_go_after_the_confirmation_days(category, settings):
    message = make_message(category, status=FeedbackMessage.Status.UNCONFIRMED, minutes_ago=0)

    run_at(message.created_at + timedelta(days=settings.FEEDBACK_CONFIRMATION_DAYS, minutes=-1))
    assert FeedbackMessage.objects.exists()
    run_at(message.created_at + timedelta(days=settings.FEEDBACK_CONFIRMATION_DAYS, minutes=1))
    assert not FeedbackMessage.objects.exists()


def test_a_message_confirmed_late_counts_from_its_confirmation(category, settings):
    message = make_message(category, minutes_ago=0)
    FeedbackMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(days=400))

    run_at(message.confirmed_at + timedelta(days=settings.FEEDBACK_RETENTION_DAYS - 1))

    assert FeedbackMessage.objects.exists()

"""One scheduled job applies every app's retention rules and says what it did."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from partnerstwo.accounts import data_rights
from partnerstwo.accounts.tests.personal_data_helpers import feedback

pytestmark = pytest.mark.django_db


def test_it_is_a_scheduled_job():
    assert "apply_retention" in settings.SCHEDULED_JOBS


def test_it_runs_every_apps_rules_prints_the_counts_and_is_idempotent():
    feedback("jan@example.org", "Stara uwaga.")
    later = timezone.now() + timedelta(days=settings.FEEDBACK_RETENTION_DAYS + 1)

    with time_machine.travel(later, tick=False):
        first, second = io.StringIO(), io.StringIO()
        call_command("apply_retention", stdout=first)
        call_command("apply_retention", stdout=second)

    assert "feedback.confirmed_deleted: 1" in first.getvalue()
    assert second.getvalue() == ""


def test_every_app_reports_its_counts_by_rule():
    counts = data_rights.apply_retention(timezone.now())

    assert {"newsletter", "feedback", "small_grants"} <= set(counts)
    assert all(isinstance(value, int) for rules in counts.values() for value in rules.values())

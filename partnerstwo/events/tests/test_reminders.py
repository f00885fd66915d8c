"""The reminder the day before: once per confirmed place, whatever how often the job runs."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from partnerstwo.events import registration
from partnerstwo.events.models import EventStatus, RegistrationMode
from partnerstwo.events.tests import factories
from partnerstwo.lib.testing import DATABASE_TASKS, message_text, run_queued_tasks

pytestmark = pytest.mark.django_db


def occurrence_in(hours, **fields):
    starts_at = timezone.now() + datetime.timedelta(hours=hours)
    return factories.occurrence(factories.event(
        title="Warsztaty fundraisingu", registration_mode=RegistrationMode.HERE, starts_at=starts_at, **fields,
    ))


def test_the_reminder_job_is_scheduled():
    assert "send_event_reminders" in settings.SCHEDULED_JOBS


def test_it_reminds_confirmed_people_once_however_often_it_runs(use_smtp, django_capture_on_commit_callbacks):
    soon = occurrence_in(20)
    confirmed = factories.registration(soon, email="jan@example.org", name="Jan Kowalski")
    factories.registration(soon, email="rezerwa@example.org", status="waiting")
    factories.registration(soon, email="zrezygnowal@example.org", status="cancelled")

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders")
        call_command("send_event_reminders")

    [mail] = use_smtp.wait_for(1)
    assert mail["X-Envelope-To"] == "jan@example.org"
    assert "Przypomnienie: Warsztaty fundraisingu" in mail["Subject"]
    text = message_text(mail)
    assert "Jan Kowalski" in text and "/zapisy/rezygnacja/" in text
    confirmed.refresh_from_db()
    assert confirmed.reminder_sent_at is not None
    assert len(use_smtp.wait_for(2, timeout=0.3)) == 1


@pytest.mark.parametrize(
    ("hours", "fields"),
    [
        (30, {}),  # more than a day ahead: the next runs will send it
        (-1, {}),  # already started
        (20, {"status": EventStatus.CANCELLED}),
    ],
)
def test_it_reminds_no_one_too_early_too_late_or_for_a_cancelled_event(
    use_smtp, hours, fields, django_capture_on_commit_callbacks
):
    factories.registration(occurrence_in(hours, **fields))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders")
    assert use_smtp.wait_for(1, timeout=0.3) == []


def test_it_reminds_no_one_for_a_cancelled_date(use_smtp, django_capture_on_commit_callbacks):
    soon = occurrence_in(20)
    factories.registration(soon)
    soon.is_cancelled = True
    soon.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders")
    assert use_smtp.wait_for(1, timeout=0.3) == []


def test_a_failed_send_is_tried_again_by_the_worker_not_lost(settings, use_smtp, django_capture_on_commit_callbacks):
    soon = occurrence_in(20)
    person = factories.registration(soon, email="jan@example.org")
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_PORT = 9  # nothing listens there
    settings.EMAIL_TIMEOUT = 1
    with django_capture_on_commit_callbacks(execute=True):
        assert registration.send_reminders() == 1
    run_queued_tasks()
    assert use_smtp.messages == []

    settings.EMAIL_PORT = use_smtp.port
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=settings.EMAIL_RETRY_BASE_SECONDS + 1)):
        run_queued_tasks()
        registration.send_reminders()  # claimed: the next run of the job does not queue it again
        run_queued_tasks()
    assert [mail["X-Envelope-To"] for mail in use_smtp.messages] == ["jan@example.org"]
    person.refresh_from_db()
    assert person.reminder_sent_at is not None

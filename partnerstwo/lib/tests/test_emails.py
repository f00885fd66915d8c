"""email_task: messages built from ids in the worker, and a mail server's outage loses none of them."""

import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends import locmem
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from partnerstwo.lib.emails import email_task
from partnerstwo.lib.testing import DATABASE_TASKS, run_queued_tasks

pytestmark = pytest.mark.django_db


class FlakyBackend(locmem.EmailBackend):
    """The outbox of the tests, with a mail server that may be down or drop the connection at an address."""

    down = False
    drops_at: frozenset[str] = frozenset()

    def open(self):
        if FlakyBackend.down:
            raise ConnectionRefusedError("the mail server is down")

    def send_messages(self, messages):
        if any(set(message.to) & FlakyBackend.drops_at for message in messages):
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


@email_task
def notices(*addresses: str) -> list[EmailMessage]:
    return [EmailMessage(subject="Zmiana terminu", body="Nowy termin.", to=[address]) for address in addresses]


@email_task
def nothing() -> None:
    return None


@pytest.fixture
def flaky(settings, monkeypatch):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    monkeypatch.setattr(FlakyBackend, "down", False)
    monkeypatch.setattr(FlakyBackend, "drops_at", frozenset())
    return FlakyBackend


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_RETRY_BASE_SECONDS = 60


def sent_to() -> list[str]:
    return [address for message in mail.outbox for address in message.to]


def later(seconds: float):
    return time_machine.travel(timezone.now() + timedelta(seconds=seconds), tick=False)


def test_it_sends_what_the_build_returns_through_one_connection(flaky):
    notices.enqueue("jan@example.org", "anna@example.org")
    nothing.enqueue()

    assert sent_to() == ["jan@example.org", "anna@example.org"]


def test_a_mail_server_outage_puts_the_message_back_in_the_queue_for_later(flaky, database_queue):
    flaky.down = True
    notices.enqueue("jan@example.org")

    assert run_queued_tasks() == 1
    assert mail.outbox == []
    waiting = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert waiting.args_kwargs["kwargs"] == {"attempt": 2, "sent": []}
    assert waiting.run_after == pytest.approx(timezone.now() + timedelta(seconds=60), abs=timedelta(seconds=2))
    assert run_queued_tasks() == 0  # not before its time

    flaky.down = False
    with later(61):
        assert run_queued_tasks() == 1
    assert sent_to() == ["jan@example.org"]
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).exists()


def test_only_the_messages_not_yet_sent_are_tried_again_each_later_than_the_last(flaky, database_queue):
    flaky.drops_at = frozenset({"anna@example.org"})
    notices.enqueue("jan@example.org", "anna@example.org", "ewa@example.org")
    run_queued_tasks()
    assert sent_to() == ["jan@example.org"]

    with later(61):
        run_queued_tasks()  # the second attempt fails too; the third waits twice as long
    third = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert third.args_kwargs["kwargs"]["attempt"] == 3
    assert third.run_after == pytest.approx(
        timezone.now() + timedelta(seconds=61 + 120), abs=timedelta(seconds=2)
    )

    flaky.drops_at = frozenset()
    with later(61 + 121):
        run_queued_tasks()
    assert sent_to() == ["jan@example.org", "anna@example.org", "ewa@example.org"]


def test_after_the_last_attempt_the_task_fails_with_the_servers_error(flaky, database_queue, settings):
    settings.EMAIL_MAX_ATTEMPTS = 2
    flaky.down = True
    notices.enqueue("jan@example.org")
    run_queued_tasks()
    with later(61):
        run_queued_tasks()

    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


def test_the_immediate_backend_of_the_tests_cannot_wait_so_the_task_fails_at_once(flaky):
    flaky.down = True

    result = notices.enqueue("jan@example.org")

    assert result.status == TaskResultStatus.FAILED
    assert mail.outbox == []

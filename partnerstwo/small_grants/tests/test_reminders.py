"""Reminders to the department: the publication deadline (art. 19a ust. 3) and the decision due, each once."""

import datetime
import zoneinfo
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from partnerstwo.small_grants import procedure
from partnerstwo.small_grants.tests import factories as make

pytestmark = pytest.mark.django_db
WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


def at_noon(day: date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=WARSAW)


def test_the_department_is_reminded_two_working_days_before_the_publication_deadline(
    official_x, official_y, django_capture_on_commit_callbacks
):
    # Received Thursday 5 Nov 2026; the deadline is Tuesday 17 Nov (11 Nov is a holiday).
    offer = make.offer(department=official_x.department, received_on=date(2026, 11, 5))
    assert procedure.send_deadline_reminders(now=at_noon(date(2026, 11, 12))) == 0  # 13, 16 and 17 still to go
    with django_capture_on_commit_callbacks(execute=True):
        assert procedure.send_deadline_reminders(now=at_noon(date(2026, 11, 13))) == 1  # only 16 and 17 left
    [message] = mail.outbox
    assert message.to == [official_x.email]
    assert "17 listopada" in message.body and offer.title in message.body
    assert f"/panel/konkursy/male-granty/{offer.pk}/" in message.body
    assert procedure.send_deadline_reminders(now=at_noon(date(2026, 11, 17))) == 0  # once only


def test_no_publication_reminder_after_the_deadline_or_once_published(official_x):
    make.offer(department=official_x.department, received_on=date(2026, 11, 5))
    assert procedure.send_deadline_reminders(now=at_noon(date(2026, 11, 18))) == 0
    published = make.offer(department=official_x.department, published_days_ago=1)
    assert published.status == "published"
    assert procedure.send_deadline_reminders() == 0
    assert mail.outbox == []


def test_the_department_is_told_once_when_a_decision_is_due(official_x, django_capture_on_commit_callbacks):
    during = make.offer(department=official_x.department, published_days_ago=7)
    due = make.offer(department=official_x.department, published_days_ago=8)
    make.comment(due)
    make.comment(due, confirmed=False)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_small_grant_deadlines")
    [message] = mail.outbox
    assert due.title in message.subject
    assert "Potwierdzone uwagi: 1" in message.body
    assert during.title not in message.body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_small_grant_deadlines")
    assert len(mail.outbox) == 1

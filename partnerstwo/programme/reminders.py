"""Reminders of the programme's duties (duties.py) to the officials of its department, each duty once: a
DutyReminder row is written in the job's transaction and the e-mail is queued after the commit. Run by the
scheduled command remind_programme_duties (docs/decisions/0003-scheduled-jobs-as-commands.md)."""

import datetime as dt
from functools import partial

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.lib.emails import absolute_url, build_email, email_task
from partnerstwo.programme import duties
from partnerstwo.programme.models import DutyReminder, Programme


def remind(today: dt.date | None = None) -> int:
    """Queues one reminder per open duty due soon (or overdue) not reminded yet; safe to run again."""
    today = today or timezone.localdate()
    reminded = DutyReminder.objects.filter(programme__in=duties.candidates()).values_list("programme", "duty", "year")
    done = set(reminded)
    count = 0
    for item in duties.upcoming(duties.candidates(), today):
        key = (item.programme.pk, item.duty.key, item.duty.year)
        if key in done:
            continue
        try:
            with transaction.atomic():
                DutyReminder.objects.create(programme=item.programme, duty=item.duty.key, year=item.duty.year,
                                            sent_at=timezone.now())
                transaction.on_commit(partial(send_duty_reminder.enqueue, *key))
        except IntegrityError:  # another run got there first
            continue
        done.add(key)
        count += 1
    return count


def responsible(programme: Programme):
    """The active officials of the programme's department."""
    return User.objects.filter(role=User.Role.OFFICIAL, department=programme.department_id, is_active=True)


@email_task
def send_duty_reminder(programme_id: int, key: str, year: int) -> list[EmailMessage]:
    programme = Programme.objects.select_related("consultation").filter(pk=programme_id).first()
    if programme is None:
        return []
    duty = next((duty for duty in duties.duties_of(programme) if duty.key == key and duty.year == year), None)
    if duty is None or not duty.is_open():
        return []
    context = {"programme": programme, "duty": duty,
               "url": absolute_url(reverse("panel:programme_panel:detail", args=[programme.pk]))}
    return [build_email("programme_duty", [user.email], context, language=user.preferred_language or None)
            for user in responsible(programme).order_by("pk")]

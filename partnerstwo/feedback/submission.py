"""A message's way in: saved unconfirmed, confirmed by its sender, then announced to staff.

E-mails go out through the task queue after the transaction commits, so a slow or failing
mail server never fails the request, and the worker never sees a row that was rolled back.
"""

from functools import partial

from django.db import transaction

from partnerstwo.accounts.desk import alert
from partnerstwo.feedback import desk, tasks
from partnerstwo.feedback.models import FeedbackMessage


def submit(form, *, language: str) -> FeedbackMessage:
    """Save a valid FeedbackForm as an unconfirmed message and ask its sender to confirm."""
    message = form.save(commit=False)
    message.language = language
    message.status = FeedbackMessage.Status.UNCONFIRMED
    message.save()
    transaction.on_commit(partial(tasks.send_confirmation_request.enqueue, message.pk))
    return message


def confirm(message: FeedbackMessage) -> bool:
    """Confirm a message; staff are told once, however many times the button is pressed."""
    if not message.confirm():
        return False
    transaction.on_commit(partial(tasks.notify_staff.enqueue, message.pk))
    alert(desk.alert_officials, desk.NEW, message.pk)
    return True

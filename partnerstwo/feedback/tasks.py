"""Thin task adapters: they take ids and call partnerstwo.feedback.notifications."""

from django_tasks import task

from partnerstwo.feedback import notifications


@task()
def send_confirmation_request(message_id: int) -> None:
    notifications.send_confirmation_request(message_id)


@task()
def notify_staff(message_id: int) -> None:
    notifications.notify_staff(message_id)

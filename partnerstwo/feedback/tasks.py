"""Thin task adapters: they take ids and send what partnerstwo.feedback.notifications builds."""

from partnerstwo.feedback import notifications
from partnerstwo.lib.emails import email_task


@email_task
def send_confirmation_request(message_id: int):
    return notifications.confirmation_request(message_id)


@email_task
def notify_staff(message_id: int):
    return notifications.staff_notice(message_id)

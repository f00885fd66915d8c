"""Thin task adapters: they take ids and send what partnerstwo.events.notifications builds."""

from partnerstwo.events import notifications
from partnerstwo.lib.emails import email_task


@email_task
def notify_registered(event_id: int, key: str):
    return notifications.registered_people_notices(event_id, key)


@email_task
def notify_submitter(event_id: int, key: str, user_id: int, change_id: int | None = None):
    return notifications.submitter_notice(event_id, key, user_id, change_id)


@email_task
def notify_department_of_cancellation(event_id: int, by_id: int | None):
    return notifications.department_cancellation_notices(event_id, by_id)

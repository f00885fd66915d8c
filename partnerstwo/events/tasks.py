"""Thin task adapters: they take ids and call partnerstwo.events.notifications."""

from django_tasks import task

from partnerstwo.events import notifications


@task()
def notify_department_of_cancellation(event_id: int, by_id: int | None) -> None:
    notifications.notify_department_of_cancellation(event_id, by_id)

"""Thin task adapters: they take ids and call the team app's domain code."""

from django_tasks import task

from partnerstwo.team import invitations, reminders


@task()
def send_meeting_invitations(meeting_id: int, update: bool) -> None:
    invitations.deliver(meeting_id, update)


@task()
def remind_of_opinion_deadline(position_id: int) -> None:
    reminders.deliver_deadline_reminder(position_id)

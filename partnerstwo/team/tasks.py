"""Thin task adapters: they take ids and call the team app's domain code."""

from django_tasks import task

from partnerstwo.team import invitations


@task()
def send_meeting_invitations(meeting_id: int, update: bool) -> None:
    invitations.deliver(meeting_id, update)

"""Background tasks of the committees (django-tasks; `manage.py db_worker` runs them)."""

from django_tasks import task

from partnerstwo.grants.committees import protocol


# Below the default priority: a protocol of thousands of offers takes the worker minutes, and e-mails go first.
@task(priority=-10)
def build_protocol(competition_id: int, hidden: list[int], language: str, part: int) -> None:
    """Makes one part of the committee's protocol ahead of its reader (protocol.make)."""
    protocol.make(competition_id, hidden, language, part)

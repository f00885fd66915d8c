"""Background tasks of the mailing system (django-tasks; `manage.py db_worker` runs them)."""

from django_tasks import task

from . import delivery


@task()
def send_mailing(mailing_id: int) -> dict:
    """One worker of a mailing: claims batches and sends them until none is left. Several may run at once."""
    return delivery.run_worker(mailing_id)

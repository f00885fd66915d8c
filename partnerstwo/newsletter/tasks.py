"""Background tasks of the mailing system (django-tasks; `manage.py db_worker` runs them).

A task takes ids and runs the worker (worker ← tasks); the queue (delivery.start) enqueues it (tasks ←
delivery), so nothing here imports the queue back.
"""

from django_tasks import task

from . import worker


@task()
def send_mailing(mailing_id: int) -> dict:
    """One worker of a mailing: claims batches and sends them until none is left. Several may run at once."""
    return worker.run_worker(mailing_id)

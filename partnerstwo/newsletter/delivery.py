"""The mailing queue: what other modules call to send a mailing (panel, digests, alerts, one-off mailings).

enqueue() creates one Delivery row per recipient address, start() marks the mailing as sending and
queues its worker tasks (tasks.send_mailing, which runs worker.run_worker); progress, resending uncertain
deliveries, lifting a suppression and the scheduled recovery (recover_all) are here too.

Layering (test_layering.py holds the order): models ← content (single messages) ← worker ← tasks ←
delivery (this module) ← digest, alerts, one_off. docs/decisions/0006-mailing-delivery.md explains
the state machine and why a crashed worker leaves at most one "uncertain" delivery.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .models import Delivery, Mailing, Recipient, SuppressedAddress
from .tasks import send_mailing
from .worker import claimable, config, finish_if_complete, recover_expired

ENQUEUE_CHUNK = 1000


def enqueue(mailing, recipients: QuerySet) -> int:
    """Create one queued delivery per distinct address of these recipients (active ones only, never a
    suppressed address, never twice for one mailing); returns how many were created. Safe to call twice."""
    candidates = (
        Recipient.objects.active()
        .filter(pk__in=recipients.order_by().values("pk"))
        .annotate(address=Lower("email"))
        .exclude(address__in=SuppressedAddress.objects.values("email"))
        .order_by("address", "pk")
        .values_list("pk", "address", "language")
    )
    before = mailing.deliveries.count()
    chunk, previous = [], None
    with transaction.atomic():
        # Sorted by address: a second recipient with the same address (an organisation that also
        # subscribed) is adjacent, so one look back is enough and no set of 100,000 addresses is kept.
        for recipient_id, address, language in candidates.iterator(chunk_size=ENQUEUE_CHUNK):
            if address == previous:
                continue
            previous = address
            chunk.append(Delivery(mailing=mailing, recipient_id=recipient_id, email=address, language=language))
            if len(chunk) >= ENQUEUE_CHUNK:
                Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
                chunk = []
        if chunk:
            Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
    return mailing.deliveries.count() - before


def start(mailing) -> None:
    """Mark the mailing as sending and hand it to the background workers."""
    now = timezone.now()
    Mailing.objects.filter(pk=mailing.pk).update(
        status=Mailing.Status.SENDING, started_at=mailing.started_at or now, finished_at=None, workers_seen_at=now,
    )
    mailing.refresh_from_db(fields=["status", "started_at", "finished_at", "workers_seen_at"])
    launch_workers(mailing, config("MAILING_PARALLEL_TASKS"))


def progress(mailing) -> dict:
    """Counts of the mailing's deliveries by status (every Delivery.Status key) plus "total", in one query."""
    counts = {status: Count("pk", filter=Q(status=status)) for status in Delivery.Status.values}
    return Delivery.objects.filter(mailing=mailing).aggregate(**counts, total=Count("pk"))


def requeue_uncertain(mailing, delivery_ids=None) -> int:
    """Staff decided to resend uncertain deliveries (all of the mailing's, or these): back to the queue.

    Under the mailing's row lock, which finish_if_complete takes too: a mailing that is done again
    becomes sending in the same transaction as its rows become queued, so no done mailing keeps
    queued rows that recovery (which looks at sending mailings only) would never see.
    """
    now = timezone.now()
    with transaction.atomic():
        locked = Mailing.objects.select_for_update().filter(pk=mailing.pk).first()
        if locked is None:
            return 0
        deliveries = Delivery.objects.filter(mailing_id=locked.pk, status=Delivery.Status.UNCERTAIN)
        if delivery_ids is not None:
            deliveries = deliveries.filter(pk__in=list(delivery_ids))
        requeued = deliveries.update(
            status=Delivery.Status.QUEUED, worker="", lease_until=None, next_attempt_at=None, updated_at=now
        )
        was_done = requeued and locked.status == Mailing.Status.DONE
        if was_done:
            Mailing.objects.filter(pk=locked.pk).update(
                status=Mailing.Status.SENDING, finished_at=None, workers_seen_at=now, updated_at=now
            )
    mailing.refresh_from_db(fields=["status", "started_at", "finished_at", "workers_seen_at"])
    if was_done:
        launch_workers(mailing, config("MAILING_PARALLEL_TASKS"))
    elif requeued and mailing.status == Mailing.Status.SENDING:
        launch_workers(mailing, 1)  # its workers may be finishing their last batch right now
    return requeued


def lift_suppression(email: str) -> None:
    """Staff decided an address may receive mail again."""
    SuppressedAddress.objects.filter(email=email.strip().lower()).delete()


def launch_workers(mailing, count: int = 1) -> None:
    for _index in range(max(1, count)):
        send_mailing.enqueue(mailing.pk)


def workers_missing(mailing) -> bool:
    """A sending mailing with work that is due, whose workers are gone: the last heartbeat is older than
    a lease, and no worker task is waiting in the queue (a killed db_worker leaves its task "running")."""
    now = timezone.now()
    seen = mailing.workers_seen_at
    if seen is not None and seen > now - timedelta(seconds=config("MAILING_LEASE_SECONDS")):
        return False
    if not Delivery.objects.filter(claimable(now), mailing=mailing).exists():
        return False
    return not waiting_worker_tasks(mailing.pk)


def waiting_worker_tasks(mailing_id) -> bool:
    waiting = DBTaskResult.objects.filter(status="READY", task_path=send_mailing.module_path).values_list(
        "args_kwargs", flat=True
    )
    return any((args_kwargs or {}).get("args", [None])[:1] == [mailing_id] for args_kwargs in waiting)


def recover_all() -> dict:
    """The scheduled job (manage.py recover_deliveries): expired leases, lost workers, finished mailings."""
    requeued, uncertain = recover_expired()
    relaunched = finished = 0
    for mailing in Mailing.objects.filter(status=Mailing.Status.SENDING):
        if workers_missing(mailing):
            Mailing.objects.filter(pk=mailing.pk).update(workers_seen_at=timezone.now())
            launch_workers(mailing, config("MAILING_PARALLEL_TASKS"))
            relaunched += 1
        elif finish_if_complete(mailing.pk):
            finished += 1
    return {"requeued": requeued, "uncertain": uncertain, "relaunched": relaunched, "finished": finished}

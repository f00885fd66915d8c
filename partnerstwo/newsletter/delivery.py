"""Sending a mailing: one Delivery row per recipient, claimed in batches by workers (STUB: helper "delivery" fills it).

The functions below are the interface other modules use; their signatures stay.
"""

from django.db.models import QuerySet


def enqueue(mailing, recipients: QuerySet) -> int:
    """Create one queued delivery per distinct address of these recipients (active ones only, never a
    suppressed address, never twice for one mailing); returns how many were created. Safe to call twice."""
    raise NotImplementedError


def start(mailing) -> None:
    """Mark the mailing as sending and hand it to the background workers."""
    raise NotImplementedError


def progress(mailing) -> dict:
    """Counts of the mailing's deliveries by status (every Delivery.Status key) plus "total", in one query."""
    raise NotImplementedError


def requeue_uncertain(mailing, delivery_ids=None) -> int:
    """Staff decided to resend uncertain deliveries (all of the mailing's, or these): back to the queue."""
    raise NotImplementedError


def lift_suppression(email: str) -> None:
    """Staff decided an address may receive mail again."""
    raise NotImplementedError

"""The events' queues on the officials' desk (accounts/desk.py): new events and changes to published ones that
organisations and the Team submitted. Any official reviews them (Event.objects.reviewable_by), so the queues are
shared by every department."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts.desk import Queue, alert_messages
from partnerstwo.events.models import Event, EventChange, EventStatus
from partnerstwo.lib.emails import email_task


def awaiting_review(user, today=None):
    """The submitted events this person reviews, oldest first: the review queue of the events panel."""
    return (
        Event.objects.reviewable_by(user).filter(status=EventStatus.PENDING)
        .select_related("organization", "submitted_by").order_by("created_at", "pk")
    )


def changes_awaiting_review(user, today=None):
    """Proposed changes to published events that this person reviews, oldest first."""
    return (
        EventChange.objects.filter(status=EventChange.Status.PENDING, event__in=Event.objects.reviewable_by(user))
        .select_related("event__organization", "proposed_by").order_by("proposed_at", "pk")
    )


REVIEW = Queue(
    key="events", title=_("Wydarzenia do akceptacji"), url_name="panel:events_panel:index",
    waiting=awaiting_review, item_url=lambda event: reverse("panel:events_panel:review", args=[event.pk]),
    since=lambda event: event.created_at, label=lambda event: event.title,
)
CHANGES = Queue(
    key="event_changes", title=_("Zmiany wydarzeń do akceptacji"), url_name="panel:events_panel:index",
    waiting=changes_awaiting_review,
    item_url=lambda change: reverse("panel:events_panel:review_change", args=[change.pk]),
    since=lambda change: change.proposed_at, label=lambda change: change.event.title,
)
QUEUES = {queue.key: queue for queue in (REVIEW, CHANGES)}


@email_task
def alert_officials(queue_key: str, item_id: int):
    return alert_messages(QUEUES[queue_key], item_id)

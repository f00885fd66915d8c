"""The organisations' news queue on the officials' desk (accounts/desk.py): items waiting for review, shared by
every official as the events' queue is."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts.desk import Queue, alert_messages
from partnerstwo.lib.emails import email_task
from partnerstwo.orgnews.models import Post, Status, can_review


def awaiting_review(user, today=None):
    """Items waiting for the Centre's review, oldest first: the panel's queue and the desk's."""
    if not can_review(user):
        return Post.objects.none()
    return Post.objects.filter(status=Status.PENDING).select_related("organization").order_by("created_at", "pk")


REVIEW = Queue(
    key="orgnews", title=_("Wiadomości organizacji do akceptacji"), url_name="panel:orgnews_panel:index",
    waiting=awaiting_review, item_url=lambda post: reverse("panel:orgnews_panel:review", args=[post.pk]),
    since=lambda post: post.created_at, label=lambda post: post.title,
)
QUEUES = {REVIEW.key: REVIEW}


@email_task
def alert_officials(queue_key: str, item_id: int):
    return alert_messages(QUEUES[queue_key], item_id)

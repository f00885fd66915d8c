"""The organisations' news queue on the officials' desk (accounts/desk.py): items waiting for review, shared by
every official as the events' queue is."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts.desk import Queue
from partnerstwo.orgnews import review
from partnerstwo.orgnews.models import Post, Status


def awaiting_review(user, today=None):
    if not review.can_review(user):
        return Post.objects.none()
    return Post.objects.filter(status=Status.PENDING).select_related("organization").order_by("created_at", "pk")


REVIEW = Queue(
    key="orgnews", title=_("Wiadomości organizacji do akceptacji"), url_name="panel:orgnews_panel:index",
    waiting=awaiting_review, item_url=lambda post: reverse("panel:orgnews_panel:review", args=[post.pk]),
    since=lambda post: post.created_at, label=lambda post: post.title,
)

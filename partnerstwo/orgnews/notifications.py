"""The news' e-mails, built in the worker."""

from django.urls import reverse

from partnerstwo.lib.emails import absolute_url, build_email
from partnerstwo.orgnews.models import Post, Status


def decision_email(post_id: int):
    """The Centre's decision on an item, to the representative who wrote it, in their language."""
    post = Post.objects.select_related("submitted_by").filter(pk=post_id).first()
    user = post.submitted_by if post else None
    if user is None or not user.is_active or not user.email or post.status == Status.PENDING:
        return None
    context = {
        "post": post,
        "published": post.status == Status.PUBLISHED,
        "post_url": absolute_url(post.get_absolute_url()),
        "manage_url": absolute_url(reverse("my_orgnews:edit", args=[post.pk])),
    }
    return build_email("orgnews_decided", [user.email], context, language=user.preferred_language or None)

"""Where a post's answers go, and the signed link through which its poster replies (see answers.py)."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse

from partnerstwo.lib.signing import make_token, read_token
from partnerstwo.partners.models import PartnerAnswer, PartnerPost

REPLY_SALT = "partners.reply"


def reply_link_lifetime() -> timedelta:
    return timedelta(days=settings.PARTNERS_ANSWER_RETENTION_DAYS)


def reply_token(answer: PartnerAnswer) -> str:
    return make_token(answer.pk, salt=REPLY_SALT)


def reply_url(answer: PartnerAnswer) -> str:
    return reverse("partners:reply", args=[reply_token(answer)])


def answer_from_token(token: str) -> PartnerAnswer | None:
    pk = read_token(token, salt=REPLY_SALT, max_age=reply_link_lifetime())
    if pk is None:
        return None
    return PartnerAnswer.objects.select_related("post").filter(pk=pk).first()


def poster_address(post: PartnerPost) -> tuple[str, str | None]:
    """(address, language) the post's answers go to: the account that posted it, else the organisation's
    confirmed address; ("", None) when nobody can receive them."""
    user = post.created_by
    if user is not None and user.is_active and user.email:
        return user.email, user.preferred_language or None
    if post.organization_id and post.organization.confirmed_contact_email:
        return post.organization.confirmed_contact_email, None
    return "", None

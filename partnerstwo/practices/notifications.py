"""The practices' e-mails, built in the worker."""

from django.urls import reverse

from partnerstwo.lib.emails import absolute_url, build_email
from partnerstwo.practices.models import GoodPractice, Status


def decision_email(practice_id: int):
    """The Centre's decision on a proposal, to the representative who proposed it, in their language."""
    practice = GoodPractice.objects.select_related("submitted_by").filter(pk=practice_id).first()
    user = practice.submitted_by if practice else None
    if user is None or not user.is_active or not user.email or practice.status == Status.PENDING:
        return None
    context = {
        "practice": practice,
        "published": practice.status == Status.PUBLISHED,
        "practice_url": absolute_url(practice.get_absolute_url()),
        "manage_url": absolute_url(reverse("my_practices:edit", args=[practice.pk])),
    }
    return build_email("practice_decided", [user.email], context, language=user.preferred_language or None)

"""E-mails of consultations, each an email task queued on commit: to followers when the period ends, and to
followers and everyone who commented when the report is published."""

from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from partnerstwo.consultations.models import Consultation
from partnerstwo.lib.emails import absolute_url, build_email, email_task


def _users(ids):
    return get_user_model().objects.filter(pk__in=ids, is_active=True).exclude(email="").order_by("pk")


def _messages(key: str, consultation: Consultation, users) -> list:
    context = {"consultation": consultation, "url": absolute_url(consultation.get_absolute_url()),
               "report_url": absolute_url(consultation.get_absolute_url() + "sprawozdanie/")}
    return [build_email(key, [user.email], {**context, "user": user}, language=user.preferred_language or None)
            for user in users]


@email_task
def consultation_closed(consultation_id: int):
    consultation = Consultation.objects.filter(pk=consultation_id).first()
    if consultation is None:
        return None
    return _messages("consultation_closed", consultation,
                     _users(consultation.followers.values("user_id")))


@email_task
def report_published(consultation_id: int):
    consultation = Consultation.objects.filter(pk=consultation_id, report_published_at__isnull=False).first()
    if consultation is None:
        return None
    speakers = Q(pk__in=consultation.comments.counted().values("author_id")) | Q(
        pk__in=consultation.writtenopinions.counted().values("author_id")
    ) | Q(pk__in=consultation.followers.values("user_id"))
    users = get_user_model().objects.filter(speakers, is_active=True).exclude(email="").order_by("pk")
    return _messages("consultation_report_published", consultation, users)


def notify_closed(now=None) -> int:
    """Followers of every consultation whose period has ended are told once (safe to run every minute)."""
    now = now or timezone.now()
    count = 0
    for consultation in Consultation.objects.public().filter(
        closing_notified_at__isnull=True, ends_on__lt=timezone.localdate(now),
    ).order_by("pk"):
        with transaction.atomic():
            updated = Consultation.objects.filter(pk=consultation.pk, closing_notified_at__isnull=True).update(
                closing_notified_at=now
            )
            if updated:
                transaction.on_commit(partial(consultation_closed.enqueue, consultation.pk))
                count += 1
    return count

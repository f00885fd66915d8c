"""The weekly events digest: once a week, the next 14 days of the calendar, matched to each recipient.

`send_due()` (management command send_weekly_digest, run every minute) creates at most one Mailing of
kind DIGEST per week: on NEWSLETTER_DIGEST_WEEKDAY (0 = Monday) from NEWSLETTER_DIGEST_HOUR (Europe/Warsaw),
with period_start = that day, whose unique constraint makes a second run (or a second scheduler) a no-op.
A run up to a day late still sends it; later than that the week is skipped rather than mailed stale.

Who receives it: active recipients with Topic.EVENTS_DIGEST for whom at least one public, not cancelled
event date of the window matches their spheres and districts (RecipientQuerySet.matching). Recipients
with nothing matching are left out at enqueue, so no empty digest is sent.

What one message says is digest_rendering's (render_digest, called by content per delivery). Layering
(test_layering.py holds the order): digest_rendering ← content ← worker ← tasks ← delivery (the queue) ←
this module, which composes the weekly mailing.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation

from partnerstwo.newsletter import audience, delivery
from partnerstwo.newsletter.audience import reachable_recipients
from partnerstwo.newsletter.digest_rendering import (
    digest_subject,
    event_district_ids,
    event_sphere_ids,
    window_dates,
    window_end,
)
from partnerstwo.newsletter.models import Mailing, Recipient, Topic

# How late a digest may still go out (the scheduler was down): later, the week is skipped.
LATE_LIMIT = datetime.timedelta(days=1)


def digest_weekday() -> int:
    return int(getattr(settings, "NEWSLETTER_DIGEST_WEEKDAY", 0))


def digest_hour() -> int:
    return int(getattr(settings, "NEWSLETTER_DIGEST_HOUR", 7))


def _at_hour(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def due_period_start(now: datetime.datetime) -> datetime.date | None:
    """The day of the latest digest moment not after `now`, or None when that moment is over a day ago."""
    today = timezone.localdate(now)
    day = today - datetime.timedelta(days=(today.weekday() - digest_weekday()) % 7)
    moment = _at_hour(day, digest_hour())
    if moment > now:
        day -= datetime.timedelta(days=7)
        moment = _at_hour(day, digest_hour())
    if now - moment > LATE_LIMIT:
        return None
    return day


def digest_recipients(start: datetime.datetime, end: datetime.datetime) -> QuerySet:
    """Digest subscribers with at least one matching date in the window: one subquery per kind of event."""
    kinds = {
        (event_sphere_ids(occurrence.event), event_district_ids(occurrence.event))
        for occurrence in window_dates(start, end)
    }
    if not kinds:
        return Recipient.objects.none()
    condition = Q()
    for sphere_ids, district_ids in kinds:
        condition |= Q(pk__in=Recipient.objects.matching(sphere_ids=sphere_ids, district_ids=district_ids).values("pk"))
    subscribers = reachable_recipients().with_topic(Topic.EVENTS_DIGEST).filter(condition)
    return Recipient.objects.filter(pk__in=subscribers.values("pk"))


def send_due(now: datetime.datetime | None = None) -> Mailing | None:
    """Create, fill and start this week's digest if it is due and does not exist yet; else do nothing."""
    now = now or timezone.now()
    period_start = due_period_start(now)
    if period_start is None or Mailing.objects.filter(kind=Mailing.Kind.DIGEST, period_start=period_start).exists():
        return None
    with transaction.atomic():
        try:
            with transaction.atomic():
                with translation.override(settings.LANGUAGE_CODE):
                    subject = digest_subject(period_start)
                mailing = Mailing.objects.create(
                    kind=Mailing.Kind.DIGEST,
                    period_start=period_start,
                    topic=Topic.EVENTS_DIGEST,
                    subject=subject,
                )
        except IntegrityError:  # another run created it a moment ago
            return None
        audience.sync_organizations()  # organisations' recipients agree with the directory first
        count = delivery.enqueue(mailing, digest_recipients(now, window_end(period_start)))
        if not count:
            Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.Status.DONE, started_at=now, finished_at=now)
    if count:
        delivery.start(mailing)
    return mailing

"""Alerts: what other apps publish, picked up on a schedule and sent once to those whose interests match.

`run()` (management command send_alerts, safe every minute and late) asks each source in
alert_sources.SOURCES what changed since its AlertCursor, minus NEWSLETTER_ALERT_OVERLAP_SECONDS: a
transaction that stamped a row before the last look but committed after it is still seen. Seeing an
item twice is harmless: each alert is one Mailing per (source, source_id, source_version), which the
database keeps unique, so an item version is sent once however often it is seen and however many runs
overlap. The other apps never call into this module. A source that fails is logged and retried at the
next run without holding up the rest.

Layering (test_layering.py holds the order): alert_sources (what to send, how one message reads) ←
content ← worker ← tasks ← delivery (the queue) ← this module, which composes the mailings.
"""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from partnerstwo.newsletter import audience, delivery
from partnerstwo.newsletter.alert_sources import SOURCES, Item, Source
from partnerstwo.newsletter.models import AlertCursor, Mailing

logger = logging.getLogger(__name__)

def overlap() -> datetime.timedelta:
    return datetime.timedelta(seconds=int(getattr(settings, "NEWSLETTER_ALERT_OVERLAP_SECONDS", 600)))


# --- Running ------------------------------------------------------------------------------------------


def send_once(source: Source, item: Item, now: datetime.datetime) -> Mailing | None:
    """One Mailing for this item version, filled and started; None when it exists already."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                mailing = Mailing.objects.create(
                    kind=Mailing.Kind.ALERT,
                    source=source.name,
                    source_id=item.source_id,
                    source_version=item.version,
                    topic=item.topic,
                    subject=item.subject[:200],
                )
        except IntegrityError:  # another run sent it meanwhile
            return None
        count = delivery.enqueue(mailing, item.recipients)
        if not count:
            Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.Status.DONE, started_at=now, finished_at=now)
    if count:
        delivery.start(mailing)
    return mailing


def look_at(source: Source, now: datetime.datetime) -> int:
    """Send what changed in one source since its cursor (with the overlap), then move the cursor to `now`."""
    cursor = AlertCursor.objects.filter(source=source.name).first()
    # A new installation does not mail its history: the first look reaches back only by the overlap.
    since = (cursor.checked_until if cursor else now) - overlap()
    sent = 0
    synced = False
    with translation.override(settings.LANGUAGE_CODE):
        for item in source.items(since, now):
            if not synced:  # organisations' recipients agree with the directory before anyone is chosen
                audience.sync_organizations()
                synced = True
            if send_once(source, item, now) is not None:
                sent += 1
    AlertCursor.objects.update_or_create(source=source.name, defaults={"checked_until": now})
    return sent


def start_stranded(now: datetime.datetime) -> int:
    """Alerts and digests filled but never started (the process died between the two): start them now."""
    stranded = Mailing.objects.filter(
        kind__in=[Mailing.Kind.ALERT, Mailing.Kind.DIGEST],
        status=Mailing.Status.DRAFT,
        created_at__lt=now - datetime.timedelta(minutes=5),
    )
    count = 0
    for mailing in stranded:
        delivery.start(mailing)
        count += 1
    return count


def run(now: datetime.datetime | None = None) -> dict[str, int]:
    """One look at every source; returns how many alerts each sent."""
    now = now or timezone.now()
    start_stranded(now)
    report = {}
    for source in SOURCES:
        try:
            report[source.name] = look_at(source, now)
        except Exception:  # one broken source must not stop the others; its cursor stays for a retry
            logger.exception("Alerts from %s failed", source.name)
            report[source.name] = 0
    return report

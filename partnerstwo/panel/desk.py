"""The official's desk: what waits for this person in every queue, on the panel's first page and in the daily
digest e-mail.

The queues are the apps' own (accounts/desk.py explains them); here they are only listed and counted. A queue
a person may not open gives `.none()`, which costs no query, so the desk shows only the sections that are theirs.
Each shown queue costs two queries (its count and its oldest items) whatever it holds.
"""

import datetime as dt
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models.query import EmptyQuerySet
from django.urls import reverse
from django.utils import timezone, translation

from partnerstwo.accounts.desk import Queue
from partnerstwo.accounts.models import User
from partnerstwo.consultations import desk as consultations
from partnerstwo.events import desk as events
from partnerstwo.feedback import desk as feedback
from partnerstwo.grants import desk as grants
from partnerstwo.lib.emails import absolute_url, build_email, email_task
from partnerstwo.organizations import desk as organizations
from partnerstwo.orgnews import desk as orgnews
from partnerstwo.programme import desk as programme

QUEUES: list[Queue] = [
    events.REVIEW, events.CHANGES, orgnews.REVIEW, organizations.CLAIMS, organizations.CHANGES, feedback.NEW,
    grants.OFFERS, grants.REPORTS, grants.LATE_REPORTS, consultations.ANSWERS, programme.DUTIES,
]
# The oldest items shown in each section; the rest are a click away, in the full queue.
OLDEST_SHOWN = 3


@dataclass(frozen=True)
class Item:
    label: str
    url: str
    since: dt.date | dt.datetime | None


@dataclass(frozen=True)
class Waiting:
    queue: Queue
    count: int
    oldest: list[Item]

    @property
    def title(self):
        return self.queue.title

    @property
    def url(self) -> str:
        return self.queue.url


def desk_for(user, today: dt.date | None = None) -> list[Waiting]:
    """Every queue this person works through, with how much waits and the oldest items, in the desk's order."""
    if not user.is_authenticated or not user.has_desk:
        return []
    today = today or timezone.localdate()
    sections = []
    for queue in QUEUES:
        waiting = queue.waiting(user, today)
        if isinstance(waiting, EmptyQuerySet):
            continue
        oldest = [Item(queue.label(item), queue.item_url(item), queue.since(item)) for item in waiting[:OLDEST_SHOWN]]
        sections.append(Waiting(queue, waiting.count(), oldest))
    return sections


def send_daily_digests(*, now=None) -> int:
    """Queue the day's digest for every official who chose it, once a day from DESK_DIGEST_HOUR (the scheduled job
    `send_desk_digests`); returns how many were queued. The day is claimed by a conditional UPDATE before the
    task is queued, so a second run the same day (or two at once) queues nothing."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    if local.hour < settings.DESK_DIGEST_HOUR:
        return 0
    today = local.date()
    due = User.objects.desk_holders().filter(desk_alerts=User.DeskAlerts.DAILY).exclude(desk_digest_sent_on=today)
    queued = 0
    with transaction.atomic():
        for pk in due.values_list("pk", flat=True):
            if User.objects.filter(pk=pk).exclude(desk_digest_sent_on=today).update(desk_digest_sent_on=today):
                transaction.on_commit(partial(send_digest.enqueue, pk, today.isoformat()))
                queued += 1
    return queued


@email_task
def send_digest(user_id: int, day: str):
    """What waits for the person now, in their language; nothing when nothing waits or they no longer have a desk
    (or chose otherwise since)."""
    user = User.objects.desk_holders().filter(pk=user_id, desk_alerts=User.DeskAlerts.DAILY).first()
    if user is None:
        return None
    sections = [section for section in desk_for(user, dt.date.fromisoformat(day)) if section.count]
    if not sections:
        return None
    with translation.override(user.preferred_language):
        context = {
            "sections": [
                {"title": str(section.title), "count": section.count, "url": absolute_url(section.url),
                 "oldest": [{"label": item.label, "url": absolute_url(item.url), "since": item.since}
                            for item in section.oldest]}
                for section in sections
            ],
            "total": sum(section.count for section in sections),
            "desk_url": absolute_url(reverse("panel:dashboard")),
            "settings_url": absolute_url(reverse("accounts:profile")),
        }
    return build_email("desk_digest", [user.email], context, language=user.preferred_language)

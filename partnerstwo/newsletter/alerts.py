"""Alerts: what other parts publish, picked up on a schedule and sent once to those whose interests match.

`run()` (management command send_alerts, safe every minute and late) asks each source what changed since
its AlertCursor, minus NEWSLETTER_ALERT_OVERLAP_SECONDS: a transaction that stamped a row before the last
look but committed after it is still seen. Seeing an item twice is harmless: each alert is one Mailing
per (source, source_id, source_version), which the database keeps unique, so an item version is sent once
however often it is seen and however many runs overlap. The other apps never call into this module.

Sources are small adapters in SOURCES, each with a `name` (its cursor and Mailing.source), `items(since,
now)` (what to send: id, version, subject, recipients) and `render(mailing, delivery)` (the message).
A later part (consultations) adds its own adapter class and appends it to SOURCES without touching the
others; a source that fails is logged and retried at the next run without holding up the rest.

- EventSource: published events, new (first version seen) or changed (iCal SEQUENCE raised, including
  cancellation) → Topic.EVENT_NOTICES, plus Topic.TRAININGS for trainings; spheres and district matched.
- CompetitionAnnouncementSource: a competition that left PLANNED (deadline still ahead) → every
  organisation whose spheres match and every subscriber of Topic.GRANTS with matching spheres.
- CompetitionChangeSource: a change to an announced competition (revision raised) → the same people.
- DeadlineReminderSource: 7 days and 1 day before the offer deadline (from NEWSLETTER_REMINDER_HOUR,
  local time) → Topic.GRANT_REMINDERS, matching spheres; source_version is "<deadline date>/<days>".
- NewsSource: each published news item once (source_version "published"), when it becomes public →
  Topic.NEWS. Consultations and the Team's positions have no source yet: their parts come later.
"""

import datetime
import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from partnerstwo.lib.emails import absolute_url
from partnerstwo.newsletter import audience, delivery
from partnerstwo.newsletter.digest import describe_event, reachable_recipients
from partnerstwo.newsletter.models import AlertCursor, Mailing, Recipient, Topic

logger = logging.getLogger(__name__)

REMINDER_DAYS = (7, 1)


def overlap() -> datetime.timedelta:
    return datetime.timedelta(seconds=int(getattr(settings, "NEWSLETTER_ALERT_OVERLAP_SECONDS", 600)))


def reminder_hour() -> int:
    return int(getattr(settings, "NEWSLETTER_REMINDER_HOUR", 8))


@dataclass(frozen=True)
class Item:
    """One version of one published thing, and who is to hear of it."""

    source_id: int
    version: str
    subject: str
    topic: str
    recipients: QuerySet


class Source:
    """An adapter for one kind of published thing. Subclasses set `name` and implement both methods."""

    name: str = ""

    def items(self, since: datetime.datetime, now: datetime.datetime) -> Iterable[Item]:
        raise NotImplementedError

    def render(self, mailing: Mailing, delivery_row) -> tuple[str, str, str]:
        raise NotImplementedError


def already_sent(source: str, source_ids) -> set[tuple[int, str]]:
    """(source_id, version) pairs that have an alert already: saves creating mailings the constraint refuses."""
    rows = Mailing.objects.filter(kind=Mailing.Kind.ALERT, source=source, source_id__in=list(source_ids))
    return set(rows.values_list("source_id", "source_version"))


def first_alert_ids(source: str, source_ids) -> dict[int, datetime.datetime]:
    """When each item was first alerted about (items never alerted are absent)."""
    rows = Mailing.objects.filter(kind=Mailing.Kind.ALERT, source=source, source_id__in=list(source_ids))
    first: dict[int, datetime.datetime] = {}
    for source_id, created_at in rows.values_list("source_id", "created_at"):
        if source_id not in first or created_at < first[source_id]:
            first[source_id] = created_at
    return first


@functools.lru_cache(maxsize=256)
def _is_first_alert(mailing_pk: int, created_at, source: str, source_id: int) -> bool:
    # created_at is in the key only to tell apart rows that reuse a deleted row's id.
    return not Mailing.objects.filter(
        kind=Mailing.Kind.ALERT, source=source, source_id=source_id, pk__lt=mailing_pk
    ).exists()


def is_first_alert(mailing: Mailing) -> bool:
    """Whether this mailing told of the item for the first time (new) rather than of a change."""
    return _is_first_alert(mailing.pk, mailing.created_at, mailing.source, mailing.source_id)


def render_parts(template: str, context: dict, subject: str) -> tuple[str, str, str]:
    context = {"city": settings.CITY, **context}
    text = render_to_string(f"newsletter/email_parts/{template}.txt", context)
    html = render_to_string(f"newsletter/email_parts/{template}.html", context)
    return " ".join(subject.split()), text, html


# --- Events ------------------------------------------------------------------------------------------


class EventSource(Source):
    name = "event"

    def items(self, since, now):
        from partnerstwo.events.models import Event, EventKind, EventStatus, Occurrence

        ahead = Occurrence.objects.filter(event=OuterRef("pk"), ends_at__gte=now)
        events = list(
            Event.objects.public()
            .filter(updated_at__gt=since)
            .filter(Exists(ahead))
            .prefetch_related("spheres")
            .order_by("updated_at", "pk")
        )
        sent = already_sent(self.name, [event.pk for event in events])
        alerted = {source_id for source_id, _version in sent}
        for event in events:
            version = str(event.sequence)
            if (event.pk, version) in sent:
                continue
            is_new = event.pk not in alerted
            if is_new and event.status == EventStatus.CANCELLED:
                continue  # nobody was told of it, so nobody needs telling it is off
            topics = [Topic.EVENT_NOTICES]
            if event.kind == EventKind.TRAINING:
                topics.append(Topic.TRAININGS)
            recipients = (
                reachable_recipients()
                .filter(topics__topic__in=topics)
                .matching(
                    sphere_ids=[sphere.pk for sphere in event.spheres.all()],
                    district_ids=[event.district_id] if event.district_id else [],
                )
            )
            yield Item(
                source_id=event.pk,
                version=version,
                subject=self.subject(event, is_new=is_new),
                topic=topics[-1],
                recipients=Recipient.objects.filter(pk__in=recipients.values("pk")),
            )

    def subject(self, event, *, is_new: bool) -> str:
        if event.is_cancelled:
            return _("Odwołane wydarzenie: %(title)s") % {"title": event.title}
        if is_new:
            if event.kind == "training":
                return _("Nowe szkolenie: %(title)s") % {"title": event.title}
            return _("Nowe wydarzenie: %(title)s") % {"title": event.title}
        return _("Zmiana w wydarzeniu: %(title)s") % {"title": event.title}

    def render(self, mailing, delivery_row):
        from partnerstwo.events.models import Event

        event = (
            Event.objects.select_related("organization", "district")
            .prefetch_related("occurrences")
            .filter(pk=mailing.source_id)
            .first()
        )
        if event is None:
            return gone(mailing)
        now = timezone.now()
        is_new = is_first_alert(mailing)
        context = {
            "event": describe_event(event),
            "is_new": is_new,
            "is_cancelled": event.is_cancelled,
            "cancellation_reason": event.cancellation_reason,
            "occurrences": [o for o in event.occurrences.all() if o.ends_at >= now][:10],
            "event_all_day": event.all_day,
        }
        return render_parts("event", context, self.subject(event, is_new=is_new))


# --- Grant competitions ------------------------------------------------------------------------------


def competition_audience(competition) -> QuerySet:
    """Organisations and subscribers of the grants topic whose spheres match.

    Organisations have the grants topic unless their representatives removed it: that choice is respected.
    """
    interested = reachable_recipients().filter(topics__topic=Topic.GRANTS).matching(
        sphere_ids=[competition.sphere_id]
    )
    return Recipient.objects.filter(pk__in=interested.values("pk"))


def days_left(deadline: datetime.datetime, now: datetime.datetime) -> int:
    return (timezone.localdate(deadline) - timezone.localdate(now)).days


def describe_competition(competition, now) -> dict:
    return {
        "title": competition.title,
        "reference": competition.reference,
        "department": competition.department.name,
        "sphere": str(competition.sphere),
        "mode": competition.get_mode_display(),
        "status": competition.get_status_display(),
        "public_funds": competition.public_funds,
        "offer_deadline": competition.offer_deadline,
        "days_left": days_left(competition.offer_deadline, now),
        "deadline_passed": competition.offer_deadline <= now,
        "url": absolute_url(competition.get_absolute_url()),
    }


def _competition(mailing):
    from partnerstwo.grants.models import Competition

    return Competition.objects.select_related("department", "sphere").filter(pk=mailing.source_id).first()


class CompetitionAnnouncementSource(Source):
    name = "competition"

    def items(self, since, now):
        from partnerstwo.grants.models import Competition

        competitions = list(
            Competition.objects.public()
            .exclude(status=Competition.Status.CANCELLED)
            .filter(updated_at__gt=since, offer_deadline__gt=now)
            .order_by("updated_at", "pk")
        )
        sent = already_sent(self.name, [c.pk for c in competitions])
        for competition in competitions:
            if (competition.pk, "announced") in sent:
                continue
            yield Item(
                source_id=competition.pk,
                version="announced",
                subject=self.subject(competition),
                topic=Topic.GRANTS,
                recipients=competition_audience(competition),
            )

    def subject(self, competition) -> str:
        return _("Ogłoszono konkurs: %(title)s") % {"title": competition.title}

    def render(self, mailing, delivery_row):
        competition = _competition(mailing)
        if competition is None:
            return gone(mailing)
        context = {"competition": describe_competition(competition, timezone.now()), "announcement": True}
        return render_parts("competition", context, self.subject(competition))


class CompetitionChangeSource(Source):
    """Changes after the announcement alert: a change made before it was already in the announcement."""

    name = "competition_change"

    def items(self, since, now):
        from partnerstwo.grants.models import Competition

        competitions = list(
            Competition.objects.public()
            .filter(changed_at__gt=since, revision__gt=0)
            .order_by("changed_at", "pk")
        )
        ids = [c.pk for c in competitions]
        announced = first_alert_ids(CompetitionAnnouncementSource.name, ids)
        sent = already_sent(self.name, ids)
        for competition in competitions:
            version = str(competition.revision)
            if (competition.pk, version) in sent:
                continue
            if competition.pk not in announced or competition.changed_at <= announced[competition.pk]:
                continue
            yield Item(
                source_id=competition.pk,
                version=version,
                subject=self.subject(competition),
                topic=Topic.GRANTS,
                recipients=competition_audience(competition),
            )

    def subject(self, competition) -> str:
        return _("Zmiana w konkursie: %(title)s") % {"title": competition.title}

    def render(self, mailing, delivery_row):
        from partnerstwo.grants.models import CompetitionChange

        competition = _competition(mailing)
        if competition is None:
            return gone(mailing)
        change = (
            CompetitionChange.objects.filter(competition=competition, revision=int(mailing.source_version or 0))
            .order_by("-changed_at", "-pk")
            .first()
        )
        context = {
            "competition": describe_competition(competition, timezone.now()),
            "change_summary": change.summary if change else competition.last_change_summary,
            "is_cancelled": competition.status == competition.Status.CANCELLED,
            "cancellation_reason": competition.cancellation_reason,
        }
        return render_parts("competition", context, self.subject(competition))


def due_reminder_days(deadline: datetime.datetime, now: datetime.datetime) -> int | None:
    """The most urgent reminder due by now (7 or 1 days before the deadline's day), or None."""
    if deadline <= now:
        return None
    deadline_day = timezone.localdate(deadline)
    for days in sorted(REMINDER_DAYS):
        day = deadline_day - datetime.timedelta(days=days)
        if timezone.make_aware(datetime.datetime.combine(day, datetime.time(reminder_hour()))) <= now:
            return days
    return None


class DeadlineReminderSource(Source):
    """Time, not changes, makes a reminder due: the cursor is not used, the unique version keeps it once."""

    name = "competition_deadline"

    def items(self, since, now):
        from partnerstwo.grants.models import Competition

        horizon = now + datetime.timedelta(days=max(REMINDER_DAYS) + 1)
        competitions = list(
            Competition.objects.filter(
                status__in=[Competition.Status.ANNOUNCED, Competition.Status.ACCEPTING],
                offer_deadline__gt=now,
                offer_deadline__lte=horizon,
            ).order_by("offer_deadline", "pk")
        )
        sent = already_sent(self.name, [c.pk for c in competitions])
        for competition in competitions:
            days = due_reminder_days(competition.offer_deadline, now)
            if days is None:
                continue
            version = f"{timezone.localdate(competition.offer_deadline).isoformat()}/{days}"
            if (competition.pk, version) in sent:
                continue
            interested = (
                reachable_recipients().with_topic(Topic.GRANT_REMINDERS).matching(sphere_ids=[competition.sphere_id])
            )
            yield Item(
                source_id=competition.pk,
                version=version,
                subject=self.subject(competition, days_left(competition.offer_deadline, now)),
                topic=Topic.GRANT_REMINDERS,
                recipients=Recipient.objects.filter(pk__in=interested.values("pk")),
            )

    def subject(self, competition, left: int) -> str:
        if left <= 0:
            return _("Dziś mija termin składania ofert: %(title)s") % {"title": competition.title}
        if left == 1:
            return _("Jutro mija termin składania ofert: %(title)s") % {"title": competition.title}
        return _("Za %(days)s dni mija termin składania ofert: %(title)s") % {
            "days": left,
            "title": competition.title,
        }

    def render(self, mailing, delivery_row):
        competition = _competition(mailing)
        if competition is None:
            return gone(mailing)
        now = timezone.now()
        context = {"competition": describe_competition(competition, now), "reminder": True}
        subject = self.subject(competition, days_left(competition.offer_deadline, now))
        return render_parts("competition", context, subject)


# --- News -------------------------------------------------------------------------------------------


def news_max_age() -> datetime.timedelta:
    return datetime.timedelta(days=int(getattr(settings, "NEWSLETTER_NEWS_ALERT_MAX_AGE_DAYS", 7)))


class NewsSource(Source):
    """A news item is alerted once, when it becomes public.

    It becomes public when its publication time comes (published_at) or when an editor marks it
    published (updated_at), whichever is later; both are looked at. An old item edited long after its
    publication is not news: items published more than NEWSLETTER_NEWS_ALERT_MAX_AGE_DAYS ago are skipped.
    """

    name = "news"
    version = "published"

    def items(self, since, now):
        from partnerstwo.news.models import NewsItem

        news = list(
            NewsItem.objects.filter(is_published=True, published_at__lte=now, published_at__gte=now - news_max_age())
            .filter(Q(updated_at__gt=since) | Q(published_at__gt=since))
            .order_by("published_at", "pk")
        )
        sent = already_sent(self.name, [item.pk for item in news])
        if not news:
            return
        interested = reachable_recipients().with_topic(Topic.NEWS)
        for item in news:
            if (item.pk, self.version) in sent:
                continue
            yield Item(
                source_id=item.pk,
                version=self.version,
                subject=self.subject(item),
                topic=Topic.NEWS,
                recipients=Recipient.objects.filter(pk__in=interested.values("pk")),
            )

    def subject(self, item) -> str:
        return _("Aktualność: %(title)s") % {"title": item.title}

    def render(self, mailing, delivery_row):
        from partnerstwo.news.models import NewsItem

        item = NewsItem.objects.filter(pk=mailing.source_id, is_published=True).first()
        if item is None:
            return gone(mailing)
        context = {"news": {"title": item.title, "lead": item.lead, "url": absolute_url(item.get_absolute_url()),
                            "published_at": item.published_at}}
        return render_parts("news", context, self.subject(item))


def gone(mailing: Mailing) -> tuple[str, str, str]:
    """The item was deleted after the alert was created: say so rather than fail the delivery."""
    text = _("Informacja, o której miała być ta wiadomość, została usunięta z serwisu.")
    return mailing.subject, text + "\n", f"<p>{text}</p>"


# A later part appends its adapter here (e.g. ConsultationSource); the order is the order of sending.
SOURCES: list[Source] = [
    EventSource(),
    CompetitionAnnouncementSource(),
    CompetitionChangeSource(),
    DeadlineReminderSource(),
    NewsSource(),
]


def source_named(name: str) -> Source:
    for source in SOURCES:
        if source.name == name:
            return source
    raise LookupError(name)


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


def render_alert(mailing: Mailing, delivery_row) -> tuple[str, str, str]:
    """(subject, text, html) of an alert's own part for one delivery, in the recipient's language."""
    with translation.override(delivery_row.language or settings.LANGUAGE_CODE):
        return source_named(mailing.source).render(mailing, delivery_row)

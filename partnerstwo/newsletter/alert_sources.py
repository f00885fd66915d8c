"""Alert sources: what other apps publish, what to send about it, and what one alert message says.

Each source is a small adapter with a `name` (its AlertCursor and Mailing.source), `items(since, now)`
(what to send: id, version, subject, recipients) and `render(mailing, delivery)` (one message's own
part). SOURCES lists them in the order of sending; a new kind of published thing gets a new adapter
class added to it, without touching the others.

- EventSource: published events, new (first version seen) or changed (iCal SEQUENCE raised, including
  cancellation) → Topic.EVENT_NOTICES, plus Topic.TRAININGS for trainings; spheres and district matched.
- CompetitionAnnouncementSource: a competition that left PLANNED (deadline still ahead) → every
  organisation whose spheres match and every subscriber of Topic.GRANTS with matching spheres.
- CompetitionChangeSource: a change to an announced competition (revision raised) → the same people.
- DeadlineReminderSource: 7 days and 1 day before the offer deadline (from NEWSLETTER_REMINDER_HOUR,
  local time) → Topic.GRANT_REMINDERS, matching spheres; source_version is "<deadline date>/<days>".
- NewsSource: each published news item once (source_version "published"), when it becomes public →
  Topic.NEWS.
- OrganizationPostSource: each organisation's news item once (source_version "published"), when the Centre
  publishes it → Topic.NEWS, matched by the organisation's spheres and district.
- PositionSource: each position or opinion the advisory body adopts, once (source_version "adopted"), when
  it is decided → Topic.POSITIONS.
- ConsultationSource: each announced consultation once (source_version "announced") → Topic.CONSULTATIONS,
  spheres matched.
- BulletinSource: each published issue of the city bulletin once (source_version "published") → Topic.BULLETIN
  and the bulletin's media contacts (media_recipients.py).

Layering (test_layering.py holds the order): this module only reads and renders (but for the media contacts'
recipient rows, which BulletinSource makes before it names them); it sits below
content (which calls render_alert for each delivery) and so below the queue. alerts.py, above the
queue, creates the mailings.
"""

import datetime
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from partnerstwo.bulletin import document as bulletin_document
from partnerstwo.bulletin.models import Issue
from partnerstwo.consultations.models import Consultation
from partnerstwo.events.models import Event, EventKind, EventStatus, Occurrence
from partnerstwo.grants.competitions.models import Competition, CompetitionChange
from partnerstwo.lib.emails import absolute_url
from partnerstwo.lib.markdown import plain_text
from partnerstwo.news.models import NewsItem
from partnerstwo.newsletter.audience import reachable_recipients
from partnerstwo.newsletter.digest_rendering import describe_event
from partnerstwo.newsletter.media_recipients import media_recipients
from partnerstwo.newsletter.models import Mailing, Recipient, Topic
from partnerstwo.orgnews.models import Post
from partnerstwo.team.models import Position

REMINDER_DAYS = (7, 1)


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
    return Competition.objects.select_related("department", "sphere").filter(pk=mailing.source_id).first()


class CompetitionAnnouncementSource(Source):
    name = "competition"

    def items(self, since, now):
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
        item = NewsItem.objects.filter(pk=mailing.source_id, is_published=True).first()
        if item is None:
            return gone(mailing)
        context = {"news": {"title": item.title, "lead": item.lead, "url": absolute_url(item.get_absolute_url()),
                            "published_at": item.published_at}}
        return render_parts("news", context, self.subject(item))


# --- Organisations' news -------------------------------------------------------------------------------

ORGANIZATION_POST_LEAD_CHARACTERS = 400


class OrganizationPostSource(Source):
    """An organisation's news item, once, when the Centre publishes it (its review sets published_at), to the
    news topic's subscribers whose spheres and districts match the organisation's."""

    name = "organization_post"
    version = "published"

    def items(self, since, now):
        posts = list(
            Post.objects.published().filter(published_at__gt=since, published_at__lte=now)
            .filter(published_at__gte=now - news_max_age())
            .select_related("organization").prefetch_related("organization__spheres")
            .order_by("published_at", "pk")
        )
        if not posts:
            return
        sent = already_sent(self.name, [post.pk for post in posts])
        for post in posts:
            if (post.pk, self.version) in sent:
                continue
            organization = post.organization
            interested = reachable_recipients().with_topic(Topic.NEWS).matching(
                sphere_ids=[sphere.pk for sphere in organization.spheres.all()],
                district_ids=[organization.district_id] if organization.district_id else [],
            )
            yield Item(
                source_id=post.pk, version=self.version, subject=self.subject(post), topic=Topic.NEWS,
                recipients=Recipient.objects.filter(pk__in=interested.values("pk")),
            )

    def subject(self, post) -> str:
        return _("Z życia organizacji: %(title)s") % {"title": post.title}

    def render(self, mailing, delivery_row):
        post = Post.objects.published().select_related("organization").filter(pk=mailing.source_id).first()
        if post is None:
            return gone(mailing)
        lead = plain_text(post.body)
        if len(lead) > ORGANIZATION_POST_LEAD_CHARACTERS:
            lead = lead[:ORGANIZATION_POST_LEAD_CHARACTERS].rsplit(" ", 1)[0] + "…"
        context = {"news": {"title": f"{post.organization.name}: {post.title}", "lead": lead,
                            "url": absolute_url(post.get_absolute_url()), "published_at": post.published_at}}
        return render_parts("news", context, self.subject(post))


# --- The advisory body's positions ---------------------------------------------------------------------


class PositionSource(Source):
    """An adopted position is alerted once, when it is decided (its decision time is the change looked at).
    A rejected draft is published in the register but is no position of the body: nobody is mailed about it."""

    name = "team_position"
    version = "adopted"

    def items(self, since, now):
        positions = list(
            Position.objects.adopted().filter(decided_at__gt=since, decided_at__lte=now).order_by("decided_at", "pk")
        )
        if not positions:
            return
        sent = already_sent(self.name, [position.pk for position in positions])
        interested = reachable_recipients().with_topic(Topic.POSITIONS)
        for position in positions:
            if (position.pk, self.version) in sent:
                continue
            yield Item(
                source_id=position.pk,
                version=self.version,
                subject=self.subject(position),
                topic=Topic.POSITIONS,
                recipients=Recipient.objects.filter(pk__in=interested.values("pk")),
            )

    def subject(self, position) -> str:
        return _("%(kind)s nr %(number)s: %(title)s") % {
            "kind": position.get_kind_display().capitalize(), "number": position.register_label,
            "title": position.title,
        }

    def render(self, mailing, delivery_row):
        position = (
            Position.objects.adopted().select_related("body", "competition", "legal_act")
            .filter(pk=mailing.source_id).first()
        )
        if position is None:
            return gone(mailing)
        context = {"position": {
            "title": position.title, "kind": position.get_kind_display(), "number": position.register_label,
            "body": position.body.name, "decided_at": position.decided_at,
            "concerns": position.competition.title if position.competition else (
                position.legal_act.title if position.legal_act else ""),
            "votes_for": position.votes_for, "votes_against": position.votes_against,
            "votes_abstain": position.votes_abstain, "url": absolute_url(position.get_absolute_url()),
        }}
        return render_parts("position", context, self.subject(position))
# --- Consultations -------------------------------------------------------------------------------------


class ConsultationSource(Source):
    """An announced consultation, once, to the subscribers of the consultations topic whose spheres match."""

    name = "consultation"
    version = "announced"

    def items(self, since, now):
        consultations = list(
            Consultation.objects.public().filter(announced_at__gt=since, ends_on__gte=timezone.localdate(now))
            .prefetch_related("spheres").order_by("announced_at", "pk")
        )
        sent = already_sent(self.name, [c.pk for c in consultations])
        for consultation in consultations:
            if (consultation.pk, self.version) in sent:
                continue
            interested = reachable_recipients().with_topic(Topic.CONSULTATIONS).matching(
                sphere_ids=[sphere.pk for sphere in consultation.spheres.all()]
            )
            yield Item(
                source_id=consultation.pk, version=self.version, subject=self.subject(consultation),
                topic=Topic.CONSULTATIONS, recipients=Recipient.objects.filter(pk__in=interested.values("pk")),
            )

    def subject(self, consultation) -> str:
        return _("Konsultacje: %(title)s") % {"title": consultation.title}

    def render(self, mailing, delivery_row):
        consultation = Consultation.objects.public().select_related("department").filter(pk=mailing.source_id).first()
        if consultation is None:
            return gone(mailing)
        context = {"consultation": {
            "title": consultation.title, "kind": consultation.get_kind_display(),
            "department": consultation.department.name, "starts_on": consultation.starts_on,
            "ends_on": consultation.ends_on, "url": absolute_url(consultation.get_absolute_url()),
        }}
        return render_parts("consultation", context, self.subject(consultation))


# --- The city bulletin ----------------------------------------------------------------------------------


class BulletinSource(Source):
    """A published issue of the bulletin, once, to the bulletin topic's subscribers and the media contacts. An
    issue published more than BULLETIN_SEND_MAX_AGE_DAYS ago is not news (an old issue on a new installation)."""

    name = "bulletin"
    version = "published"

    def items(self, since, now):
        max_age = datetime.timedelta(days=settings.BULLETIN_SEND_MAX_AGE_DAYS)
        issues = list(
            Issue.objects.published().filter(published_at__gt=since, published_at__lte=now)
            .filter(published_at__gte=now - max_age).order_by("published_at", "pk")
        )
        if not issues:
            return
        sent = already_sent(self.name, [issue.pk for issue in issues])
        for issue in issues:
            if (issue.pk, self.version) in sent:
                continue
            # Made here, not for every run: the media contacts' recipients exist only when an issue goes out.
            media = media_recipients()
            subscribers = reachable_recipients().with_topic(Topic.BULLETIN)
            yield Item(
                source_id=issue.pk, version=self.version, subject=self.subject(issue), topic=Topic.BULLETIN,
                recipients=Recipient.objects.filter(pk__in=subscribers.values("pk"))
                | Recipient.objects.filter(pk__in=media.values("pk")),
            )

    def subject(self, issue) -> str:
        return _("Biuletyn miejski nr %(label)s: %(title)s") % {"label": issue.label, "title": issue.title}

    def render(self, mailing, delivery_row):
        issue = Issue.objects.published().filter(pk=mailing.source_id).first()
        if issue is None:
            return gone(mailing)
        context = {"issue": {
            "label": issue.label, "title": issue.title, "editorial": plain_text(issue.editorial),
            "period_start": issue.period_start, "period_end": issue.period_end,
            "url": absolute_url(issue.get_absolute_url()), "pdf_url": absolute_url(issue.get_pdf_url()),
            "print_url": absolute_url(issue.get_print_url()),
        }, "entries": bulletin_document.entries(issue)}
        return render_parts("bulletin", context, self.subject(issue))


def gone(mailing: Mailing) -> tuple[str, str, str]:
    """The item was deleted after the alert was created: say so rather than fail the delivery."""
    text = _("Informacja, o której miała być ta wiadomość, została usunięta z serwisu.")
    return mailing.subject, text + "\n", f"<p>{text}</p>"


# The order is the order of sending.
SOURCES: list[Source] = [
    EventSource(),
    CompetitionAnnouncementSource(),
    CompetitionChangeSource(),
    DeadlineReminderSource(),
    NewsSource(),
    OrganizationPostSource(),
    PositionSource(),
    ConsultationSource(),
    BulletinSource(),
]


def source_named(name: str) -> Source:
    for source in SOURCES:
        if source.name == name:
            return source
    raise LookupError(name)


def render_alert(mailing: Mailing, delivery_row) -> tuple[str, str, str]:
    """(subject, text, html) of an alert's own part for one delivery, in the recipient's language."""
    with translation.override(delivery_row.language or settings.LANGUAGE_CODE):
        return source_named(mailing.source).render(mailing, delivery_row)

"""The weekly digest's content: the window of event dates, who is interested in what, and one message.

`render_digest` (called by content.build_message per delivery) lists the matching dates grouped by
day. The window's dates are fetched once per mailing and process (a short cache), so rendering costs a
few queries per message whatever the number of events. The same interest rule is stated for events in
memory by `interested_in`; a table test in test_digest.py keeps it in step with the SQL of
RecipientQuerySet.matching.

Layering (test_layering.py holds the order): this module only reads and renders; it sits below
content and so below the queue. digest.py, above the queue, creates the weekly mailing.
"""

import datetime
import time
from dataclasses import dataclass
from itertools import groupby

from django.conf import settings
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from partnerstwo.events.models import EventStatus, Occurrence
from partnerstwo.lib.context_processors import city_for_language
from partnerstwo.lib.emails import absolute_url
from partnerstwo.newsletter.models import Mailing, Recipient
from partnerstwo.organizations.models import Organization

DIGEST_DAYS = 14
# A worker renders a mailing's messages in quick succession; the window's dates are read once per this long.
WINDOW_CACHE_SECONDS = 60


def window_end(period_start: datetime.date) -> datetime.datetime:
    """The end of the 14 days covered (exclusive): midnight after the last day, local time."""
    return timezone.make_aware(
        datetime.datetime.combine(period_start + datetime.timedelta(days=DIGEST_DAYS), datetime.time())
    )


def window_dates(start: datetime.datetime, end: datetime.datetime) -> QuerySet:
    """Public, not cancelled event dates overlapping [start, end), with what a message says about them."""
    return (
        Occurrence.objects.filter(event__status=EventStatus.PUBLISHED, is_cancelled=False)
        .between(start, end)
        .select_related("event", "event__organization", "event__district")
        .prefetch_related("event__spheres")
        .order_by("starts_at", "event__title", "pk")
    )


# --- Who is interested in what --------------------------------------------------------------------


@dataclass(frozen=True)
class Interests:
    """A recipient's narrowing: empty means "all" (for an organisation, its directory spheres stand in)."""

    sphere_ids: frozenset
    district_ids: frozenset


def interests_of(recipient: Recipient) -> Interests:
    spheres = set(recipient.spheres.values_list("pk", flat=True))
    if not spheres and recipient.organization_id:
        spheres = set(
            Organization.spheres.through.objects.filter(organization_id=recipient.organization_id).values_list(
                "publictasksphere_id", flat=True
            )
        )
    return Interests(frozenset(spheres), frozenset(recipient.districts.values_list("pk", flat=True)))


def _overlaps(chosen: frozenset, item_ids) -> bool:
    return not item_ids or not chosen or not chosen.isdisjoint(item_ids)


def interested_in(interests: Interests, *, sphere_ids=(), district_ids=()) -> bool:
    """RecipientQuerySet.matching for one recipient and an item in memory (the same rule)."""
    return _overlaps(interests.sphere_ids, sphere_ids) and _overlaps(interests.district_ids, district_ids)


def event_sphere_ids(event) -> frozenset:
    return frozenset(sphere.pk for sphere in event.spheres.all())


def event_district_ids(event) -> tuple:
    return (event.district_id,) if event.district_id else ()


def digest_subject(period_start: datetime.date) -> str:
    last_day = period_start + datetime.timedelta(days=DIGEST_DAYS - 1)
    return _("Wydarzenia dla organizacji pozarządowych: %(start)s – %(end)s") % {
        "start": f"{period_start:%d.%m}",
        "end": f"{last_day:%d.%m.%Y}",
    }


_window_cache: dict = {}


def _cached_window(mailing: Mailing, now: datetime.datetime) -> list:
    """The window's dates for this mailing, read at most once a minute per process."""
    key = (mailing.pk, mailing.created_at)
    cached = _window_cache.get(key)
    if cached is None or time.monotonic() - cached[0] > WINDOW_CACHE_SECONDS:
        _window_cache.clear()  # one mailing at a time is rendered; keep memory flat
        dates = list(window_dates(now, window_end(mailing.period_start)))
        cached = (time.monotonic(), dates)
        _window_cache[key] = cached
    return cached[1]


def _place(event) -> str:
    parts = [event.venue, event.street, event.town]
    place = ", ".join(part for part in parts if part)
    if event.district_id:
        place = f"{place} ({_('osiedle')} {event.district.name})" if place else event.district.name
    if event.online_url:
        place = f"{place}; {_('online')}" if place else _("online")
    return place


def _organiser(event) -> str:
    if event.organization_id:
        return event.organization.name
    return event.get_organizer_kind_display()


def describe_event(event) -> dict:
    """The facts every message about an event gives (absolute link, place, organiser)."""
    return {
        "title": event.title,
        "kind": event.get_kind_display(),
        "url": absolute_url(event.get_absolute_url()),
        "place": _place(event),
        "organiser": _organiser(event),
        "all_day": event.all_day,
        "is_free": event.is_free,
        "price": event.price,
    }


def render_digest(mailing: Mailing, delivery_row) -> tuple[str, str, str]:
    """(subject, text, html) of the digest's own part for one delivery, in the recipient's language."""
    now = timezone.now()
    recipient = delivery_row.recipient
    interests = interests_of(recipient) if recipient is not None else Interests(frozenset(), frozenset())
    chosen = [
        occurrence
        for occurrence in _cached_window(mailing, now)
        if interested_in(
            interests,
            sphere_ids=event_sphere_ids(occurrence.event),
            district_ids=event_district_ids(occurrence.event),
        )
    ]
    with translation.override(delivery_row.language or settings.LANGUAGE_CODE):
        days = [
            {
                "day": day,
                "items": [
                    {"occurrence": occurrence, "event": describe_event(occurrence.event)} for occurrence in group
                ],
            }
            for day, group in groupby(chosen, key=lambda occurrence: timezone.localdate(max(occurrence.starts_at, now)))
        ]
        context = {
            "days": days,
            "period_start": mailing.period_start,
            "period_end": mailing.period_start + datetime.timedelta(days=DIGEST_DAYS - 1),
            "calendar_url": absolute_url(_calendar_path()),
            "city": city_for_language(delivery_row.language or settings.LANGUAGE_CODE),
        }
        subject = digest_subject(mailing.period_start)
        text = render_to_string("newsletter/email_parts/digest.txt", context)
        html = render_to_string("newsletter/email_parts/digest.html", context)
    return subject, text, html


def _calendar_path() -> str:
    return reverse("events:calendar")

"""Small builders for the events tests."""

import datetime
import itertools
import zoneinfo

from django.utils import timezone

from partnerstwo.events import schedule
from partnerstwo.events.models import Event, EventKind, EventStatus, Occurrence, OrganizerKind, Registration

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
_numbers = itertools.count(1)


def local(year, month, day, hour=0, minute=0) -> datetime.datetime:
    """An aware datetime in Europe/Warsaw wall-clock time."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=WARSAW)


def in_days(days: int, hour: int = 18) -> datetime.datetime:
    """A local datetime `days` from today at `hour`:00."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=WARSAW)


def event(*, title=None, status=EventStatus.PUBLISHED, starts_at=None, ends_at=None, **fields) -> Event:
    """A saved event with its occurrences; by default published, tomorrow 18:00–20:00, at a city venue."""
    n = next(_numbers)
    starts_at = starts_at or in_days(1)
    values = {
        "slug": f"wydarzenie-{n}",
        "kind": EventKind.MEETING,
        "organizer_kind": OrganizerKind.CENTRE,
        "venue": "Centrum Współpracy Organizacji Pozarządowych",
        "street": "ul. Warszawska 12",
        "town": "Białystok",
    }
    values.update(fields)
    if values.get("organization") is not None:
        values["organizer_kind"] = OrganizerKind.ORGANIZATION
    created = Event.objects.create(
        title=title or f"Wydarzenie {n}", status=status, starts_at=starts_at,
        ends_at=ends_at or starts_at + datetime.timedelta(hours=2), **values,
    )
    schedule.rebuild(created)
    return created


def occurrence(event_: Event) -> Occurrence:
    return event_.occurrences.order_by("starts_at").first()


def registration(occurrence_: Occurrence, *, name=None, email=None,
                 status=Registration.Status.CONFIRMED, **fields) -> Registration:
    n = next(_numbers)
    return Registration.objects.create(
        occurrence=occurrence_, name=name or f"Uczestnik {n}", email=email or f"uczestnik{n}@example.org",
        consent_at=timezone.now(), status=status, **fields,
    )


def open_occurrence(**fields) -> Occurrence:
    """An occurrence of a published event with registration here, open now (tomorrow 18:00)."""
    values = {"registration_mode": "here", "capacity": 2}
    values.update(fields)
    return occurrence(event(**values))


def cancel_token(registration_: Registration) -> str:
    from partnerstwo.events.registration import cancel_token as token

    return token(registration_)

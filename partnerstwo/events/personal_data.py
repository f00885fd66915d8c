"""What the events app keeps about a person, for the account export and deletion and for retention.

The contract with the privacy framework (the account pages and the scheduled `apply_retention` command
call these): export(user) -> dict, forget(user) -> None (inside the account-deletion transaction, before
the user row goes), expire(now) -> dict[str, int].

Anonymising a registration blanks the name, e-mail and needs and drops the link to the account; the row
stays, with its status, organisation and attendance, so the counts of who registered and who came
remain for the event's statistics.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from partnerstwo.events import registration as registrations
from partnerstwo.events.models import Event, Registration


def _anonymise(queryset, now) -> int:
    return queryset.filter(anonymised_at__isnull=True).update(
        name="", email="", needs="", user=None, anonymised_at=now,
    )


def export(user) -> dict:
    """The person's registrations (made while signed in or with their account's address) and the events
    they submitted, as JSON-serialisable values."""
    regs = (
        Registration.objects.of_person(user).filter(anonymised_at__isnull=True)
        .select_related("occurrence__event", "organization").order_by("occurrence__starts_at", "pk")
    )
    events = Event.objects.filter(submitted_by=user).order_by("starts_at", "pk")
    return {
        "event_registrations": [
            {
                "event": r.occurrence.event.title,
                "event_url": settings.SITE_URL + r.occurrence.event.get_absolute_url(),
                "date": timezone.localtime(r.occurrence.starts_at).isoformat(),
                "status": r.status,
                "status_label": str(r.get_status_display()),
                "name": r.name,
                "email": r.email,
                "organization": r.organization.name if r.organization else None,
                "needs": r.needs,
                "registered_at": timezone.localtime(r.created_at).isoformat(),
                "consent_at": timezone.localtime(r.consent_at).isoformat(),
                "attended": r.attended,
            }
            for r in regs
        ],
        "submitted_events": [
            {
                "title": e.title,
                "url": settings.SITE_URL + e.get_absolute_url(),
                "starts_at": timezone.localtime(e.starts_at).isoformat(),
                "status": e.status,
                "status_label": str(e.get_status_display()),
                "organization": e.organization.name if e.organization_id else None,
            }
            for e in events.select_related("organization")
        ],
    }


def forget(user) -> None:
    """Cancels the person's registrations for dates still ahead (their places go to the waiting list) and
    anonymises all of them. Events they submitted stay: they are the organisation's, not the person's."""
    now = timezone.now()
    with transaction.atomic():
        mine = Registration.objects.of_person(user).filter(anonymised_at__isnull=True)
        ahead = mine.filter(occurrence__starts_at__gt=now).exclude(status=Registration.Status.CANCELLED)
        for registration in list(ahead):
            registrations.cancel(registration)
        _anonymise(Registration.objects.of_person(user), now)


def expire(now: datetime) -> dict[str, int]:
    """Anonymises the registrations of dates that ended more than EVENTS_REGISTRATION_RETENTION_DAYS ago.
    Idempotent: a second run finds nothing."""
    cutoff = now - timedelta(days=settings.EVENTS_REGISTRATION_RETENTION_DAYS)
    with transaction.atomic():
        old = Registration.objects.filter(Q(occurrence__ends_at__lt=cutoff))
        anonymised = _anonymise(old, now)
    return {"event_registrations_anonymised": anonymised}

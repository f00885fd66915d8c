"""An event's way onto the calendar: submitted, reviewed (approved or returned), edited, cancelled.

Representatives submit their organisations' events and Team members the advisory body's; an official
reviews them. Officials' and administrators' own events publish at once. Once published, an event keeps
its address: edits and a cancellation raise its iCal SEQUENCE and are e-mailed to the people registered.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from partnerstwo.events import schedule
from partnerstwo.events.models import Event, EventStatus, OrganizerKind, Registration
from partnerstwo.lib.emails import absolute_url, send_email
from partnerstwo.lib.text import fold


def organizer_kinds_for(user) -> list[str]:
    """Whom this person may publish events as."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_administrator or user.is_official:
        return list(OrganizerKind.values)
    kinds = []
    from partnerstwo.organizations.models import Organization

    if Organization.objects.represented_by(user).exists():
        kinds.append(OrganizerKind.ORGANIZATION)
    if user.is_team_member:
        kinds.append(OrganizerKind.ADVISORY_BODY)
    return kinds


def can_submit(user) -> bool:
    return bool(organizer_kinds_for(user))


def publishes_at_once(user) -> bool:
    return user.is_active and (user.is_official or user.is_administrator)


def can_review(user) -> bool:
    return user.is_authenticated and user.is_active and (user.is_official or user.is_administrator)


def unique_slug(event: Event) -> str:
    day = timezone.localtime(event.starts_at).date().isoformat()
    base = f"{slugify(fold(event.title))[:190].strip('-') or 'wydarzenie'}-{day}"
    slug, n = base, 1
    while Event.objects.filter(slug=slug).exclude(pk=event.pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def save(event: Event, *, by, changed: bool = True, save_m2m=None) -> Event:
    """Saves a new or edited event (from the form) and brings its occurrences in line with its dates.

    New and returned events go to review unless `by` publishes at once; a published one stays published,
    its SEQUENCE grows and registered people are told. `save_m2m` saves the form's many-to-many fields.
    """
    is_new = event.pk is None
    previous = None if is_new else Event.objects.select_for_update().get(pk=event.pk)
    if previous and previous.status == EventStatus.CANCELLED:
        raise ValidationError(_("Odwołanego wydarzenia nie można już zmieniać."), code="cancelled")
    if is_new:
        event.submitted_by = by
        event.slug = unique_slug(event)
        if by.is_official and not event.department_id:
            event.department = by.department
    if is_new or previous.status in (EventStatus.DRAFT, EventStatus.RETURNED):
        event.status = EventStatus.PUBLISHED if publishes_at_once(by) else EventStatus.PENDING
    was_published = previous is not None and previous.status == EventStatus.PUBLISHED
    if was_published and changed:
        event.sequence = previous.sequence + 1
    event.updated_by = by
    event.save()
    if save_m2m:
        save_m2m()
    schedule.rebuild(event)
    if was_published and changed:
        _after_commit(event, "event_changed")
    return event


@transaction.atomic
def approve(event: Event, *, by) -> None:
    event = _locked(event, expected=EventStatus.PENDING)
    event.status = EventStatus.PUBLISHED
    event.updated_by = by
    event.save(update_fields=["status", "updated_by", "updated_at"])
    schedule.rebuild(event)
    _after_commit_to_submitter(event, "event_approved")


@transaction.atomic
def return_for_changes(event: Event, *, by, reason: str) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Napisz, co trzeba poprawić – zgłaszający dostanie to w wiadomości.")})
    event = _locked(event, expected=EventStatus.PENDING)
    event.status = EventStatus.RETURNED
    event.review_reason = reason
    event.updated_by = by
    event.save(update_fields=["status", "review_reason", "updated_by", "updated_at"])
    _after_commit_to_submitter(event, "event_returned")


@transaction.atomic
def cancel(event: Event, *, by, reason: str) -> None:
    """A published event stays on the calendar marked cancelled, so subscribed calendars learn of it."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Podaj powód odwołania – dostaną go osoby zapisane.")})
    event = _locked(event, expected=EventStatus.PUBLISHED)
    event.status = EventStatus.CANCELLED
    event.cancellation_reason = reason
    event.sequence += 1
    event.updated_by = by
    event.save(update_fields=["status", "cancellation_reason", "sequence", "updated_by", "updated_at"])
    event.occurrences.update(is_cancelled=True)
    _after_commit(event, "event_cancelled")


def _locked(event: Event, *, expected: str) -> Event:
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.status != expected:
        raise ValidationError(
            _("Wydarzenie ma już status „%(status)s”; odśwież stronę.") % {"status": locked.get_status_display()},
            code="status",
        )
    return locked


def registered_people(event: Event, *, now=None) -> dict[str, tuple[str, list]]:
    """E-mail → (name, their occurrences still ahead) of everyone confirmed or waiting."""
    now = now or timezone.now()
    registrations = (
        Registration.objects.filter(
            occurrence__event=event, occurrence__ends_at__gte=now,
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING],
        ).select_related("occurrence").order_by("occurrence__starts_at", "pk")
    )
    people = {}
    for registration in registrations:
        name, occurrences = people.setdefault(registration.email.lower(), (registration.name, []))
        occurrences.append(registration.occurrence)
    return people


def _after_commit(event: Event, key: str) -> None:
    transaction.on_commit(lambda: notify_registered(event.pk, key))


def notify_registered(event_id: int, key: str) -> int:
    """One message per person (each sees only their own address); returns how many were sent."""
    event = Event.objects.get(pk=event_id)
    sent = 0
    for email, (name, occurrences) in registered_people(event).items():
        send_email(key, [email], _email_context(event, name=name, occurrences=occurrences))
        sent += 1
    return sent


def _after_commit_to_submitter(event: Event, key: str) -> None:
    if event.submitted_by and event.submitted_by.email:
        email, name = event.submitted_by.email, str(event.submitted_by)
        language = event.submitted_by.preferred_language or None  # the submitter's language, as in the directory
        transaction.on_commit(
            lambda: send_email(key, [email], _email_context(event, name=name), language=language)
        )


def _email_context(event: Event, **extra) -> dict:
    return {
        "event": event,
        "event_url": absolute_url(event.get_absolute_url()),
        "manage_url": absolute_url(reverse("my_events:edit", args=[event.pk])),
        "starts_at": timezone.localtime(event.starts_at),
        **extra,
    }

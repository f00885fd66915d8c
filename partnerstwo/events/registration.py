"""Registration for an occurrence of an event: places, the waiting list, cancelling and reminders.

Every change to who holds a place runs in a transaction that first locks the occurrence row
(select_for_update), so two people can never take the last place at once and a cancellation
moves exactly one waiting person up. E-mails go out after the transaction commits.
"""

from datetime import UTC, datetime, timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.events.models import EventStatus, Occurrence, Registration, RegistrationMode
from partnerstwo.lib.emails import absolute_url, build_email

CANCEL_SALT = "partnerstwo.events.registration.cancel"
RESULT_SALT = "partnerstwo.events.registration.result"
RESULT_MAX_AGE = timedelta(hours=1)
REMINDER_AHEAD = timedelta(days=1)
ICS_NAME = "wydarzenie.ics"


class RegistrationError(Exception):
    """A registration that cannot be accepted; the message is shown to the person."""


ALREADY_REGISTERED = _(
    "Ten adres e-mail jest już zapisany na ten termin. Jeśli chcesz zrezygnować, użyj linku z e-maila "
    "potwierdzającego zapis."
)
CLOSED = _("Zapisy na ten termin są zamknięte.")


# Whether registration is open ---------------------------------------------------------------


def closes_at(occurrence: Occurrence) -> datetime:
    """Registration ends at the event's deadline or when the occurrence starts, whichever is first."""
    deadline = occurrence.event.registration_deadline
    return min(deadline, occurrence.starts_at) if deadline else occurrence.starts_at


def is_open(occurrence: Occurrence, now: datetime | None = None) -> bool:
    event = occurrence.event
    return (
        event.registration_mode == RegistrationMode.HERE
        and event.status == EventStatus.PUBLISHED
        and not occurrence.is_cancelled
        and (now or timezone.now()) < closes_at(occurrence)
    )


def open_occurrences():
    """Occurrences people can register for now (the form's queryset: anything else is a 404)."""
    now = timezone.now()
    return (
        Occurrence.objects.select_related("event")
        .filter(
            event__registration_mode=RegistrationMode.HERE, event__status=EventStatus.PUBLISHED,
            is_cancelled=False, starts_at__gt=now,
        )
        .filter(Q(event__registration_deadline__isnull=True) | Q(event__registration_deadline__gt=now))
    )


def with_counts(occurrences):
    return occurrences.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
        waiting_count=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITING)),
    )


def places_left(occurrence: Occurrence) -> int | None:
    """None: no limit."""
    capacity = occurrence.event.capacity
    if capacity is None:
        return None
    confirmed = occurrence.registrations.filter(status=Registration.Status.CONFIRMED).count()
    return max(capacity - confirmed, 0)


# Registering and cancelling ------------------------------------------------------------------


def normalize_email(email: str) -> str:
    return email.strip().lower()


def _lock(occurrence_pk: int) -> Occurrence:
    # of=("self",): lock the occurrence row only, not the event joined to it (PostgreSQL).
    return Occurrence.objects.select_for_update(of=("self",)).select_related("event").get(pk=occurrence_pk)


def register(*, occurrence: Occurrence, name: str, email: str, organization=None, needs: str = "") -> Registration:
    """A confirmed place while there is one, otherwise a place on the waiting list.

    Raises RegistrationError when registration is closed or the address is already registered.
    """
    email = normalize_email(email)
    with transaction.atomic():
        locked = _lock(occurrence.pk)
        if not is_open(locked):
            raise RegistrationError(CLOSED)
        active = locked.registrations.exclude(status=Registration.Status.CANCELLED)
        if active.filter(email=email).exists():
            raise RegistrationError(ALREADY_REGISTERED)
        capacity = locked.event.capacity
        full = capacity is not None and active.filter(status=Registration.Status.CONFIRMED).count() >= capacity
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    occurrence=locked, name=name.strip(), email=email, organization=organization,
                    needs=needs.strip(), consent_at=timezone.now(),
                    status=Registration.Status.WAITING if full else Registration.Status.CONFIRMED,
                )
        except IntegrityError:  # the partial unique index: the same address in a race with itself
            raise RegistrationError(ALREADY_REGISTERED) from None
        transaction.on_commit(lambda: send_registration_email(registration.pk))
    return registration


def cancel(registration: Registration) -> Registration | None:
    """Cancel a place (or a waiting-list entry); returns the person moved up, if any.

    Cancelling twice does nothing the second time.
    """
    moved_up = None
    with transaction.atomic():
        occurrence = _lock(registration.occurrence_id)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            return None
        was_confirmed = current.status == Registration.Status.CONFIRMED
        current.status = Registration.Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        if was_confirmed and occurrence.starts_at > timezone.now() and not occurrence.is_cancelled:
            moved_up = _move_up_first_waiting(occurrence)
    registration.refresh_from_db()
    return moved_up


def _move_up_first_waiting(occurrence: Occurrence) -> Registration | None:
    """Called with the occurrence row locked."""
    capacity = occurrence.event.capacity
    registrations = occurrence.registrations
    if capacity is not None and registrations.filter(status=Registration.Status.CONFIRMED).count() >= capacity:
        return None
    first = registrations.filter(status=Registration.Status.WAITING).order_by("created_at", "id").first()
    if first is None:
        return None
    first.status = Registration.Status.CONFIRMED
    first.save(update_fields=["status"])
    transaction.on_commit(lambda: send_moved_up_email(first.pk))
    return first


# For organisers -----------------------------------------------------------------------------


def manageable_occurrences(user):
    """Occurrences whose participants this person may see: the event's organisers and officials."""
    from partnerstwo.events.models import Event

    return Occurrence.objects.filter(
        event__in=Event.objects.editable_by(user).filter(registration_mode=RegistrationMode.HERE)
    )


def mark_attendance(occurrence: Occurrence, attended_ids: set[int]) -> None:
    """After the event: the confirmed participants ticked came, the others did not."""
    confirmed = occurrence.registrations.filter(status=Registration.Status.CONFIRMED)
    with transaction.atomic():
        confirmed.filter(pk__in=attended_ids).update(attended=True)
        confirmed.exclude(pk__in=attended_ids).update(attended=False)


# Signed cancel links -------------------------------------------------------------------------


def cancel_token(registration: Registration) -> str:
    # The e-mail is signed too: a link stays bound to the person it was sent to.
    return signing.dumps([registration.pk, registration.email], salt=CANCEL_SALT)


def from_cancel_token(token: str) -> Registration | None:
    """The registration a cancel link names, or None for a forged or mangled link."""
    try:
        pk, email = signing.loads(token, salt=CANCEL_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int):
        return None
    return (
        Registration.objects.select_related("occurrence__event").filter(pk=pk, email=email).first()
    )


def result_token(registration: Registration) -> str:
    """For the page shown right after registering (it says whether the place is confirmed)."""
    return signing.dumps(registration.pk, salt=RESULT_SALT)


def from_result_token(token: str) -> Registration | None:
    try:
        pk = signing.loads(token, salt=RESULT_SALT, max_age=RESULT_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int):
        return None
    return Registration.objects.select_related("occurrence__event").filter(pk=pk).first()


def cancel_url(registration: Registration) -> str:
    return absolute_url(reverse("registrations:cancel", args=[cancel_token(registration)]))


# The .ics attachment -------------------------------------------------------------------------


def registration_ics(occurrence: Occurrence) -> bytes:
    """The event as the person registered for it: for a repeating event only that date.

    A single event keeps the feed's UID, so it merges with a subscribed calendar; one date of a
    repeating event is a VEVENT of its own (no RRULE), with a UID derived from the event's.
    """
    from partnerstwo.events import ical

    event = occurrence.event
    if not event.is_repeating:
        return ical.to_bytes(ical.calendar_for([event]))
    calendar = ical.calendar_for([])
    vevent = ical.event_to_vevent(event)
    for name in ("rrule", "exdate", "dtstart", "dtend", "uid", "status"):
        vevent.pop(name, None)
    stamp = occurrence.starts_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    vevent.add("uid", f"{event.uid}-{stamp}@{ical.UID_DOMAIN}")
    if event.all_day:
        start = timezone.localtime(occurrence.starts_at).date()
        end = max(timezone.localtime(occurrence.ends_at).date(), start) + timedelta(days=1)
    else:
        start, end = timezone.localtime(occurrence.starts_at), timezone.localtime(occurrence.ends_at)
    vevent.add("dtstart", start)
    vevent.add("dtend", end)
    vevent.add("status", "CANCELLED" if (event.is_cancelled or occurrence.is_cancelled) else "CONFIRMED")
    calendar.add_component(vevent)
    return ical.to_bytes(calendar)


# E-mails -------------------------------------------------------------------------------------


def _context(registration: Registration) -> dict:
    occurrence = registration.occurrence
    return {
        "registration": registration,
        "occurrence": occurrence,
        "event": occurrence.event,
        "event_url": absolute_url(occurrence.event.get_absolute_url()),
        "cancel_url": cancel_url(registration),
    }


def _load(pk: int) -> Registration | None:
    return Registration.objects.select_related("occurrence__event").filter(pk=pk).first()


def send_registration_email(pk: int) -> None:
    """Confirmation (with the .ics) or the waiting-list notice, whichever the registration is."""
    registration = _load(pk)
    if registration is None or registration.status == Registration.Status.CANCELLED:
        return
    if registration.status == Registration.Status.CONFIRMED:
        message = build_email("event_registration_confirmed", [registration.email], _context(registration))
        message.attach(ICS_NAME, registration_ics(registration.occurrence), "text/calendar; method=PUBLISH")
    else:
        message = build_email("event_registration_waiting", [registration.email], _context(registration))
    message.send()


def send_moved_up_email(pk: int) -> None:
    registration = _load(pk)
    if registration is None or registration.status != Registration.Status.CONFIRMED:
        return
    message = build_email("event_registration_moved_up", [registration.email], _context(registration))
    message.attach(ICS_NAME, registration_ics(registration.occurrence), "text/calendar; method=PUBLISH")
    message.send()


# Reminders -----------------------------------------------------------------------------------


def due_reminders(now: datetime | None = None):
    """Confirmed places on occurrences that start within a day and were not reminded yet."""
    now = now or timezone.now()
    return Registration.objects.filter(
        status=Registration.Status.CONFIRMED, reminder_sent_at__isnull=True,
        occurrence__starts_at__gt=now, occurrence__starts_at__lte=now + REMINDER_AHEAD,
        occurrence__is_cancelled=False, occurrence__event__status=EventStatus.PUBLISHED,
    )


def send_reminders(now: datetime | None = None) -> int:
    """Send each due reminder once. A row is claimed (reminder_sent_at set) before its e-mail goes
    out, so two runs at the same moment never both send it; a failed send is released for the
    next run."""
    now = now or timezone.now()
    sent = 0
    for pk in list(due_reminders(now).values_list("pk", flat=True)):
        if not Registration.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now):
            continue
        registration = _load(pk)
        try:
            build_email("event_registration_reminder", [registration.email], _context(registration)).send()
        except Exception:
            Registration.objects.filter(pk=pk).update(reminder_sent_at=None)
            raise
        sent += 1
    return sent

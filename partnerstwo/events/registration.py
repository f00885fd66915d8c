"""Registration for an occurrence of an event: places, the waiting list, cancelling and reminders.

Every change to who holds a place runs in a transaction that first locks the occurrence row
(select_for_update), so two people can never take the last place at once and a cancellation
moves exactly one waiting person up. E-mails are queued for the worker after the transaction commits.

Someone registering without an account (or with an unconfirmed one) gets an UNCONFIRMED row: the
place, if there was one, is held for EVENT_REGISTRATION_HOLD_MINUTES while they click the link in
the e-mail. Places count confirmed rows and holds still running, so an expired hold frees its place
at once; the first locked operation on the occurrence after that (or the scheduled
release_registration_holds) deletes the row and moves the waiting list up. The confirmation e-mail
is the only message an unconfirmed address ever gets.
"""

from datetime import UTC, datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from partnerstwo.events.models import EventStatus, Occurrence, Registration, RegistrationMode
from partnerstwo.lib.emails import absolute_url, build_email, email_task
from partnerstwo.lib.signing import make_token, read_bound_token, read_token

CANCEL_SALT = "partnerstwo.events.registration.cancel"
CONFIRM_SALT = "partnerstwo.events.registration.confirm"
RESULT_SALT = "partnerstwo.events.registration.result"
RESULT_MAX_AGE = timedelta(hours=1)
REMINDER_AHEAD = timedelta(days=1)
ICS_NAME = "wydarzenie.ics"


class RegistrationError(Exception):
    """A registration that cannot be accepted; the message is shown to the person."""


class AlreadyRegistered(RegistrationError):
    """The address already has a registration for this date: the page must not say so (only the
    address's owner is told, by e-mail); `existing` is that registration."""

    def __init__(self, message, existing=None):
        super().__init__(message)
        self.existing = existing


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
    now = timezone.now()
    return occurrences.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
        waiting_count=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITING)),
        held_count=Count("registrations", filter=Q(
            registrations__status=Registration.Status.UNCONFIRMED, registrations__holds_place=True,
            registrations__hold_expires_at__gt=now,
        )),
    )


def taken(occurrence: Occurrence, now: datetime | None = None) -> int:
    """Confirmed places plus places held for addresses not yet confirmed."""
    return occurrence.registrations.holding_places(now).count()


def places_left(occurrence: Occurrence) -> int | None:
    """None: no limit."""
    capacity = occurrence.event.capacity
    if capacity is None:
        return None
    return max(capacity - taken(occurrence), 0)


def hold_duration() -> timedelta:
    return timedelta(minutes=settings.EVENT_REGISTRATION_HOLD_MINUTES)


# Registering and cancelling ------------------------------------------------------------------


def normalize_email(email: str) -> str:
    return email.strip().lower()


def _lock(occurrence_pk: int) -> Occurrence:
    # of=("self",): lock the occurrence row only, not the event joined to it (PostgreSQL).
    return Occurrence.objects.select_for_update(of=("self",)).select_related("event").get(pk=occurrence_pk)


def register(*, occurrence: Occurrence, name: str, email: str, organization=None, needs: str = "", user=None,
             confirmed: bool = True) -> Registration:
    """A confirmed place while there is one, otherwise a place on the waiting list.

    `confirmed=False` (the address is not known to be the person's): an UNCONFIRMED registration that
    holds a free place, if there is one, until its address is confirmed (confirm_address). Raises
    RegistrationError when registration is closed and AlreadyRegistered when the address already has
    a registration for this date.
    """
    email = normalize_email(email)
    now = timezone.now()
    with transaction.atomic():
        locked = _lock(occurrence.pk)
        if not is_open(locked):
            raise RegistrationError(CLOSED)
        _release_expired(locked, now)
        existing = locked.registrations.active().filter(email=email).first()
        if existing is not None:
            raise AlreadyRegistered(ALREADY_REGISTERED, existing)
        capacity = locked.event.capacity
        full = capacity is not None and taken(locked, now) >= capacity
        if confirmed:
            status = Registration.Status.WAITING if full else Registration.Status.CONFIRMED
        else:
            status = Registration.Status.UNCONFIRMED
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    occurrence=locked, name=name.strip(), email=email, organization=organization,
                    needs=needs.strip(), consent_at=now, status=status, user=user, created_at=now,
                    holds_place=not confirmed and not full,
                    hold_expires_at=None if confirmed else now + hold_duration(),
                )
        except IntegrityError:  # the partial unique index: the same address in a race with itself
            raise AlreadyRegistered(ALREADY_REGISTERED) from None
        transaction.on_commit(partial(send_registration_email.enqueue, registration.pk))
    return registration


def confirm_address(registration: Registration) -> Registration | None:
    """The link in the e-mail was followed: the registration takes effect. A held place becomes the
    person's; without one they get a free place if there is one, otherwise the end of the waiting list.
    Returns None when the hold ran out (the registration is released) or the date is closed; confirming
    twice changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        occurrence = _lock(registration.occurrence_id)
        current = Registration.objects.filter(pk=registration.pk).first()
        if current is None:
            return None
        if current.status != Registration.Status.UNCONFIRMED:
            return current
        if current.hold_expires_at <= now or not is_open(occurrence, now):
            _release_expired(occurrence, now)
            if current.hold_expires_at > now:  # closed, not expired: nothing to hold any more
                current.delete()
            return None
        capacity = occurrence.event.capacity
        others = occurrence.registrations.holding_places(now).exclude(pk=current.pk).count()
        has_place = current.holds_place or capacity is None or others < capacity
        current.status = Registration.Status.CONFIRMED if has_place else Registration.Status.WAITING
        current.holds_place = False
        current.hold_expires_at = None
        current.created_at = now
        current.save(update_fields=["status", "holds_place", "hold_expires_at", "created_at"])
        transaction.on_commit(partial(send_registration_email.enqueue, current.pk))
    return current


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
        freed = current.status == Registration.Status.CONFIRMED or (
            current.status == Registration.Status.UNCONFIRMED and current.holds_place
        )
        current.status = Registration.Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.holds_place = False
        current.hold_expires_at = None
        current.save(update_fields=["status", "cancelled_at", "holds_place", "hold_expires_at"])
        if freed and occurrence.starts_at > timezone.now() and not occurrence.is_cancelled:
            moved_up = _move_up_first_waiting(occurrence)
    registration.refresh_from_db()
    return moved_up


def _release_expired(occurrence: Occurrence, now: datetime) -> int:
    """Called with the occurrence row locked: deletes the registrations whose address was not confirmed
    in time (nothing of them is kept) and gives the places they held to the waiting list."""
    released, _ = occurrence.registrations.expired_holds(now).delete()
    if released and occurrence.starts_at > now and not occurrence.is_cancelled:
        while _move_up_first_waiting(occurrence, now) is not None:
            pass
    return released


def release_expired_holds(now: datetime | None = None) -> int:
    """The scheduled job: releases every hold that ran out; safe to run at any time, any number of times."""
    now = now or timezone.now()
    released = 0
    pending = (
        Registration.objects.expired_holds(now).values_list("occurrence_id", flat=True).distinct().order_by()
    )
    for occurrence_id in list(pending):
        with transaction.atomic():
            released += _release_expired(_lock(occurrence_id), now)
    return released


def _move_up_first_waiting(occurrence: Occurrence, now: datetime | None = None) -> Registration | None:
    """Called with the occurrence row locked."""
    capacity = occurrence.event.capacity
    registrations = occurrence.registrations
    if capacity is not None and registrations.holding_places(now).count() >= capacity:
        return None
    first = registrations.filter(status=Registration.Status.WAITING).order_by("created_at", "id").first()
    if first is None:
        return None
    first.status = Registration.Status.CONFIRMED
    first.save(update_fields=["status"])
    transaction.on_commit(partial(send_moved_up_email.enqueue, first.pk))
    return first


def of_account(user, *, verified: bool, now: datetime | None = None) -> tuple[list, list]:
    """(coming, past): a signed-in person's registrations, soonest and latest first. Those made with the
    account's address while signed out count only when that address is confirmed: anyone may type an address
    at sign-up, and the list shows what its owner did."""
    now = now or timezone.now()
    mine = Registration.objects.of_person(user) if verified else Registration.objects.filter(user=user)
    mine = mine.with_waiting_place().select_related("occurrence__event").exclude(
        occurrence__event__status=EventStatus.DRAFT)
    coming = mine.filter(occurrence__ends_at__gte=now).order_by("occurrence__starts_at", "pk")
    past = mine.filter(occurrence__ends_at__lt=now).order_by("-occurrence__starts_at", "-pk")
    return list(coming), list(past)


# For organisers -----------------------------------------------------------------------------


def manageable_occurrences(user):
    """Occurrences whose participants this person may see: Event.objects.participants_visible_to."""
    from partnerstwo.events.models import Event

    return Occurrence.objects.filter(
        event__in=Event.objects.participants_visible_to(user).filter(registration_mode=RegistrationMode.HERE)
    )


def sees_needs(user, occurrence: Occurrence) -> bool:
    from partnerstwo.events.models import Event

    return Event.objects.needs_visible_to(user).filter(pk=occurrence.event_id).exists()


def mark_attendance(occurrence: Occurrence, attended_ids: set[int]) -> None:
    """After the event: the confirmed participants ticked came, the others did not."""
    confirmed = occurrence.registrations.filter(status=Registration.Status.CONFIRMED)
    with transaction.atomic():
        confirmed.filter(pk__in=attended_ids).update(attended=True)
        confirmed.exclude(pk__in=attended_ids).update(attended=False)


# Signed cancel links -------------------------------------------------------------------------


def cancel_token(registration: Registration) -> str:
    # The e-mail is signed too: a link stays bound to the person it was sent to.
    return make_token(registration.pk, salt=CANCEL_SALT, bound_to=registration.email)


def from_cancel_token(token: str) -> Registration | None:
    """The registration a cancel link names, or None for a forged or mangled link."""
    return _bound_registration(read_bound_token(token, salt=CANCEL_SALT))


def confirm_token(registration: Registration) -> str:
    return make_token(registration.pk, salt=CONFIRM_SALT, bound_to=registration.email)


def from_confirm_token(token: str) -> Registration | None:
    """The registration a confirmation link names; None for a forged link or a released registration."""
    return _bound_registration(read_bound_token(token, salt=CONFIRM_SALT))


def _bound_registration(signed: tuple[int, str] | None) -> Registration | None:
    if signed is None:
        return None
    pk, email = signed
    return Registration.objects.select_related("occurrence__event").filter(pk=pk, email=email).first()


def confirm_url(registration: Registration) -> str:
    return absolute_url(reverse("registrations:confirm", args=[confirm_token(registration)]))


def result_token(registration: Registration) -> str:
    """For the page shown right after registering (it says whether the place is confirmed)."""
    return make_token(registration.pk, salt=RESULT_SALT)


def from_result_token(token: str) -> Registration | None:
    pk = read_token(token, salt=RESULT_SALT, max_age=RESULT_MAX_AGE)
    if pk is None:
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
    return Registration.objects.select_related("occurrence__event", "user").filter(pk=pk).first()


def _email(key: str, registration: Registration, *, confirming: bool = False) -> EmailMessage:
    """In the language of the person's account (its links too); without an account, the site's language."""
    language = registration.user.preferred_language if registration.user else settings.LANGUAGE_CODE
    with translation.override(language):
        context = _context(registration)
        if confirming:
            del context["cancel_url"]  # nothing to cancel before the address is confirmed
            context.update(confirm_url=confirm_url(registration), hold_expires_at=registration.hold_expires_at)
    return build_email(key, [registration.email], context, language=language)


def _registration_message(registration: Registration) -> EmailMessage:
    if registration.status == Registration.Status.UNCONFIRMED:
        return _email("event_registration_confirm_address", registration, confirming=True)
    if registration.status == Registration.Status.CONFIRMED:
        message = _email("event_registration_confirmed", registration)
        message.attach(ICS_NAME, registration_ics(registration.occurrence), "text/calendar; method=PUBLISH")
        return message
    return _email("event_registration_waiting", registration)


@email_task
def send_registration_email(registration_id: int) -> EmailMessage | None:
    """The request to confirm the address, the confirmation (with the .ics) or the waiting-list notice,
    whichever the registration is when the worker sends it."""
    registration = _load(registration_id)
    if registration is None or registration.status == Registration.Status.CANCELLED:
        return None
    return _registration_message(registration)


def tell_already_registered(existing: Registration) -> None:
    """Someone registered this address again; the page said only "check your mailbox"."""
    transaction.on_commit(partial(send_already_registered_email.enqueue, existing.pk))


@email_task
def send_already_registered_email(registration_id: int) -> EmailMessage | None:
    """The address's owner hears of the second registration. An unconfirmed address gets its
    confirmation request again instead (the only mail it ever gets)."""
    registration = _load(registration_id)
    if registration is None or registration.status == Registration.Status.CANCELLED:
        return None
    if registration.status == Registration.Status.UNCONFIRMED:
        return _registration_message(registration)
    return _email("event_registration_again", registration)


@email_task
def send_moved_up_email(registration_id: int) -> EmailMessage | None:
    registration = _load(registration_id)
    if registration is None or registration.status != Registration.Status.CONFIRMED:
        return None
    message = _email("event_registration_moved_up", registration)
    message.attach(ICS_NAME, registration_ics(registration.occurrence), "text/calendar; method=PUBLISH")
    return message


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
    """Queue each due reminder once. A row is claimed (reminder_sent_at set) before its e-mail is
    queued, so two runs at the same moment never both queue it; the task retries a failed send."""
    now = now or timezone.now()
    queued = 0
    for pk in list(due_reminders(now).values_list("pk", flat=True)):
        if Registration.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now):
            transaction.on_commit(partial(send_reminder_email.enqueue, pk))
            queued += 1
    return queued


@email_task
def send_reminder_email(registration_id: int) -> EmailMessage | None:
    registration = _load(registration_id)
    if registration is None or registration.status != Registration.Status.CONFIRMED:
        return None
    if registration.occurrence.is_cancelled or registration.occurrence.event.status != EventStatus.PUBLISHED:
        return None
    return _email("event_registration_reminder", registration)

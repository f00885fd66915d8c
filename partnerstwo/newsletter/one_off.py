"""One-off mailings written by staff: edit, preview, a test to oneself, send now, schedule, cancel, start the due ones.

Sending is a change of status checked under a row lock (select_for_update; SQLite's IMMEDIATE transactions
serialise writers too), so a double-clicked "send" or the scheduler running beside a person enqueues once.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import construct_instance
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnerstwo.newsletter import content, delivery
from partnerstwo.newsletter.audience import audience_size, recipients_for, sync_organizations
from partnerstwo.newsletter.models import Delivery, Mailing, Recipient

# A mailing not yet handed to the workers: it may still be changed, sent or scheduled.
EDITABLE = (Mailing.Status.DRAFT, Mailing.Status.SCHEDULED, Mailing.Status.CANCELLED)


def is_editable(mailing: Mailing) -> bool:
    return mailing.kind == Mailing.Kind.ONE_OFF and mailing.status in EDITABLE


def sample_delivery(mailing: Mailing, user) -> Delivery:
    """An unsaved delivery of the mailing to this staff member: what the preview and the test show."""
    email = user.email.lower()
    language = getattr(user, "preferred_language", "") or "pl"
    # Their own subscription if they have one (its links then work); otherwise a stand-in never saved.
    recipient = Recipient.objects.filter(kind=Recipient.Kind.SUBSCRIBER, email=email).first() or Recipient(
        kind=Recipient.Kind.SUBSCRIBER, email=email, language=language
    )
    return Delivery(mailing=mailing, recipient=recipient, email=email, language=recipient.language or language)


def preview(mailing: Mailing, user) -> dict:
    """The message as the recipient would get it: subject, plain text and HTML."""
    message = content.build_message(sample_delivery(mailing, user))
    html = next((body for body, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), "")
    return {"subject": message.subject, "text": message.body, "html": html, "headers": message.extra_headers}


def send_test(mailing: Mailing, user) -> None:
    """The message to the staff member's own address, marked as a test in the subject; no delivery row."""
    message = content.build_message(sample_delivery(mailing, user))
    message.subject = gettext("[TEST] %(subject)s") % {"subject": message.subject}
    message.to = [user.email]
    message.cc = message.bcc = []
    message.send()


def _locked(mailing_pk: int) -> Mailing:
    return Mailing.objects.select_for_update().get(pk=mailing_pk)


def _hand_over(mailing: Mailing) -> int:
    created = delivery.enqueue(mailing, recipients_for(mailing))
    delivery.start(mailing)
    return created


def save_if_editable(form) -> bool:
    """Save the form's fields to its mailing under the mailing's row lock, if it may still be changed: a
    send or the scheduler that started it since the page was loaded wins (no "scheduled" written back over
    "sending", no body changed mid-send). Returns False, saving nothing, when it may not."""
    with transaction.atomic():
        locked = _locked(form.instance.pk)
        if not is_editable(locked):
            return False
        construct_instance(form, locked, fields=form._meta.fields)
        locked.save(update_fields=[*form._meta.fields, "updated_at"])
    form.instance = locked
    return True


def needs_confirmation(mailing: Mailing, reachable: int) -> bool:
    """A mailing to every organisation, or to more addresses than MAILING_CONFIRM_ABOVE, goes only after the
    sender has seen the number of addresses and confirmed it."""
    return mailing.segment == Mailing.Segment.ALL_ORGANIZATIONS or reachable > settings.MAILING_CONFIRM_ABOVE


def send_now(mailing: Mailing, *, confirmed_count: int | None = None) -> int:
    """Enqueue one delivery per address of the segment and start sending; returns how many were enqueued.

    Raises ValidationError when the mailing was already sent (a second click) or nobody would receive it, and
    (code "confirm") when it needs a confirmation (needs_confirmation) and confirmed_count is not the number
    of addresses it would reach now: a count confirmed before the list grew is asked again.
    """
    sync_organizations()
    with transaction.atomic():
        locked = _locked(mailing.pk)
        if not is_editable(locked):
            raise ValidationError(_("Ta wysyłka została już rozpoczęta; nie wysłano jej drugi raz."), code="sent")
        if not recipients_for(locked).exists():
            raise ValidationError(_("Nikt nie należy do wybranej grupy odbiorców; nie ma do kogo wysłać."),
                                  code="empty")
        reachable = audience_size(locked, sync=False)["reachable"]
        if needs_confirmation(locked, reachable) and confirmed_count != reachable:
            raise ValidationError(_("Potwierdź liczbę odbiorców: wiadomość trafi do %(count)s adresów."),
                                  code="confirm", params={"count": reachable})
        created = _hand_over(locked)
    mailing.refresh_from_db()
    return created


def schedule(mailing: Mailing, when) -> None:
    if when <= timezone.now():
        raise ValidationError(_("Podaj chwilę w przyszłości."), code="past")
    with transaction.atomic():
        locked = _locked(mailing.pk)
        if not is_editable(locked):
            raise ValidationError(_("Tej wysyłki nie można już zaplanować: została rozpoczęta."), code="sent")
        locked.status = Mailing.Status.SCHEDULED
        locked.scheduled_for = when
        locked.save(update_fields=["status", "scheduled_for", "updated_at"])
    mailing.refresh_from_db()


def cancel(mailing: Mailing) -> None:
    """A scheduled mailing is not sent after all (it may be changed and sent or scheduled again)."""
    with transaction.atomic():
        locked = _locked(mailing.pk)
        if locked.status != Mailing.Status.SCHEDULED:
            raise ValidationError(_("Można anulować tylko zaplanowaną wysyłkę."), code="not_scheduled")
        locked.status = Mailing.Status.CANCELLED
        locked.save(update_fields=["status", "updated_at"])
    mailing.refresh_from_db()


def due(now=None):
    return Mailing.objects.filter(
        kind=Mailing.Kind.ONE_OFF, status=Mailing.Status.SCHEDULED, scheduled_for__lte=now or timezone.now()
    )


def start_due(now=None) -> list[Mailing]:
    """Start every scheduled mailing whose time has come; running it twice starts nothing twice."""
    started = []
    pks = list(due(now).values_list("pk", flat=True))
    if pks:
        sync_organizations()
    for pk in pks:
        with transaction.atomic():
            mailing = _locked(pk)
            if mailing.status != Mailing.Status.SCHEDULED:
                continue  # started by a person or another scheduler in the meantime
            _hand_over(mailing)
        started.append(mailing)
    return started

"""The worker: claims a mailing's deliveries in batches and hands each message to the mail server.

Layering (test_layering.py holds the order): models ← content (single messages) ← worker ← tasks ←
delivery (the queue other modules call) ← digest, alerts, one_off (compose mailings). The worker knows
nothing of the queue's interface: tasks.send_mailing runs run_worker, and delivery starts the tasks.

run_worker follows the state machine in Delivery's docstring; docs/decisions/0006-mailing-delivery.md
explains why. Every change of a delivery's status is a conditional UPDATE ("… WHERE status = X AND
worker = me"): a worker whose lease was taken back finds that it updated no row, and never sends that message.
"""

import contextlib
import logging
import os
import re
import smtplib
import socket
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .content import build_message, message_bytes
from .models import Delivery, Mailing, SuppressedAddress

logger = logging.getLogger(__name__)

# Settings with their defaults (settings.py may override each; see docs/decisions/0006).
DEFAULTS = {
    "MAILING_BATCH_SIZE": 100,  # deliveries one worker claims at once
    "MAILING_RATE_PER_SECOND": 0,  # messages per second for all workers of a mailing together; 0 = no limit
    "MAILING_PARALLEL_TASKS": 2,  # worker tasks enqueued when a mailing starts
    "MAILING_MAX_ATTEMPTS": 5,  # after this many temporary errors a delivery fails
    "MAILING_RETRY_BASE_SECONDS": 60,  # first retry after this, then doubling
    "MAILING_LEASE_SECONDS": 120,  # a claimed batch or a message being sent belongs to its worker this long
}
ACTIVE_STATUSES = (
    Delivery.Status.QUEUED, Delivery.Status.CLAIMED, Delivery.Status.SENDING, Delivery.Status.RETRYING,
)


def config(name: str):
    return getattr(settings, name, DEFAULTS[name])


def suppress(email: str, reason: str, delivery=None) -> None:
    SuppressedAddress.objects.get_or_create(
        email=email.strip().lower(), defaults={"reason": reason[:2000], "delivery": delivery}
    )


def new_worker_id() -> str:
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def claimable(now) -> Q:
    return Q(status=Delivery.Status.QUEUED) | Q(status=Delivery.Status.RETRYING, next_attempt_at__lte=now)


def recover_expired(mailing_id=None) -> tuple[int, int]:
    """Leases that ran out: their worker died (or hung). A claimed row was never handed to SMTP and goes
    back to the queue; a row being sent may have reached the server, so it becomes uncertain."""
    now = timezone.now()
    expired = Delivery.objects.filter(lease_until__lt=now)
    if mailing_id is not None:
        expired = expired.filter(mailing_id=mailing_id)
    requeued = expired.filter(status=Delivery.Status.CLAIMED).update(
        status=Delivery.Status.QUEUED, worker="", lease_until=None, updated_at=now
    )
    uncertain = expired.filter(status=Delivery.Status.SENDING).update(
        status=Delivery.Status.UNCERTAIN,
        lease_until=None,
        updated_at=now,
        last_error=_(
            "Proces wysyłający przerwał pracę po przekazaniu wiadomości serwerowi pocztowemu, a przed zapisaniem "
            "wyniku: nie wiadomo, czy wiadomość dotarła."
        ),
    )
    return requeued, uncertain


def finish_if_complete(mailing_id) -> bool:
    """A mailing with no delivery left to send is done (uncertain ones wait for staff, who may requeue them).

    One conditional UPDATE, not a look and then a write: a resend in between cannot be overwritten.
    The row lock first: on PostgreSQL a statement that waited for requeue_uncertain's lock would still
    see the deliveries as they were when it began; a statement after the lock sees them requeued.
    """
    now = timezone.now()
    active = Delivery.objects.filter(mailing_id=OuterRef("pk"), status__in=ACTIVE_STATUSES)
    with transaction.atomic():
        if not Mailing.objects.select_for_update().filter(pk=mailing_id, status=Mailing.Status.SENDING).exists():
            return False
        return bool(
            Mailing.objects.filter(pk=mailing_id, status=Mailing.Status.SENDING)
            .filter(~Exists(active))
            .update(status=Mailing.Status.DONE, finished_at=now, updated_at=now)
        )


def reserve_batch_slot(mailing_id, worker_seen_at) -> float:
    """The rate for all workers together: a worker may claim a batch only when it moves next_batch_at on,
    atomically; returns 0 when it may, else the seconds to wait. Also the worker's heartbeat."""
    rate = config("MAILING_RATE_PER_SECOND")
    mailings = Mailing.objects.filter(pk=mailing_id)
    if not rate:
        mailings.update(workers_seen_at=worker_seen_at)
        return 0.0
    interval = timedelta(seconds=config("MAILING_BATCH_SIZE") / rate)
    now = timezone.now()
    if mailings.filter(Q(next_batch_at__isnull=True) | Q(next_batch_at__lte=now)).update(
        next_batch_at=now + interval, workers_seen_at=worker_seen_at
    ):
        return 0.0
    mailings.update(workers_seen_at=worker_seen_at)
    next_batch_at = mailings.values_list("next_batch_at", flat=True).first()
    return max(0.01, (next_batch_at - now).total_seconds()) if next_batch_at else 0.01


def claim_batch(mailing_id, worker_id: str) -> list[Delivery]:
    """Take up to MAILING_BATCH_SIZE claimable deliveries for this worker; no two workers get one row.

    PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED lets workers take different rows at once. SQLite
    ignores it, but its IMMEDIATE transactions let one writer in at a time. On both the UPDATE repeats
    the condition, and the rows are read back by worker id: only what this worker owns is sent.
    """
    now = timezone.now()
    lease_until = now + timedelta(seconds=config("MAILING_LEASE_SECONDS"))
    size = config("MAILING_BATCH_SIZE")
    rows = Delivery.objects.filter(mailing_id=mailing_id).order_by("next_attempt_at", "pk")
    with transaction.atomic():
        # Two queries rather than one with OR: each is a range of the delivery_claimable index.
        ids = list(
            rows.filter(status=Delivery.Status.QUEUED)
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:size]
        )
        if len(ids) < size:
            ids += list(
                rows.filter(status=Delivery.Status.RETRYING, next_attempt_at__lte=now)
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)[: size - len(ids)]
            )
        if not ids:
            return []
        Delivery.objects.filter(claimable(now), pk__in=ids).update(
            status=Delivery.Status.CLAIMED, worker=worker_id, lease_until=lease_until, updated_at=now
        )
    return list(
        Delivery.objects.filter(pk__in=ids, status=Delivery.Status.CLAIMED, worker=worker_id)
        .select_related("recipient")
        .order_by("pk")
    )


def run_worker(mailing_id, worker_id: str | None = None, *, sleep=time.sleep) -> dict:
    """Claim and send batches of one mailing until none is left; returns what this worker did."""
    worker_id = worker_id or new_worker_id()
    done = {"sent": 0, "batches": 0}
    mailing = Mailing.objects.filter(pk=mailing_id).first()
    heartbeat = None
    # One SMTP connection from batch to batch (closed before any wait, so that no idle connection times out).
    sender = Sender()
    try:
        while mailing is not None and mailing.status == Mailing.Status.SENDING:
            recover_expired(mailing_id)
            heartbeat = timezone.now()
            wait = reserve_batch_slot(mailing_id, heartbeat)
            if wait:
                sender.close()
                sleep(min(wait, config("MAILING_LEASE_SECONDS") / 2))
                continue
            batch = claim_batch(mailing_id, worker_id)
            if not batch:
                break
            done["batches"] += 1
            done["sent"] += send_batch(mailing, batch, worker_id, sender=sender)
            mailing.refresh_from_db(fields=["status"])  # staff may have cancelled it meanwhile
    finally:
        sender.close()
    if mailing is not None:
        finish_if_complete(mailing_id)
        if heartbeat is not None:
            # No heartbeat of this worker lingers: recovery may start another at once (due retries).
            Mailing.objects.filter(pk=mailing_id, workers_seen_at=heartbeat).update(workers_seen_at=None)
    return done


# ---------------------------------------------------------------- sending one batch


class TemporaryFailure(Exception):
    """The server or the network said "not now": safe to try again (the message was not accepted)."""


class ServerUnavailable(TemporaryFailure):
    """No connection to the mail server, or it says "not now" to our login or sender: the rest of the batch
    waits too (each row counts an attempt, so a server that never comes back ends in failed deliveries)."""


class PermanentFailure(Exception):
    """The server refused the message for good (5xx): the delivery fails; the address stays."""


class MailboxRefused(PermanentFailure):
    """The server says the address does not exist (at RCPT TO): the address is suppressed for good."""


class SenderRefused(PermanentFailure):
    """The server refuses our login or our sender for good (5xx to AUTH / MAIL FROM): our configuration,
    not the recipients'. The claimed deliveries fail with the reason, for staff to see; nobody is suppressed."""


class UncertainOutcome(Exception):
    """The connection broke after the message was transmitted: the server may have taken it."""


def smtp_reply(code, reply) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return f"{code} {text}".strip()


MAILBOX_CODES = (550, 551, 553)
ENHANCED_STATUS = re.compile(r"^\s*([245])\.(\d{1,3})\.(\d{1,3})\b")


def is_mailbox_error(code: int, reply) -> bool:
    """A refusal at RCPT TO that means "no such mailbox / bad address" (RFC 5321 550/551/553, RFC 3463
    5.1.x). An enhanced status code, when the server gives one, is the more precise: "550 5.7.1" is a
    policy refusal (relay denied, a block list), not a missing mailbox."""
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    enhanced = ENHANCED_STATUS.match(text)
    if enhanced:
        return enhanced.group(1) == "5" and enhanced.group(2) == "1"
    return code in MAILBOX_CODES


def refusal(code, reply, *, at_rcpt=False) -> Exception:
    if not 500 <= code < 600:
        return TemporaryFailure(smtp_reply(code, reply))
    if at_rcpt and is_mailbox_error(code, reply):
        return MailboxRefused(smtp_reply(code, reply))
    return PermanentFailure(smtp_reply(code, reply))


def sender_refusal(code, reply) -> Exception:
    """What an answer to our login or MAIL FROM means: 5xx is for good (our configuration), anything else
    is the server being unavailable for now."""
    if 500 <= code < 600:
        return SenderRefused(_("Serwer pocztowy odrzucił nadawcę lub logowanie (sprawdź konfigurację poczty): %s")
                             % smtp_reply(code, reply))
    return ServerUnavailable(smtp_reply(code, reply))


def wire_format(content: bytes) -> bytes:
    """The message text as DATA sends it: CRLF line ends, leading dots doubled, the final "." line."""
    data = re.sub(rb"(?:\r\n|\n|\r(?!\n))", b"\r\n", content)
    data = re.sub(rb"(?m)^\.", b"..", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


def transmit(smtp: smtplib.SMTP, sender: str, recipient: str, data: bytes, *, claim=None, idle=None) -> bool:
    """MAIL, RCPT, DATA by hand (smtplib's sendmail does the same), so that we know the phase of a
    failure: before the message text went out a failure is safe to retry; after it, uncertain.

    data is wire_format()'s. claim(), if given, runs once MAIL FROM is on its way, while the server reads it:
    it commits the delivery as being sent and says whether it is still ours; it runs even when the
    connection fails (the failure is then the delivery's), and the text goes out only after it. When
    it says no, nothing is sent (the server is told RSET) and transmit returns False. idle(), if
    given, runs while the server reads the text (the worker prepares the next message meanwhile).
    """
    try:
        mail_sent = False
        try:
            smtp.ehlo_or_helo_if_needed()
            smtp.putcmd("mail", f"FROM:{smtplib.quoteaddr(sender)}")  # what smtp.mail() sends, reply read below
            mail_sent = True
        finally:
            owned = claim() if claim is not None else True
        if not owned:
            if mail_sent:
                smtp.getreply()
                smtp.rset()
            return False
        code, reply = smtp.getreply()
        if code != 250:  # about the sender or the server, not this recipient: never suppress for it
            raise sender_refusal(code, reply)
        code, reply = smtp.rcpt(recipient)
        if code not in (250, 251):
            raise refusal(code, reply, at_rcpt=True)
        smtp.putcmd("data")
        code, reply = smtp.getreply()
        if code != 354:
            raise refusal(code, reply)
    except (TemporaryFailure, PermanentFailure):
        try:
            smtp.rset()
        except (smtplib.SMTPException, OSError):
            smtp.close()
        raise
    except (smtplib.SMTPException, OSError) as error:
        raise TemporaryFailure(str(error) or error.__class__.__name__) from error
    # From here on the text is on the wire: only the final "250" tells that the server took it.
    try:
        smtp.send(data)
    except (smtplib.SMTPException, OSError) as error:
        raise UncertainOutcome(str(error) or error.__class__.__name__) from error
    if idle is not None:
        idle()
    try:
        code, reply = smtp.getreply()
    except (smtplib.SMTPException, OSError) as error:
        raise UncertainOutcome(str(error) or error.__class__.__name__) from error
    if code != 250:
        raise refusal(code, reply)
    return True


class Sender:
    """One SMTP connection for a batch (Django's backend opens it with the project's settings)."""

    def __init__(self):
        self.backend = get_connection()
        self.is_smtp = isinstance(self.backend, SMTPBackend)

    def prepare(self, delivery):
        """What send() takes, built before the delivery is marked as sending (a broken template fails it)."""
        if self.is_smtp:
            sender, recipient, content = message_bytes(delivery)
            return sender, recipient, wire_format(content)
        return build_message(delivery)

    def send(self, prepared, claim, idle=None) -> bool:
        """Hand one message to the server. claim() commits the delivery as being sent and says whether it is
        still ours (else nothing is sent and send returns False); over an open connection it runs while
        the server reads MAIL FROM (transmit). idle() runs while the server reads the text."""
        if not self.is_smtp or self.backend.connection is None:
            if not claim():
                return False
            claim = None
        if not self.is_smtp:  # locmem/console/file backends in development: no phases to tell apart
            self.backend.send_messages([prepared])
            return True
        if self.backend.connection is None:
            try:
                self.backend.open()
            except smtplib.SMTPResponseException as error:  # the greeting, STARTTLS or AUTH refused
                self.reset()
                raise sender_refusal(error.smtp_code, error.smtp_error) from error
            except (smtplib.SMTPException, OSError) as error:
                self.reset()
                raise ServerUnavailable(str(error) or error.__class__.__name__) from error
        sender, recipient, data = prepared
        try:
            return transmit(self.backend.connection, sender, recipient, data, claim=claim, idle=idle)
        except (TemporaryFailure, UncertainOutcome):
            self.reset()
            raise
        except PermanentFailure:
            if getattr(self.backend.connection, "sock", None) is None:  # the server hung up after refusing
                self.reset()
            raise

    def reset(self) -> None:
        # A broken connection may fail to close; it is dropped anyway.
        with contextlib.suppress(smtplib.SMTPException, OSError):
            self.backend.close()
        self.backend.connection = None

    def close(self) -> None:
        if self.is_smtp:
            self.reset()
        else:
            self.backend.close()


def skip_reason(delivery, suppressed: set[str]) -> str:
    recipient = delivery.recipient
    if recipient is None:
        return _("Odbiorca został usunięty.")
    if not recipient.is_active:
        return _("Odbiorca wypisał się po przygotowaniu wysyłki.")
    if delivery.email in suppressed:
        return _("Adres wstrzymany: serwer pocztowy odrzucił go na stałe.")
    return ""


def send_batch(mailing, batch: list[Delivery], worker_id: str, sender: "Sender | None" = None) -> int:
    """Send the claimed deliveries one by one; returns how many the server accepted. The sender (its SMTP
    connection) is run_worker's, kept from batch to batch, or else one for this batch."""
    addresses = [row.email for row in batch]
    suppressed = set(SuppressedAddress.objects.filter(email__in=addresses).values_list("email", flat=True))
    own_sender = sender is None
    sender = sender or Sender()
    sent = 0
    accepted = None  # the previous message, accepted by the server, recorded with the next one's claim
    lease = timedelta(seconds=config("MAILING_LEASE_SECONDS"))
    mine = Delivery.objects.filter(worker=worker_id)
    ready = {}  # the next message, prepared while the server read the previous one's text

    def prepare_next(index):
        def prepare():
            if index < len(batch) and not skip_reason(batch[index], suppressed):
                batch[index].mailing = mailing
                with contextlib.suppress(Exception):  # a broken template is reported when its turn comes
                    ready[batch[index].pk] = sender.prepare(batch[index])
        return prepare

    try:
        for index, delivery in enumerate(batch):
            delivery.mailing = mailing
            reason = skip_reason(delivery, suppressed)
            message = None
            if not reason:
                try:
                    message = ready.pop(delivery.pk) if delivery.pk in ready else sender.prepare(delivery)
                except Exception as error:  # a broken template must not stop the other recipients
                    logger.exception("mailing %s: cannot build the message for delivery %s", mailing.pk, delivery.pk)
                    fail(delivery, worker_id, _("Nie udało się przygotować wiadomości: %s") % error)
                    continue
            now = timezone.now()
            if reason:
                with transaction.atomic():
                    if accepted is not None:
                        record_sent(accepted, worker_id)
                        accepted = None
                    mine.filter(pk=delivery.pk, status=Delivery.Status.CLAIMED).update(
                        status=Delivery.Status.SKIPPED, last_error=reason, lease_until=None, updated_at=now
                    )
                continue
            # Committed BEFORE the message text goes out (send() runs it while the server reads MAIL FROM):
            # a crash from then on leaves "sending" → uncertain. One statement also records the previous
            # message as sent: one commit per message.
            previous, accepted = accepted, None

            def claim(delivery=delivery, previous=previous, now=now):
                return mark_sending(delivery, worker_id, now + lease, previous=previous)

            try:
                if not sender.send(message, claim, idle=prepare_next(index + 1)):
                    continue  # the lease ran out and the row went back to the queue: someone else's now
            except ServerUnavailable as error:
                retry_later(delivery, worker_id, str(error))
                postpone_rest(batch, worker_id, str(error))
                break
            except TemporaryFailure as error:
                retry_later(delivery, worker_id, str(error))
            except SenderRefused as error:
                fail(delivery, worker_id, str(error), status_from=Delivery.Status.SENDING)
                fail_rest(batch, worker_id, str(error))
                break
            except MailboxRefused as error:
                fail(delivery, worker_id, str(error), suppress_address=True)
            except PermanentFailure as error:
                fail(delivery, worker_id, str(error))
            except UncertainOutcome as error:
                mark_uncertain(delivery, worker_id, str(error))
            else:
                accepted = delivery
                sent += 1
        if accepted is not None:
            record_sent(accepted, worker_id)
    finally:
        if own_sender:
            sender.close()
    return sent


# The update every message makes, as plain SQL in one statement: through the ORM, in a transaction,
# it cost as much as the SMTP dialogue with a local server. It moves this message claimed → sending
# and the previous one (if any) sending/uncertain → sent; the same conditions as everywhere else
# (status and worker), and RETURNING tells whether this message is still ours.
ADVANCE_SQL = (
    "UPDATE {table} SET "
    "status = CASE WHEN id = %s THEN %s ELSE %s END, "
    "attempts = CASE WHEN id = %s THEN attempts + 1 ELSE attempts END, "
    "lease_until = CASE WHEN id = %s THEN %s ELSE NULL END, "
    "sent_at = CASE WHEN id = %s THEN sent_at ELSE %s END, "
    "last_error = CASE WHEN id = %s THEN last_error ELSE '' END, "
    "updated_at = %s "
    "WHERE worker = %s AND ((id = %s AND status = %s) OR (id = %s AND status IN (%s, %s))) "
    "RETURNING id"
)
SENT_SQL = (
    "UPDATE {table} SET status = %s, sent_at = %s, lease_until = NULL, last_error = '', updated_at = %s "
    "WHERE id = %s AND worker = %s AND status IN (%s, %s)"
)


def execute(sql: str, params: list, *, returning=False):
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=connection.ops.quote_name(Delivery._meta.db_table)), params)
        return [row[0] for row in cursor.fetchall()] if returning else cursor.rowcount


def timestamp(value):
    return connection.ops.adapt_datetimefield_value(value)


def mark_sending(delivery, worker_id: str, lease_until, previous=None) -> bool:
    """claimed → sending (and the previous message → sent), if this worker still owns the row; False
    when its lease was taken back."""
    now = timestamp(timezone.now())
    pk, previous_pk = delivery.pk, previous.pk if previous is not None else 0
    status = Delivery.Status
    updated = execute(ADVANCE_SQL, [
        pk, status.SENDING.value, status.SENT.value,
        pk,
        pk, timestamp(lease_until),
        pk, now,
        pk,
        now,
        worker_id, pk, status.CLAIMED.value, previous_pk, status.SENDING.value, status.UNCERTAIN.value,
    ], returning=True)
    return pk in updated


def record_sent(delivery, worker_id: str) -> None:
    # UNCERTAIN too: recovery may have given up on a slow row that the server did accept.
    now = timestamp(timezone.now())
    execute(SENT_SQL, [
        Delivery.Status.SENT.value, now, now, delivery.pk, worker_id,
        Delivery.Status.SENDING.value, Delivery.Status.UNCERTAIN.value,
    ])


def retry_later(delivery, worker_id: str, reason: str) -> None:
    attempts = Delivery.objects.filter(pk=delivery.pk).values_list("attempts", flat=True).first() or 1
    if attempts >= config("MAILING_MAX_ATTEMPTS"):
        fail(delivery, worker_id, _("Po %(attempts)d próbach: %(reason)s") % {"attempts": attempts, "reason": reason},
             status_from=Delivery.Status.SENDING)
        return
    now = timezone.now()
    delay = config("MAILING_RETRY_BASE_SECONDS") * 2 ** (attempts - 1)
    Delivery.objects.filter(pk=delivery.pk, worker=worker_id, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.RETRYING, next_attempt_at=now + timedelta(seconds=delay), last_error=reason,
        lease_until=None, worker="", updated_at=now,
    )


def postpone_rest(batch, worker_id: str, reason: str) -> None:
    """The server cannot be reached for now: the batch's other rows wait too, and each counts an attempt
    (the server's unavailability is theirs too), so after MAILING_MAX_ATTEMPTS they fail with the reason
    instead of waiting for days."""
    now = timezone.now()
    rest = Delivery.objects.filter(pk__in=[d.pk for d in batch], worker=worker_id, status=Delivery.Status.CLAIMED)
    max_attempts = config("MAILING_MAX_ATTEMPTS")
    # One UPDATE per number of attempts so far (at most MAILING_MAX_ATTEMPTS of them), for the backoff.
    for attempts in sorted(set(rest.values_list("attempts", flat=True))):
        rows = rest.filter(attempts=attempts)
        if attempts + 1 >= max_attempts:
            rows.update(
                status=Delivery.Status.FAILED, attempts=attempts + 1, lease_until=None, updated_at=now,
                last_error=_("Po %(attempts)d próbach: %(reason)s") % {"attempts": attempts + 1, "reason": reason},
            )
            continue
        delay = config("MAILING_RETRY_BASE_SECONDS") * 2 ** attempts
        rows.update(
            status=Delivery.Status.RETRYING, attempts=attempts + 1, worker="", lease_until=None, last_error=reason,
            updated_at=now, next_attempt_at=now + timedelta(seconds=delay),
        )


def fail_rest(batch, worker_id: str, reason: str) -> None:
    """The server refuses us for good: the batch's other rows fail with the same reason (not suppressed)."""
    Delivery.objects.filter(pk__in=[d.pk for d in batch], worker=worker_id, status=Delivery.Status.CLAIMED).update(
        status=Delivery.Status.FAILED, last_error=reason, lease_until=None, updated_at=timezone.now()
    )


def fail(delivery, worker_id: str, reason: str, *, suppress_address=False, status_from=None) -> None:
    now = timezone.now()
    statuses = [status_from] if status_from else [Delivery.Status.CLAIMED, Delivery.Status.SENDING]
    updated = Delivery.objects.filter(pk=delivery.pk, worker=worker_id, status__in=statuses).update(
        status=Delivery.Status.FAILED, last_error=reason, lease_until=None, updated_at=now
    )
    if updated and suppress_address:
        suppress(delivery.email, reason, delivery)


def mark_uncertain(delivery, worker_id: str, reason: str) -> None:
    now = timezone.now()
    Delivery.objects.filter(pk=delivery.pk, worker=worker_id, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.UNCERTAIN, last_error=reason, lease_until=None, updated_at=now
    )

"""E-mail: every message is one key and three templates (emails/<key>_subject.txt, <key>.txt, <key>.html).

Every transactional e-mail goes one way (docs/decisions/0012-one-way-to-send-email.md): an
`email_task` takes ids and builds its messages in the worker, in the recipient's language; the
domain code queues it after its transaction commits,

    transaction.on_commit(partial(some_email.enqueue, obj.pk))

so no request waits on the mail server, none fails because of it, and the worker never reads a row
that was rolled back. A mail server error puts the unsent messages back in the queue for later.
"""

import hashlib
import logging
import smtplib
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from django_tasks.base import Task

from partnerstwo.lib.context_processors import city_for_language

logger = logging.getLogger(__name__)

# What a mail server that is down, slow or refusing for now raises; worth trying again later.
MAIL_SERVER_ERRORS = (smtplib.SMTPException, OSError)


def build_email(key: str, to: list[str], context: dict, *, language: str | None = None,
                headers: dict | None = None, reply_to: list[str] | None = None) -> EmailMultiAlternatives:
    language = language or settings.LANGUAGE_CODE
    # The city's names in the message's language: an English e-mail is English in its signature too.
    context = {"city": city_for_language(language), "site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"emails/{key}_subject.txt", context).strip()
        text = render_to_string(f"emails/{key}.txt", context)
        html = render_to_string(f"emails/{key}.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=text, to=to, headers=headers or {}, reply_to=reply_to
    )
    message.attach_alternative(html, "text/html")
    return message


def message_fields(message: EmailMessage) -> dict:
    """A rendered message as JSON-safe fields, for a task that sends what was rendered elsewhere."""
    html = [content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"]
    return {
        "subject": message.subject, "body": message.body, "content_subtype": message.content_subtype,
        "html": html[0] if html else None, "from_email": message.from_email, "to": list(message.to),
        "headers": dict(message.extra_headers),
    }


def message_from_fields(fields: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=fields["subject"], body=fields["body"], from_email=fields["from_email"], to=fields["to"],
        headers=fields["headers"],
    )
    message.content_subtype = fields["content_subtype"]
    if fields["html"] is not None:
        message.attach_alternative(fields["html"], "text/html")
    return message


def absolute_url(path: str) -> str:
    """An absolute link for e-mails, which have no request to take the host from."""
    return f"{settings.SITE_URL}{path}"


Built = EmailMessage | Iterable[EmailMessage] | None


def email_task(build: Callable[..., Built]) -> Task:
    """A task that sends what `build(*ids)` returns: one message, several, or None for nothing to send.

    `build` runs in the worker, so it reads the rows as they are when the mail goes out (a
    registration cancelled meanwhile gets no confirmation). All messages go through one
    connection. When the mail server fails, the task queues itself again for the messages not yet
    sent, EMAIL_RETRY_BASE_SECONDS × 2^(attempt-1) later; after EMAIL_MAX_ATTEMPTS attempts it
    fails, with the traceback in the task table. Messages already sent are known by a digest of
    their subject and recipients, so nobody gets one twice and no address is stored for it.
    """

    @wraps(build)
    def send(*ids, attempt: int = 1, sent: list[str] | None = None) -> int:
        done = list(sent or [])
        pending = [message for message in _as_list(build(*ids)) if digest(message) not in done]
        if not pending:
            return 0
        connection = get_connection()
        try:
            connection.open()
            for message in pending:
                connection.send_messages([message])
                done.append(digest(message))
        except MAIL_SERVER_ERRORS as error:
            _try_again(queued, ids, attempt, done, error)
            return len(done) - len(sent or [])
        finally:
            with suppress(*MAIL_SERVER_ERRORS):
                connection.close()
        return len(pending)

    queued = task()(send)
    return queued


def digest(message: EmailMessage) -> str:
    recipients = "\n".join(sorted(address.lower() for address in message.recipients()))
    return hashlib.sha256(f"{message.subject}\n{recipients}".encode()).hexdigest()[:16]


def _as_list(built: Built) -> list[EmailMessage]:
    if built is None:
        return []
    if isinstance(built, EmailMessage):
        return [built]
    return list(built)


def _try_again(queued: Task, ids: tuple, attempt: int, done: list[str], error: Exception) -> None:
    """Queue the rest for later, or raise when the attempts are used up or the backend cannot defer
    (the immediate backend of the tests), so the task fails with the server's error."""
    if attempt >= settings.EMAIL_MAX_ATTEMPTS or not queued.get_backend().supports_defer:
        raise error
    delay = timedelta(seconds=settings.EMAIL_RETRY_BASE_SECONDS * 2 ** (attempt - 1))
    queued.using(run_after=timezone.now() + delay).enqueue(*ids, attempt=attempt + 1, sent=done)
    logger.warning(
        "E-mail task %s%r: attempt %d of %d failed (%s); trying again in %s",
        queued.name, ids, attempt, settings.EMAIL_MAX_ATTEMPTS, error, delay,
    )

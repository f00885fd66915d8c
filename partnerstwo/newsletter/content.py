"""What one delivery's e-mail says.

build_message(delivery) returns the EmailMultiAlternatives for one delivery: HTML and plain text in the
recipient's language, absolute links, the sender identified, List-Unsubscribe + List-Unsubscribe-Post
(RFC 8058). One-off mailings render their Markdown body here; digests and alerts are rendered by
digest_rendering.render_digest(mailing, delivery) and alert_sources.render_alert(mailing, delivery), each
returning (subject, text, html) of the message's own part (the footer with links is added here).

Layering (test_layering.py holds the order): models ← digest_rendering, alert_sources (one message's own
part) ← content (this module: one whole message) ← worker ← tasks ← delivery (the queue) ← digest,
alerts, one_off (compose mailings). Nothing here knows of queues or workers.

A mailing to 100,000 addresses must not render its templates 100,000 times: the frame (layout and
footer) and a one-off body are rendered once per process, mailing version, language and kind of
recipient, with placeholders where each recipient's own links go; per message only strings are replaced.
"""

import re
from email.utils import format_datetime, make_msgid
from html import escape

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.core.mail.utils import DNS_NAME
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.timezone import now as current_time

from partnerstwo.lib.context_processors import city_for_language
from partnerstwo.lib.emails import absolute_url
from partnerstwo.lib.markdown import render_markdown

from . import alert_sources, digest_rendering, links
from .models import Delivery, Mailing, Recipient

# Characters that neither HTML escaping nor Markdown changes.
SUBJECT = "@@PARTNERSTWO-SUBJECT@@"
BODY_TEXT = "@@PARTNERSTWO-BODY-TEXT@@"
BODY_HTML = "@@PARTNERSTWO-BODY-HTML@@"
UNSUBSCRIBE = "@@PARTNERSTWO-UNSUBSCRIBE@@"
PREFERENCES = "@@PARTNERSTWO-PREFERENCES@@"
# In the body of a one-off mailing about an item (source, source_id), where each organisation's own signed token
# goes (links.organization_link_token): e.g. a survey's answering link. Subscribers get an empty string.
ORGANIZATION_TOKEN = "@@PARTNERSTWO-ORGANIZATION-TOKEN@@"  # noqa: S105 - a placeholder, not a secret
CACHE_LIMIT = 64
_frames: dict[tuple, tuple[str, str, str]] = {}
RELATIVE_LINK = re.compile(r"""(\b(?:href|src)=["'])/(?!/)""")
# Relative targets in Markdown source: inline links and images "](/…)" or "](</…>)", and reference
# definitions "[name]: /…" at the start of a line.
RELATIVE_MARKDOWN_LINK = re.compile(r"(\]\(\s*<?)/(?![/\\])|(^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?)/(?![/\\])", re.MULTILINE)
# Stand-ins for what differs between two recipients of a one-off mailing, in a message built once as bytes.
TOKEN_STANDIN = "Tk" * 16  # as long as new_token(): the same length keeps header folding the same
TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
ADDRESS_STANDIN = "odbiorca-zastepczy@example.invalid"
MESSAGE_ID_STANDIN = "<partnerstwo-message-id-standin@example.invalid>"
DATE_STANDIN = "Partnerstwo-date-standin"


def build_message(delivery) -> EmailMultiAlternatives:
    mailing = delivery.mailing
    recipient = delivery.recipient
    language = delivery.language or getattr(recipient, "language", "") or settings.LANGUAGE_CODE
    kind = getattr(recipient, "kind", Recipient.Kind.SUBSCRIBER)
    subject_template, text, html = frame(mailing, language, kind)
    subject, own_text, own_html = own_part(mailing, delivery, language)
    if ORGANIZATION_TOKEN in own_text or ORGANIZATION_TOKEN in own_html:
        token = organization_token(mailing, recipient)
        own_text, own_html = own_text.replace(ORGANIZATION_TOKEN, token), own_html.replace(ORGANIZATION_TOKEN, token)

    unsubscribe = links.unsubscribe_url(recipient)
    preferences = links.preferences_url(recipient)
    subject = " ".join(subject.split())
    text = (
        text.replace(PREFERENCES, preferences)
        .replace(UNSUBSCRIBE, unsubscribe)
        .replace(SUBJECT, subject)
        .replace(BODY_TEXT, own_text)
    )
    html = (
        html.replace(PREFERENCES, escape(preferences))
        .replace(UNSUBSCRIBE, escape(unsubscribe))
        .replace(SUBJECT, escape(subject))
        .replace(BODY_HTML, absolute_links(own_html))
    )
    message = EmailMultiAlternatives(
        subject=" ".join(subject_template.replace(SUBJECT, subject).split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def own_part(mailing, delivery, language: str) -> tuple[str, str, str]:
    """(subject, text, html) of the message's own part, without the footer."""
    if mailing.kind == Mailing.Kind.DIGEST:
        return digest_rendering.render_digest(mailing, delivery)
    if mailing.kind == Mailing.Kind.ALERT:
        return alert_sources.render_alert(mailing, delivery)
    return one_off_part(mailing, language)


def organization_token(mailing, recipient) -> str:
    organization_id = getattr(recipient, "organization_id", None)
    if not (mailing.source and mailing.source_id and organization_id):
        return ""
    return links.organization_link_token(mailing.source, mailing.source_id, organization_id)


def one_off_part(mailing, language: str) -> tuple[str, str, str]:
    key = ("one_off", mailing.pk, mailing.updated_at, language, mailing.subject, mailing.body)
    if mailing.pk is None or key not in _frames:
        with translation.override(language):
            # The Markdown source reads well as plain text (its links made absolute: a mail client has no
            # site to resolve "/wydarzenia/" against); the HTML is rendered and sanitised.
            part = (
                mailing.subject,
                absolute_markdown_links(mailing.body.strip()),
                absolute_links(str(render_markdown(mailing.body, for_screen=False))),
            )
        if mailing.pk is None:
            return part
        remember(key, part)
    return _frames[key]


def frame(mailing, language: str, kind: str) -> tuple[str, str, str]:
    """Subject, text and HTML templates around the own part, with the placeholders in them."""
    key = ("frame", mailing.pk, mailing.updated_at, mailing.kind, language, kind)
    if mailing.pk is None or key not in _frames:
        context = {
            "mailing": mailing,
            "to_organization": kind == Recipient.Kind.ORGANIZATION,
            "city": city_for_language(language),
            "site_url": settings.SITE_URL,
            "home_url": absolute_url("/"),
            "subject": SUBJECT,
            "body_text": BODY_TEXT,
            "body_html": BODY_HTML,
            "unsubscribe_url": UNSUBSCRIBE,
            "preferences_url": PREFERENCES,
        }
        with translation.override(language):
            rendered = (
                render_to_string("emails/mailing_subject.txt", context).strip(),
                render_to_string("emails/mailing.txt", context),
                render_to_string("emails/mailing.html", context),
            )
        if mailing.pk is None:
            return rendered
        remember(key, rendered)
    return _frames[key]


def remember(key, value) -> None:
    if len(_frames) >= CACHE_LIMIT:
        _frames.clear()  # old versions of edited mailings; a worker only ever needs a few
    _frames[key] = value


def absolute_links(html: str) -> str:
    """Links in e-mails need the host: "/wydarzenia/…" becomes "https://…/wydarzenia/…"."""
    return RELATIVE_LINK.sub(lambda match: f"{match.group(1)}{settings.SITE_URL}/", html)


def absolute_markdown_links(text: str) -> str:
    """The same for Markdown source: "[kalendarz](/wydarzenia/)" → "[kalendarz](https://…/wydarzenia/)"."""
    return RELATIVE_MARKDOWN_LINK.sub(lambda match: f"{match.group(1) or match.group(2)}{settings.SITE_URL}/", text)


def message_bytes(delivery) -> tuple[str, str, bytes]:
    """(envelope sender, recipient, the message as bytes): what the worker hands to the SMTP server.

    Building a MIME message costs more than sending it to a local server. A one-off mailing is the
    same for everyone but the address, the links' token, the Message-ID and the Date, so its bytes
    are built once (per language and kind of recipient) with stand-ins, and replaced per recipient.
    Anything unusual (a digest, an alert, a non-ASCII address) takes the ordinary way.
    """
    template = bytes_template(delivery)
    if template is None:
        message = build_message(delivery)
        encoding = message.encoding or settings.DEFAULT_CHARSET
        return (
            sanitize_address(message.from_email, encoding),
            sanitize_address(delivery.email, encoding),
            message.message().as_bytes(linesep="\r\n"),
        )
    sender, data = template
    data = (
        data.replace(TOKEN_STANDIN.encode(), delivery.recipient.token.encode())
        .replace(ADDRESS_STANDIN.encode(), delivery.email.encode())
        .replace(MESSAGE_ID_STANDIN.encode(), make_msgid(domain=DNS_NAME).encode())
        .replace(DATE_STANDIN.encode(), format_datetime(current_time()).encode())
    )
    return sender, delivery.email, data


def bytes_template(delivery):
    mailing, recipient = delivery.mailing, delivery.recipient
    if (
        mailing.kind != Mailing.Kind.ONE_OFF
        or ORGANIZATION_TOKEN in mailing.body  # each organisation's own link: not the same bytes for everyone
        or mailing.pk is None
        or recipient is None
        or not TOKEN.fullmatch(recipient.token or "")
        or not delivery.email.isascii()
        or len(delivery.email) > 100
    ):
        return None
    language = delivery.language or recipient.language or settings.LANGUAGE_CODE
    key = ("bytes", mailing.pk, mailing.updated_at, language, recipient.kind, mailing.subject, mailing.body)
    if key not in _frames:
        remember(key, build_template(mailing, language, recipient.kind))
    return _frames[key]


def build_template(mailing, language: str, kind: str):
    standin = Recipient(kind=kind, email=ADDRESS_STANDIN, language=language, token=TOKEN_STANDIN)
    message = build_message(Delivery(mailing=mailing, recipient=standin, email=ADDRESS_STANDIN, language=language))
    message.extra_headers.update({"Message-ID": MESSAGE_ID_STANDIN, "Date": DATE_STANDIN})
    data = message.message().as_bytes(linesep="\r\n")
    # Each stand-in must be there verbatim (not folded, not quoted-printable): else the ordinary way.
    expected = {TOKEN_STANDIN: 5, ADDRESS_STANDIN: 1, MESSAGE_ID_STANDIN: 1, DATE_STANDIN: 1}
    if any(data.count(standin.encode()) != count for standin, count in expected.items()):
        return None
    return sanitize_address(message.from_email, message.encoding or settings.DEFAULT_CHARSET), data

"""The links every message carries. Each uses the recipient's random token: rotating it revokes them all."""

from django.urls import reverse
from django.utils import translation

from partnerstwo.lib import signing
from partnerstwo.lib.emails import absolute_url


def _absolute(name: str, recipient) -> str:
    with translation.override(recipient.language or "pl"):
        return absolute_url(reverse(name, args=[recipient.token]))


def unsubscribe_url(recipient) -> str:
    """Shows a confirmation page on GET (mail scanners open links); a POST unsubscribes (RFC 8058 one-click)."""
    return _absolute("newsletter:unsubscribe", recipient)


def preferences_url(recipient) -> str:
    return _absolute("newsletter:preferences", recipient)


def confirm_url(recipient) -> str:
    return _absolute("newsletter:confirm", recipient)


def organization_link_token(source: str, source_id: int, organization_id: int) -> str:
    """A signed token naming the organisation, valid only for the item a one-off mailing is about (its source and
    source_id, e.g. one survey): a link that lets the organisation act on that item without signing in."""
    return signing.make_token(organization_id, salt=f"newsletter.organization-link:{source}:{source_id}")


def read_organization_link_token(token: str, *, source: str, source_id: int) -> int | None:
    """The organisation's primary key of a token made by organization_link_token for this item; None if forged."""
    return signing.read_token(token, salt=f"newsletter.organization-link:{source}:{source_id}")

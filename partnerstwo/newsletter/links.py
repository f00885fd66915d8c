"""The links every message carries. Each uses the recipient's random token: rotating it revokes them all."""

from django.urls import reverse
from django.utils import translation

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

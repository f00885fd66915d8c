"""The self-hosted ALTCHA proof-of-work captcha (PoW v2) of the public forms: challenges, verification,
replay guard, and the form field that checks what the widget sent.

The browser widget (static/js/captcha.js, the site's own small client of ALTCHA's format) fetches a
signed challenge from the `captcha_challenge` view, spends a moment of CPU finding the counter whose
PBKDF2 key starts with the signed prefix, and puts the result (base64 JSON) in the form field "altcha".
The server checks the signature, the expiry and the solution, then remembers the challenge's nonce
in the shared cache until it expires, so one solution sends one form. No third-party service is involved.
"""

import base64
import binascii
import json
import time
from enum import Enum

import altcha
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

ALGORITHM = "PBKDF2/SHA-256"
# Long enough to write a message after ticking the box; the widget asks again when it runs out.
CHALLENGE_LIFETIME_SECONDS = 30 * 60
# A genuine payload is well under 2 kB; anything much larger is not worth decoding.
MAX_PAYLOAD_LENGTH = 4000


class Outcome(Enum):
    VERIFIED = "verified"
    MISSING = "missing"
    INVALID = "invalid"
    EXPIRED = "expired"
    REUSED = "reused"


def create_challenge() -> dict:
    """A fresh signed challenge, as the JSON the widget expects."""
    challenge = altcha.create_challenge(
        algorithm=ALGORITHM,
        cost=settings.ALTCHA_COST,
        expires_at=int(time.time()) + CHALLENGE_LIFETIME_SECONDS,
        hmac_secret=settings.ALTCHA_HMAC_KEY,
    )
    return challenge.to_dict()


def _nonce(payload: str) -> str | None:
    try:
        data = json.loads(base64.b64decode(payload, validate=False).decode())
        nonce = data["challenge"]["parameters"]["nonce"]
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError):
        return None
    return nonce if isinstance(nonce, str) else None


def verify(payload: str | None) -> Outcome:
    """Check a submitted payload and, when it is good, use it up."""
    if not payload:
        return Outcome.MISSING
    if len(payload) > MAX_PAYLOAD_LENGTH:
        return Outcome.INVALID
    try:
        result = altcha.verify_solution(payload, settings.ALTCHA_HMAC_KEY)
    except Exception:  # hostile input must never become a server error
        return Outcome.INVALID
    if result.expired:
        return Outcome.EXPIRED
    if not result.verified:
        return Outcome.INVALID
    # The signature covers the nonce, so after verification it identifies the challenge.
    nonce = _nonce(payload)
    if nonce is None:
        return Outcome.INVALID
    if not cache.add(f"altcha-used:{nonce}", True, timeout=CHALLENGE_LIFETIME_SECONDS + 60):
        return Outcome.REUSED
    return Outcome.VERIFIED


@never_cache
@require_GET
def challenge(request):
    """A fresh signed challenge for the widget on a form."""
    return JsonResponse(create_challenge())


ERRORS = {
    Outcome.MISSING: _(
        "Potwierdź, że nie jesteś robotem: zaznacz pole „Nie jestem robotem” i poczekaj, aż pojawi się "
        "„Zweryfikowano”. Ta weryfikacja wymaga włączonego JavaScriptu."
    ),
    Outcome.INVALID: _(
        "Weryfikacja antyspamowa nie powiodła się. Zaznacz pole „Nie jestem robotem” jeszcze raz."
    ),
    Outcome.EXPIRED: _(
        "Weryfikacja antyspamowa wygasła. Zaznacz pole „Nie jestem robotem” jeszcze raz."
    ),
    Outcome.REUSED: _(
        "Ta weryfikacja antyspamowa została już wykorzystana. Zaznacz pole „Nie jestem robotem” jeszcze raz."
    ),
}


class CaptchaField(forms.Field):
    """The ALTCHA payload; templates/includes/captcha.html renders the widget, this field checks what it sent."""

    widget = forms.TextInput  # never rendered: includes/captcha.html draws the widget (static/js/captcha.js)

    def clean(self, value):
        outcome = verify(value if isinstance(value, str) else None)
        if outcome is not Outcome.VERIFIED:
            raise forms.ValidationError(ERRORS[outcome], code=outcome.value)
        return value

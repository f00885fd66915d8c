"""Fixtures for the feedback form: a cheap captcha, a solver like the browser's, a valid submission."""

from datetime import timedelta
from functools import partial

import pytest
from django.utils import timezone

from partnerstwo.feedback.models import FeedbackCategory, FeedbackMessage
from partnerstwo.lib.testing import solved_captcha

MESSAGE = "Na stronie „Misja i cele” brakuje daty ostatniej aktualizacji. Proszę ją dodać."


@pytest.fixture(autouse=True)
def cheap_work(settings):
    # The real cost takes the browser a fraction of a second; tests solve many challenges.
    settings.ALTCHA_COST = 20


@pytest.fixture
def solve(client):
    """Fetch a challenge from the site and solve it as the widget does; returns the payload."""
    return partial(solved_captcha, client)


@pytest.fixture
def category(db):
    return FeedbackCategory.objects.get(name="Błąd na stronie")


@pytest.fixture
def form_data(category, solve):
    """A complete, valid submission; each call solves a fresh challenge."""

    def build(**overrides) -> dict:
        data = {
            "category": str(category.pk),
            "message": MESSAGE,
            "email": "jan.nowak@example.org",
            "page": "/misja-i-cele/",
        }
        data.update(overrides)
        if "altcha" not in data:
            data["altcha"] = solve()
        return {key: value for key, value in data.items() if value is not None}

    return build


def make_message(category, text="Treść uwagi", status=FeedbackMessage.Status.NEW, *, minutes_ago=10):
    """A message as if it had come through the form (confirmed unless the status says otherwise)."""
    created_at = timezone.now() - timedelta(minutes=minutes_ago)
    return FeedbackMessage.objects.create(
        category=category,
        message=text,
        email="jan.nowak@example.org",
        page="/kontakt/",
        created_at=created_at,
        status=status,
        confirmed_at=None if status == FeedbackMessage.Status.UNCONFIRMED else created_at,
    )

"""The registration form's captcha, cheap and solved as the browser widget solves it."""

from functools import partial

import pytest

from partnerstwo.lib.testing import solved_captcha


@pytest.fixture(autouse=True)
def cheap_work(settings):
    # The real cost takes the browser a fraction of a second; tests solve many challenges.
    settings.ALTCHA_COST = 20


@pytest.fixture
def solve(client):
    """Fetch a challenge from the site and solve it as the widget does; returns the payload."""
    return partial(solved_captcha, client)

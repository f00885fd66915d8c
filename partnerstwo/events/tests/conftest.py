"""The registration form's captcha, cheap and solved as the browser widget solves it."""

import altcha
import pytest
from django.urls import reverse


@pytest.fixture(autouse=True)
def cheap_work(settings):
    # The real cost takes the browser a fraction of a second; tests solve many challenges.
    settings.ALTCHA_COST = 20


@pytest.fixture
def solve(client):
    """Fetch a challenge from the site and solve it as the widget does; returns the payload."""

    def solve_one() -> str:
        parsed = altcha.Challenge.from_dict(client.get(reverse("feedback:challenge")).json())
        solution = altcha.solve_challenge(parsed)
        assert solution is not None
        return altcha.Payload(parsed, solution).to_base64()

    return solve_one

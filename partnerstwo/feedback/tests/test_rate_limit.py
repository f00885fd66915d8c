"""Submissions are limited per IP address; over the limit the form says so and saves nothing."""

import pytest
from django.urls import reverse

from partnerstwo.feedback.models import FeedbackMessage
from partnerstwo.feedback.tests.conftest import MESSAGE

pytestmark = pytest.mark.django_db


def post(client, data, ip):
    return client.post(reverse("feedback:create"), data, REMOTE_ADDR=ip)


def test_it_refuses_more_posts_from_one_address_than_the_limit(client, form_data, settings):
    settings.FEEDBACK_RATE_LIMIT = "2/h"
    assert post(client, form_data(), "203.0.113.7").status_code == 302
    assert post(client, form_data(email="zle"), "203.0.113.7").status_code == 200  # every POST counts

    refused = post(client, form_data(), "203.0.113.7")

    html = refused.content.decode()
    assert refused.status_code == 429
    assert "zbyt wiele wiadomości" in html
    assert settings.CITY["centre"]["email"] in html
    assert 'class="error-summary"' in html
    assert MESSAGE in html
    assert FeedbackMessage.objects.count() == 1


def test_the_limit_does_not_use_up_the_captcha_solution(client, form_data, solve, settings):
    settings.FEEDBACK_RATE_LIMIT = "1/h"
    post(client, form_data(), "203.0.113.7")
    payload = solve()
    assert post(client, form_data(altcha=payload), "203.0.113.7").status_code == 429

    # The same solution still works from another address (it was never checked, so never used).
    assert post(client, form_data(altcha=payload), "198.51.100.20").status_code == 302


def test_another_address_is_not_limited(client, form_data, settings):
    settings.FEEDBACK_RATE_LIMIT = "1/h"
    assert post(client, form_data(), "203.0.113.7").status_code == 302
    assert post(client, form_data(), "203.0.113.7").status_code == 429

    assert post(client, form_data(), "198.51.100.20").status_code == 302
    assert FeedbackMessage.objects.count() == 2


def test_reading_the_form_is_not_limited(client, settings):
    settings.FEEDBACK_RATE_LIMIT = "1/h"
    for _ in range(3):
        assert client.get(reverse("feedback:create"), REMOTE_ADDR="203.0.113.7").status_code == 200

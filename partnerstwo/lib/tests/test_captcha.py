"""The captcha's challenge endpoint, shared by every public form (the forms' tests send solutions)."""

import time

from django.urls import reverse


def test_the_challenge_is_served_at_the_feedback_forms_address():
    assert reverse("captcha_challenge") == "/uwagi/captcha/"


def test_the_challenge_endpoint_serves_a_fresh_signed_pbkdf2_challenge(client, settings):
    first = client.get(reverse("captcha_challenge"))
    second = client.get(reverse("captcha_challenge")).json()

    assert first["Content-Type"] == "application/json"
    assert "no-cache" in first["Cache-Control"]
    challenge = first.json()
    assert challenge["parameters"]["algorithm"] == "PBKDF2/SHA-256"
    assert challenge["parameters"]["cost"] == settings.ALTCHA_COST
    assert challenge["parameters"]["expiresAt"] > time.time()
    assert challenge["signature"]
    assert challenge["parameters"]["nonce"] != second["parameters"]["nonce"]


def test_the_challenge_endpoint_answers_only_get(client):
    assert client.post(reverse("captcha_challenge")).status_code == 405

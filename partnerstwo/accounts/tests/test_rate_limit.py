"""Failed logins are limited per account and per IP address, in the shared cache (several app servers)."""

import pytest
from django.urls import reverse

from conftest import PASSWORD

pytestmark = pytest.mark.django_db

TOO_MANY = "Zbyt wiele nieudanych prób logowania. Spróbuj ponownie później."


def sign_in(client, email, password, ip="198.51.100.7"):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)


def test_the_sixth_attempt_on_one_account_is_refused_even_with_the_right_password(client, settings, resident):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "100/m/ip,5/5m/key"}
    for attempt in range(5):
        response = sign_in(client, resident.email, f"zgadywane-{attempt}", ip=f"198.51.100.{attempt + 1}")
        assert response.status_code == 200
        assert TOO_MANY not in response.content.decode()

    response = sign_in(client, resident.email, PASSWORD, ip="198.51.100.99")

    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_limit_on_one_account_does_not_lock_out_another(client, settings, resident, representative_a):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "100/m/ip,5/5m/key"}
    for attempt in range(6):
        sign_in(client, resident.email, f"zgadywane-{attempt}")

    response = sign_in(client, representative_a.email, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(representative_a.pk)


def test_many_failures_from_one_address_block_it_for_every_account(client, settings, resident, team_member):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "5/m/ip,100/5m/key"}
    for attempt in range(5):
        sign_in(client, f"ktos-{attempt}@example.org", "zgadywane", ip="203.0.113.5")

    refused = sign_in(client, team_member.email, PASSWORD, ip="203.0.113.5")
    elsewhere = sign_in(client, resident.email, PASSWORD, ip="203.0.113.6")

    assert refused.status_code == 200
    assert TOO_MANY in refused.content.decode()
    assert elsewhere.status_code == 302
    assert client.session["_auth_user_id"] == str(resident.pk)


def test_a_successful_login_does_not_count_against_the_limit(client, settings, resident):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "100/m/ip,2/5m/key"}
    for _attempt in range(4):
        assert sign_in(client, resident.email, PASSWORD).status_code == 302
        client.post(reverse("account_logout"))

    assert sign_in(client, resident.email, PASSWORD).status_code == 302

"""allauth's pages are pages of the site: its layout, one heading, labelled fields, styled buttons."""

import re

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from conftest import PASSWORD

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key_done",
    "account_email_verification_sent",
    "account_inactive",
]
SIGNED_IN_PAGES = [
    "accounts:profile",
    "accounts:delete",
    "account_email",
    "account_change_password",
    "account_logout",
    "account_reauthenticate",
    "mfa_index",
]
REAUTHENTICATED_PAGES = [
    "mfa_activate_totp",
    "mfa_add_webauthn",
]
WITH_TOTP_PAGES = [
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_reauthenticate",
]


def assert_in_site_layout(response, lang="pl"):
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert 'class="skip-link"' in html and '<main id="main"' in html and "site-footer" in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    for tag in re.findall(r"<button[^>]*>", main):
        assert 'class="button' in tag, tag
    for field_id in re.findall(r'<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"', main):
        assert f'for="{field_id}"' in main, field_id
    assert "Messages:" not in html and "Menu:" not in html  # allauth's bare layout is not used


@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_pages_for_people_arriving_are_in_the_site_layout(client, name):
    assert_in_site_layout(client.get(reverse(name)))


@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
def test_pages_for_signed_in_people_are_in_the_site_layout(client, official_x, name):
    client.force_login(official_x)

    assert_in_site_layout(client.get(reverse(name)))


@pytest.mark.parametrize("name", REAUTHENTICATED_PAGES + WITH_TOTP_PAGES)
def test_two_factor_pages_are_in_the_site_layout(client, team_member, name):
    if name in WITH_TOTP_PAGES:
        TOTP.activate(team_member, generate_totp_secret())
        RecoveryCodes.activate(team_member)
    client.force_login(team_member)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    assert_in_site_layout(client.get(reverse(name)))


def test_the_code_page_after_the_password_is_in_the_site_layout(client, official_x):
    # The cast's officials have an authenticator app (conftest.STAFF_TOTP_SECRET).
    client.post(reverse("account_login"), {"login": official_x.email, "password": PASSWORD})

    response = client.get(reverse("mfa_authenticate"))

    assert_in_site_layout(response)
    assert 'autocomplete="one-time-code"' in response.content.decode()


def test_the_email_confirmation_and_password_reset_links_land_on_site_pages(client, db):
    assert_in_site_layout(client.get(reverse("account_confirm_email", args=["nieznany-klucz"])))
    assert_in_site_layout(client.get(reverse("account_reset_password_from_key", args=["1-xx", "yy"])))


def test_an_invalid_form_has_an_error_summary_linking_to_each_field(client, db):
    response = client.post(reverse("account_signup"), {"email": "zly-adres", "password1": "a", "password2": "b"})

    html = response.content.decode()
    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert '<a href="#id_email">' in summary
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_error"' in html


def test_the_english_site_has_english_account_pages(client, db):
    response = client.get("/en/konto/login/")

    assert_in_site_layout(response, lang="en")
    assert "Sign In" in response.content.decode()


def test_a_rate_limited_action_gets_a_page_in_the_site_layout(client, settings, db):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/m/ip"}
    client.post(reverse("account_signup"), {"email": "a@example.org"})

    response = client.post(reverse("account_signup"), {"email": "b@example.org"})

    assert response.status_code == 429
    assert "Zbyt wiele prób" in response.content.decode()

"""Officials and administrators pass two-factor login before the panel or the admin opens; others may opt in."""

from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from conftest import PASSWORD, STAFF_TOTP_SECRET
from partnerstwo.lib.testing import totp_code

pytestmark = pytest.mark.django_db

PANEL = "/panel/"
ADMIN = "/admin/"
SETUP_EXPLANATION = "Najpierw włącz weryfikację dwuetapową."


def without_authenticator(user):
    Authenticator.objects.filter(user=user).delete()
    return user


def sign_in_with_password(client, user, next_url=""):
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": user.email, "password": PASSWORD, "next": next_url})


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("official_x", "set-up"),
        ("administrator", "set-up"),
        ("team_member", 200),
        ("resident", 403),
        ("representative_a", 403),
    ],
)
def test_only_officials_and_administrators_are_sent_to_set_up_two_factor_login(client, request, role, expected):
    user = without_authenticator(request.getfixturevalue(role))
    client.force_login(user)

    response = client.get(PANEL)

    if expected == "set-up":
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_index")
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("role", ["team_member", "resident", "representative_a"])
def test_others_open_their_account_pages_without_two_factor_login(client, request, role):
    client.force_login(without_authenticator(request.getfixturevalue(role)))

    assert client.get(reverse("accounts:profile")).status_code == 200


def test_the_admin_too_needs_two_factor_login(client, administrator):
    client.force_login(without_authenticator(administrator))

    response = client.get(reverse("admin:accounts_user_changelist"))

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")


# allauth records a new authenticator after its transaction commits: a real commit here.
@pytest.mark.django_db(transaction=True)
def test_the_set_up_page_explains_why_offers_app_codes_and_passkeys_and_leads_back(client, official_x):
    client.force_login(without_authenticator(official_x))
    going_to = PANEL + "wydarzenia/"
    client.get(going_to)

    page = client.get(reverse("mfa_index")).content.decode()

    assert SETUP_EXPLANATION in page
    assert "dostęp do panelu pracownika i do danych innych osób" in page
    assert reverse("mfa_activate_totp") in page
    assert reverse("mfa_add_webauthn") in page

    # Turning on the app: the password again, then the code from the app; recovery codes come with it.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    setup = client.get(reverse("mfa_activate_totp"))
    secret = setup.context["form"].secret
    activated = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert activated["Location"] == reverse("mfa_view_recovery_codes")
    codes_page = client.get(activated["Location"]).content.decode()
    assert "Weryfikacja dwuetapowa jest włączona." in codes_page
    assert f'href="{going_to}"' in codes_page

    # Setting it up was the second factor: the panel opens without another code.
    assert client.get(going_to).status_code == 200
    assert client.get(reverse("mfa_index")).content.decode().count(SETUP_EXPLANATION) == 0


@pytest.mark.parametrize("role", ["official_x", "administrator"])
def test_a_session_that_skipped_the_code_must_pass_it_before_the_panel(client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user, second_factor=False)

    response = client.get(PANEL)

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == reverse("mfa_reauthenticate")
    assert parse_qs(location.query)["next"] == [PANEL]

    wrong = "000000" if totp_code(STAFF_TOTP_SECRET) != "000000" else "111111"
    assert client.post(response["Location"], {"code": wrong}).status_code == 200
    assert client.get(PANEL).status_code == 302

    passed = client.post(response["Location"], {"code": totp_code(STAFF_TOTP_SECRET), "next": PANEL})
    assert passed["Location"] == PANEL
    assert client.get(PANEL).status_code == 200


def test_a_team_member_with_two_factor_login_turned_on_is_not_asked_again(client, team_member):
    from partnerstwo.lib.testing import give_totp

    give_totp(team_member, STAFF_TOTP_SECRET)
    client.force_login(team_member, second_factor=False)

    assert client.get(PANEL).status_code == 200


# The admin's own login form.


def test_the_admin_login_page_sends_people_to_the_site_login_and_keeps_next(client, db):
    target = reverse("admin:accounts_user_changelist")

    response = client.get(reverse("admin:login"), {"next": target})

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == reverse("account_login")
    assert parse_qs(location.query)["next"] == [target]


def test_a_post_to_the_admin_login_form_signs_nobody_in(client, administrator):
    response = client.post(reverse("admin:login"), {"username": administrator.email, "password": PASSWORD})

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("account_login")
    assert "_auth_user_id" not in client.session


def test_the_admin_is_reached_through_the_password_and_the_code(client, administrator):
    signed = sign_in_with_password(client, administrator, next_url=ADMIN)
    assert signed["Location"] == reverse("mfa_authenticate")
    assert client.get(ADMIN).status_code == 302

    done = client.post(reverse("mfa_authenticate"), {"code": totp_code(STAFF_TOTP_SECRET)})

    assert done["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_the_admin_login_is_limited_like_the_site_login(client, settings, administrator):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "100/m/ip,3/5m/key"}
    for attempt in range(3):
        client.post(reverse("admin:login"), {"username": administrator.email, "password": f"zle-{attempt}"})
        client.post(reverse("account_login"), {"login": administrator.email, "password": f"zle-{attempt}"})

    response = sign_in_with_password(client, administrator, next_url=ADMIN)

    assert response.status_code == 200
    assert "Zbyt wiele nieudanych prób logowania." in response.content.decode()


def test_someone_signed_in_without_admin_rights_is_refused_rather_than_sent_round(client, team_member):
    client.force_login(team_member)

    first = client.get(ADMIN)
    refused = client.get(first["Location"])

    assert urlsplit(first["Location"]).path == reverse("admin:login")
    assert refused.status_code == 403


def test_the_profile_tells_staff_without_it_that_the_panel_needs_it(client, official_x, team_member):
    client.force_login(without_authenticator(official_x))
    staff = client.get(reverse("accounts:profile")).content.decode()
    client.force_login(team_member)
    other = client.get(reverse("accounts:profile")).content.decode()

    assert "bez niej panel pracownika się nie otworzy" in staff
    assert "bez niej panel pracownika się nie otworzy" not in other

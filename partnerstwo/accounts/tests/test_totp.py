"""Staff turn on TOTP two-factor login; then a password alone does not sign them in."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from conftest import PASSWORD, STAFF_TOTP_SECRET
from partnerstwo.lib.testing import totp_code

pytestmark = pytest.mark.django_db


def sign_in(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def test_a_staff_member_with_totp_must_enter_a_code_after_the_password(client, official_x):
    secret = STAFF_TOTP_SECRET

    response = sign_in(client, official_x)

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("panel:dashboard")).status_code == 302

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert "Błędny kod." in wrong.content.decode()
    assert "_auth_user_id" not in client.session

    right = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(official_x.pk)
    assert client.get(reverse("panel:dashboard")).status_code == 200


def test_a_used_code_cannot_be_replayed(client, official_x):
    code = totp_code(STAFF_TOTP_SECRET)
    sign_in(client, official_x)
    client.post(reverse("mfa_authenticate"), {"code": code})
    client.post(reverse("account_logout"))

    sign_in(client, official_x)
    response = client.post(reverse("mfa_authenticate"), {"code": code})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_staff_member_turns_on_totp_from_their_profile(client, team_member):
    sign_in(client, team_member)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("mfa_index") in profile

    # Turning it on asks for the password again, then shows the secret (and its QR code).
    activate = client.get(reverse("mfa_activate_totp"))
    assert activate["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD, "next": reverse("mfa_activate_totp")})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret
    assert secret in page.content.decode()

    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=team_member, type=Authenticator.Type.TOTP).exists()
    # Recovery codes come with it, for a lost phone.
    assert Authenticator.objects.filter(user=team_member, type=Authenticator.Type.RECOVERY_CODES).exists()


def test_the_profile_offers_two_factor_login_to_staff_only(client, resident, representative_a, official_x, team_member):
    for user, offered in [(resident, False), (representative_a, False), (official_x, True), (team_member, True)]:
        client.force_login(user)
        html = client.get(reverse("accounts:profile")).content.decode()
        assert (reverse("mfa_index") in html) is offered, user.role

import pytest
from django.urls import reverse

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, email, password=PASSWORD, **extra):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **extra)


def test_a_confirmed_person_signs_in_and_lands_on_their_profile(client, resident):
    response = sign_in(client, resident.email)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    assert client.get(reverse("accounts:profile")).context["user"] == resident


def test_the_address_is_not_case_sensitive(client, resident):
    response = sign_in(client, resident.email.upper())

    assert response.status_code == 302


def test_a_wrong_password_is_refused_in_polish_and_the_address_is_kept(client, resident):
    response = sign_in(client, resident.email, "zle-haslo-999")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Podany adres e-mail i/lub hasło są niepoprawne." in html
    assert 'class="error-summary"' in html
    assert f'value="{resident.email}"' in html
    assert "_auth_user_id" not in client.session


def test_an_empty_login_form_names_each_missing_field(client, db):
    response = client.post(reverse("account_login"), {})

    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="#id_login">' in html
    assert '<a href="#id_password">' in html


def test_signing_out_ends_the_session_and_goes_home(client, resident):
    sign_in(client, resident.email)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("pages:home")
    assert "_auth_user_id" not in client.session


def test_a_deactivated_account_cannot_sign_in(client, resident):
    resident.is_active = False
    resident.save()

    response = sign_in(client, resident.email)

    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.urls import reverse

from conftest import PASSWORD, make_user
from partnerstwo.accounts import deletion
from partnerstwo.accounts.models import User

pytestmark = pytest.mark.django_db

LAST_ADMIN = "To jest ostatnie konto administratora serwisu, więc nie można go usunąć."


def test_a_wrong_password_keeps_the_account(client, resident):
    client.force_login(resident)

    response = client.post(reverse("accounts:delete"), {"password": "nie-to-haslo"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "To nie jest Twoje obecne hasło." in html
    assert 'class="error-summary"' in html
    assert User.objects.filter(pk=resident.pk).exists()


def test_an_empty_password_keeps_the_account(client, resident):
    client.force_login(resident)

    response = client.post(reverse("accounts:delete"), {})

    assert response.status_code == 200
    assert User.objects.filter(pk=resident.pk).exists()


def test_the_right_password_deletes_the_account_and_its_addresses_and_signs_out(client, official_x):
    # The cast's officials have TOTP (conftest.STAFF_TOTP_SECRET): deletion removes it too.
    client.force_login(official_x)

    response = client.post(reverse("accounts:delete"), {"password": PASSWORD}, follow=True)

    assert response.redirect_chain == [(reverse("pages:home"), 302)]
    assert "Twoje konto i dane z nim związane zostały usunięte." in response.content.decode()
    assert not User.objects.filter(pk=official_x.pk).exists()
    assert not EmailAddress.objects.filter(email=official_x.email).exists()
    assert not Authenticator.objects.filter(user_id=official_x.pk).exists()
    assert "_auth_user_id" not in client.session


def test_the_last_administrator_cannot_delete_their_account(client, administrator):
    client.force_login(administrator)

    page = client.get(reverse("accounts:delete"))
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})

    assert LAST_ADMIN in page.content.decode()
    assert response.status_code == 200
    assert LAST_ADMIN in response.content.decode()
    assert User.objects.filter(pk=administrator.pk).exists()


def test_an_administrator_may_leave_when_another_one_remains(client, administrator):
    make_user("druga.admin@um.example.org", "administrator", is_superuser=True, is_staff=True)
    client.force_login(administrator)

    client.post(reverse("accounts:delete"), {"password": PASSWORD})

    assert not User.objects.filter(pk=administrator.pk).exists()


def test_delete_account_refuses_the_last_superuser_even_when_called_directly(administrator):
    with pytest.raises(deletion.DeletionRefused):
        deletion.delete_account(user=administrator)

    assert User.objects.filter(pk=administrator.pk).exists()


def test_an_inactive_superuser_does_not_count_as_the_one_who_remains(administrator):
    make_user("wylaczona.admin@um.example.org", "administrator", is_superuser=True, is_active=False)

    assert deletion.refusal_reason(administrator) is not None


def test_a_stranger_is_sent_to_sign_in(client, db):
    response = client.get(reverse("accounts:delete"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))

import pytest
from django.urls import reverse

from conftest import PASSWORD
from partnerstwo.lib.testing import first_link, message_text

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "nowe-haslo-do-konta-42"


def test_a_person_resets_their_password_through_the_link_in_the_email(
    client, use_smtp, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": resident.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")

    [message] = use_smtp.wait_for(1)
    assert message["To"] == resident.email
    assert message["Subject"].strip() == "[Partnerstwo Białystok] Ustaw nowe hasło"
    link = first_link(message_text(message), "/konto/password/reset/key/")
    assert link.startswith("http://testserver/konto/password/reset/key/")

    # allauth moves the key from the address into the session, then shows the form.
    form_page = client.get(link.removeprefix("http://testserver"), follow=True)
    assert form_page.status_code == 200
    action = form_page.request["PATH_INFO"]
    done = client.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert done["Location"] == reverse("account_reset_password_from_key_done")

    resident.refresh_from_db()
    assert resident.check_password(NEW_PASSWORD)
    assert not resident.check_password(PASSWORD)
    client.logout()
    login = client.post(reverse("account_login"), {"login": resident.email, "password": NEW_PASSWORD})
    assert login.status_code == 302


def test_a_reset_link_works_only_once(client, use_smtp, resident, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": resident.email})
    path = first_link(message_text(use_smtp.wait_for(1)[0]), "/key/").removeprefix("http://testserver")
    action = client.get(path, follow=True).request["PATH_INFO"]
    client.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    client.logout()

    again = client.get(path, follow=True)

    assert "Link do resetowania hasła był nieprawidłowy" in again.content.decode()


def test_a_reset_for_an_unknown_address_reveals_nothing_on_the_page(
    client, use_smtp, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": "nikt@example.org"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    [message] = use_smtp.wait_for(1)
    assert "nie mamy konta z tym adresem" in message_text(message)


def test_a_malformed_address_gets_a_message_next_to_the_field(client, db):
    response = client.post(reverse("account_reset_password"), {"email": "to-nie-adres"})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_email_error"' in html
    assert 'value="to-nie-adres"' in html

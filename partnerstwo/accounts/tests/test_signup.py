import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from conftest import PASSWORD
from partnerstwo.accounts.models import User
from partnerstwo.lib.testing import first_link, message_text

pytestmark = pytest.mark.django_db


def sign_up(client, email="nowa.osoba@example.org", password=PASSWORD):
    return client.post(
        reverse("account_signup"), {"email": email, "password1": password, "password2": password}
    )


def test_a_new_person_signs_up_confirms_the_link_from_the_email_and_signs_in(
    client, use_smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="nowa.osoba@example.org")
    assert user.role == User.Role.RESIDENT
    assert not EmailAddress.objects.get(user=user).verified

    [message] = use_smtp.wait_for(1)
    assert message["To"] == "nowa.osoba@example.org"
    assert message["Subject"].strip() == "[Partnerstwo Białystok] Potwierdź adres e-mail"
    text = message_text(message)
    assert "Partnerstwo Białystok" in text
    link = first_link(text, "/konto/")
    assert link.startswith("http://testserver/konto/confirm-email/")

    # Mail scanners open links: the GET only shows a button, the POST confirms.
    path = link.removeprefix("http://testserver")
    page = client.get(path)
    assert page.status_code == 200
    assert not EmailAddress.objects.get(user=user).verified
    client.post(path)
    assert EmailAddress.objects.get(user=user).verified

    client.logout()
    response = client.post(reverse("account_login"), {"login": "nowa.osoba@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_an_unconfirmed_account_cannot_sign_in_and_gets_the_link_again(client, use_smtp):
    sign_up(client)
    use_smtp.wait_for(1)
    client.logout()

    response = client.post(reverse("account_login"), {"login": "nowa.osoba@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_sign_up_refuses_a_weak_password_and_keeps_the_address(client):
    response = sign_up(client, password="12345")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'value="nowa.osoba@example.org"' in html
    assert not User.objects.filter(email="nowa.osoba@example.org").exists()


def test_sign_up_on_the_english_site_sets_english_as_the_preferred_language(
    client, use_smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/konto/signup/", {"email": "new.person@example.org", "password1": PASSWORD, "password2": PASSWORD}
        )

    assert User.objects.get(email="new.person@example.org").preferred_language == "en"
    [message] = use_smtp.wait_for(1)
    assert "/en/konto/confirm-email/" in message_text(message)


def test_the_sign_up_page_says_what_is_done_with_the_data_and_links_the_privacy_policy(client):
    page = client.get("/konto/signup/").content.decode()

    assert "tylko jego skrót" in page and "usunąć sam(a)" in page
    assert reverse("pages:page", args=["polityka-prywatnosci"]) in page


def test_the_english_sign_up_page_is_english(client):
    page = client.get("/en/konto/signup/").content.decode()

    assert "we keep only its hash" in page and "Already have an account?" in page and "Zarejestruj" not in page

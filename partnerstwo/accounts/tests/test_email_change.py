import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from conftest import PASSWORD
from partnerstwo.lib.testing import first_link, message_text

pytestmark = pytest.mark.django_db

NEW_EMAIL = "anna.nowy.adres@example.org"


def test_a_new_address_counts_only_after_its_owner_confirms_it(
    client, use_smtp, resident, django_capture_on_commit_callbacks
):
    old_email = resident.email
    client.force_login(resident)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_email"), {"action_add": "", "email": NEW_EMAIL})

    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.email == old_email
    assert not EmailAddress.objects.get(email=NEW_EMAIL).verified
    page = client.get(reverse("account_email")).content.decode()
    assert NEW_EMAIL in page and "czeka na potwierdzenie" in page

    [message] = use_smtp.wait_for(1)
    assert message["To"] == NEW_EMAIL
    path = first_link(message_text(message), "/konto/confirm-email/").removeprefix("http://testserver")
    client.post(path)

    resident.refresh_from_db()
    assert resident.email == NEW_EMAIL
    assert list(EmailAddress.objects.filter(user=resident).values_list("email", "verified", "primary")) == [
        (NEW_EMAIL, True, True)
    ]
    client.logout()
    assert client.post(reverse("account_login"), {"login": NEW_EMAIL, "password": PASSWORD}).status_code == 302
    client.logout()
    assert client.post(reverse("account_login"), {"login": old_email, "password": PASSWORD}).status_code == 200


def test_an_address_of_another_account_cannot_be_taken_over(
    client, use_smtp, resident, team_member, django_capture_on_commit_callbacks
):
    client.force_login(resident)

    # The page answers as for a free address, so nobody learns who has an account...
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_email"), {"action_add": "", "email": team_member.email})
    assert response.status_code == 302

    # ...but the address can never be confirmed for a second account.
    [message] = use_smtp.wait_for(1)
    path = first_link(message_text(message), "/konto/confirm-email/").removeprefix("http://testserver")
    page = client.get(path)
    assert "już potwierdzony" in page.content.decode() or not page.context["can_confirm"]
    client.post(path)
    resident.refresh_from_db()
    assert resident.email == "anna.mieszkanka@example.org"
    assert not EmailAddress.objects.filter(user=resident, email=team_member.email, verified=True).exists()
    assert EmailAddress.objects.get(email=team_member.email, verified=True).user == team_member


def test_the_pending_change_can_be_cancelled(client, use_smtp, resident):
    client.force_login(resident)
    client.post(reverse("account_email"), {"action_add": "", "email": NEW_EMAIL})

    client.post(reverse("account_email"), {"action_remove": "", "email": NEW_EMAIL})

    assert not EmailAddress.objects.filter(email=NEW_EMAIL).exists()


def test_a_stranger_is_sent_to_sign_in(client, db):
    response = client.get(reverse("account_email"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))

"""Personal data in a real browser: the privacy policy's generated part, the account page's download,
the deletion page, and an organisation's representative asked for the mailing consent on its profile."""

import json

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


def demo_user(email):
    from partnerstwo.accounts.models import User

    return User.objects.get(email=email)


@pytest.mark.parametrize("mode", list(MODES))
def test_the_privacy_policy_passes_axe_in_every_mode(open_in_mode, axe_violations, demo_data, mode):
    page = open_in_mode(mode)

    page.goto("/polityka-prywatnosci/")

    expect(page.get_by_role("heading", name="Dane w poszczególnych częściach serwisu")).to_be_visible()
    expect(page.get_by_role("heading", name="Mapa organizacji i podkład mapowy")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("mode", list(MODES))
def test_the_account_page_with_the_download_passes_axe_in_every_mode(open_in_mode, axe_violations, log_in,
                                                                     demo_data, mode):
    page = open_in_mode(mode)
    log_in(page.context, demo_user("mieszkaniec@example.org"))

    page.goto(reverse("accounts:profile"))

    expect(page.get_by_role("button", name="Pobierz moje dane (JSON)")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_the_download_is_a_json_file_of_the_persons_data(page, log_in, demo_data):
    log_in(page.context, demo_user("mieszkaniec@example.org"))
    page.goto(reverse("accounts:profile"))

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Pobierz moje dane (JSON)").click()

    download = download_info.value
    assert download.suggested_filename.startswith("partnerstwo-moje-dane-")
    data = json.loads(download.path().read_text(encoding="utf-8"))
    assert data["data"]["accounts"]["account"]["email"] == "mieszkaniec@example.org"


def test_the_deletion_page_says_what_stays_and_passes_axe(page, log_in, axe_violations, demo_data):
    log_in(page.context, demo_user("mieszkaniec@example.org"))

    page.goto(reverse("accounts:delete"))

    expect(page.get_by_text("Co zostaje i dlaczego:")).to_be_visible()
    assert axe_violations(page) == []


def test_a_representative_agrees_for_the_organisation_on_its_profile_with_the_keyboard(
    page, log_in, axe_violations, demo_data
):
    from partnerstwo.newsletter.models import ConsentRecord, Recipient
    from partnerstwo.organizations.models import Organization

    user = demo_user("organizacja@example.org")
    organization = Organization.objects.represented_by(user).exclude(confirmed_contact_email="").order_by("pk").first()
    log_in(page.context, user)

    page.goto(organization.get_absolute_url())
    question = page.get_by_role("heading", name="chce otrzymywać wiadomości e-mail?")
    expect(question).to_be_visible()
    consent = page.get_by_label("W imieniu organizacji wyrażam zgodę")
    expect(consent).not_to_be_checked()
    assert axe_violations(page) == []

    consent.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Zapisz odpowiedź").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_text("Zapisano zgodę i tematy wiadomości dla organizacji.")).to_be_visible()
    assert page.url.endswith(organization.get_absolute_url())
    expect(question).to_have_count(0)
    recipient = Recipient.objects.get(organization=organization)
    assert recipient.is_active
    assert ConsentRecord.objects.get(recipient=recipient, withdrawn_at=None).given_by == user

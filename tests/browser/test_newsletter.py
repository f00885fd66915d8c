"""The newsletter in a real browser: sign-up (empty, with errors, sent), confirmation, preferences
and unsubscribing, each checked with axe and used with the keyboard."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def subscriber(**fields):
    from partnerstwo.newsletter.models import Recipient

    recipient = Recipient.objects.create(email="ewa.nowak@example.org", **fields)
    recipient.topics.create(topic="grants")
    return recipient


def test_signing_up_with_the_keyboard_after_fixing_errors(page, demo_data, axe_violations):
    from partnerstwo.newsletter.models import Recipient

    page.goto(reverse("newsletter:subscribe"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Newsletter")
    expect(page.get_by_role("heading", name="Informacja o przetwarzaniu danych osobowych")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("textbox", name="Adres e-mail").fill("to nie adres")
    page.get_by_role("button", name="Zapisz mnie").click()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Formularz zawiera błędy")
    expect(page.get_by_role("link", name="Adres e-mail: Wpisz poprawny adres e-mail.")).to_be_visible()
    expect(page.locator("#id_topics_error")).to_contain_text("Wybierz co najmniej jeden temat.")
    expect(page.locator("#id_consent_error")).to_contain_text("Bez zgody")
    expect(page.get_by_role("textbox", name="Adres e-mail")).to_have_value("to nie adres")
    assert axe_violations(page) == []

    page.get_by_role("textbox", name="Adres e-mail").fill("ewa.nowak@example.org")
    page.get_by_label("konkursy dotacyjne").focus()
    page.keyboard.press("Space")
    page.get_by_label("Wyrażam zgodę").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Zapisz mnie").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Sprawdź skrzynkę e-mail")
    assert axe_violations(page) == []
    recipient = Recipient.objects.get(email="ewa.nowak@example.org")
    assert recipient.topic_set() == {"grants"}
    assert recipient.confirmed_at is None


def test_confirming_the_address_with_the_button(page, demo_data, axe_violations):
    from partnerstwo.newsletter.models import ConsentRecord

    recipient = subscriber()
    ConsentRecord.objects.create(recipient=recipient, email=recipient.email, text_version="1", text="Zgoda")

    page.goto(reverse("newsletter:confirm", args=[recipient.token]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Potwierdź zapis do newslettera")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Potwierdzam").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Zapis potwierdzony")
    assert axe_violations(page) == []
    recipient.refresh_from_db()
    assert recipient.is_active


def test_changing_preferences_by_link(page, demo_data, axe_violations):
    recipient = subscriber(confirmed_at=timezone.now())

    page.goto(reverse("newsletter:preferences", args=[recipient.token]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ustawienia newslettera")
    expect(page.get_by_label("konkursy dotacyjne")).to_be_checked()
    assert axe_violations(page) == []

    districts = page.locator("summary", has_text="osiedla")
    expect(districts).to_have_text("Pokaż osiedla", use_inner_text=True)
    districts.focus()
    page.keyboard.press("Enter")
    expect(districts).to_have_text("Ukryj osiedla", use_inner_text=True)  # the toggle says what it will do next
    page.get_by_label("Bojary").focus()
    page.keyboard.press("Space")
    page.get_by_label("szkolenia").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Zapisz ustawienia").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text("Zapisano ustawienia")
    assert axe_violations(page) == []
    recipient.refresh_from_db()
    assert recipient.topic_set() == {"grants", "trainings"}
    assert [d.name for d in recipient.districts.all()] == ["Bojary"]


def test_unsubscribing_with_the_button_and_the_way_back(page, demo_data, axe_violations):
    recipient = subscriber(confirmed_at=timezone.now())

    page.goto(reverse("newsletter:unsubscribe", args=[recipient.token]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wypisanie z newslettera")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Wypisz mnie").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Wypisano z newslettera")
    assert axe_violations(page) == []
    recipient.refresh_from_db()
    assert recipient.unsubscribed_at is not None

    page.get_by_role("link", name="Zapisz się ponownie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ustawienia newslettera")
    assert axe_violations(page) == []


def test_an_old_link_shows_a_clear_page(page, demo_data, axe_violations):
    page.goto(reverse("newsletter:unsubscribe", args=["stary-link"]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Link jest nieważny")
    assert axe_violations(page) == []


def test_a_representative_chooses_what_the_organisation_receives(page, demo_data, axe_violations, log_in):
    from partnerstwo.accounts.models import User
    from partnerstwo.organizations.models import Organization, Representation

    organization = Organization.objects.filter(is_published=True).exclude(email="").order_by("pk").first()
    organization.confirmed_contact_email = organization.email
    organization.contact_email_confirmed_at = timezone.now()
    organization.save()
    user = User.objects.get(email="organizacja@example.org")
    Representation.objects.get_or_create(user=user, organization=organization,
                                         defaults={"status": Representation.Status.APPROVED})
    log_in(page.context, user)

    page.goto(reverse("newsletter:organization", args=[organization.slug]))
    consent = page.get_by_label("W imieniu organizacji wyrażam zgodę")
    expect(consent).not_to_be_checked()  # nobody agreed for it yet: no pre-ticked consent
    assert axe_violations(page) == []

    consent.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Zapisz ustawienia").click()

    expect(page.get_by_label("W imieniu organizacji wyrażam zgodę")).to_be_checked()
    assert axe_violations(page) == []

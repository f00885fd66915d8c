"""Registering for an event in a real browser: axe on the form (empty and with errors), the captcha, the
"check your mailbox" page, the confirmation link's page, the waiting list, and cancelling with the link
from the e-mail, with the keyboard; a signed-in person registers at once."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def full_training(transactional_db, settings):
    from partnerstwo.events.models import EventKind, RegistrationMode
    from partnerstwo.events.tests import factories

    settings.ALTCHA_COST = 20  # the widget solves it at once
    occurrence = factories.occurrence(factories.event(
        title="Szkolenie: jak napisać ofertę", kind=EventKind.TRAINING,
        registration_mode=RegistrationMode.HERE, capacity=1,
    ))
    factories.registration(occurrence, name="Pierwsza Osoba", email="pierwsza@example.org")
    return occurrence


def test_the_registration_form_is_accessible_empty_and_with_errors(page, full_training, axe_violations):
    page.goto(reverse("registrations:register", args=[full_training.pk]))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Szkolenie: jak napisać ofertę")
    expect(page.get_by_role("checkbox", name="Nie jestem robotem")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_label("Adres e-mail").fill("to nie jest adres")
    page.get_by_role("button", name="Zapisz mnie na listę rezerwową").click()
    # The summary links to the field; the same message stands next to it.
    expect(page.get_by_role("link", name="Adres e-mail: Wpisz poprawny adres e-mail")).to_be_visible()
    expect(page.locator("#id_email_error")).to_contain_text("Wpisz poprawny adres e-mail")
    expect(page.get_by_label("Adres e-mail")).to_have_value("to nie jest adres")
    expect(page.locator("#id_altcha_error")).to_contain_text("Nie jestem robotem")
    assert axe_violations(page) == []


def test_joining_the_waiting_list_confirming_by_the_link_then_cancelling(page, full_training, axe_violations):
    from partnerstwo.events import registration
    from partnerstwo.events.models import Registration

    page.goto(reverse("registrations:register", args=[full_training.pk]))
    page.get_by_label("Imię i nazwisko").fill("Ewa Nowak")
    page.get_by_label("Adres e-mail").fill("ewa@example.org")
    page.get_by_label("Zgadzam się na przetwarzanie").focus()
    page.keyboard.press("Space")
    page.get_by_role("checkbox", name="Nie jestem robotem").check()
    page.wait_for_function("() => document.querySelector('input[name=altcha]')?.value", timeout=15_000)
    page.get_by_role("button", name="Zapisz mnie na listę rezerwową").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Sprawdź skrzynkę e-mail")
    assert axe_violations(page) == []

    held = Registration.objects.get(email="ewa@example.org")
    assert held.status == "unconfirmed"
    page.goto(reverse("registrations:confirm", args=[registration.confirm_token(held)]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Potwierdź zapis na wydarzenie")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Potwierdzam zapis").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jesteś na liście rezerwowej")
    assert axe_violations(page) == []

    waiting = Registration.objects.get(email="ewa@example.org")
    assert waiting.status == "waiting"
    page.goto(reverse("registrations:cancel", args=[registration.cancel_token(waiting)]))
    assert axe_violations(page) == []
    page.get_by_role("button", name="Rezygnuję z udziału").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zrezygnowano z udziału")
    assert axe_violations(page) == []


def test_an_expired_confirmation_link_says_so_accessibly(page, full_training, axe_violations):
    response = page.goto(reverse("registrations:confirm", args=["nieznany-link"]))
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Link potwierdzający wygasł")
    assert axe_violations(page) == []


def test_a_signed_in_resident_registers_at_once_without_the_captcha(new_context, log_in, full_training,
                                                                    axe_violations, resident):
    from partnerstwo.events.models import Registration

    full_training.registrations.all().delete()
    context = new_context()
    log_in(context, resident)
    page = context.new_page()
    page.goto(reverse("registrations:register", args=[full_training.pk]))
    expect(page.locator("[data-captcha]")).to_have_count(0)
    assert axe_violations(page) == []
    page.get_by_label("Zgadzam się na przetwarzanie").check()
    page.get_by_role("button", name="Zapisz mnie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zapisano Cię na wydarzenie")
    assert Registration.objects.get(user=resident).status == "confirmed"


@pytest.mark.parametrize("mode", ["default", "high-contrast", "largest-text", "phone-390px"])
def test_the_persons_own_registrations_with_the_waiting_place_in_every_mode(open_in_mode, log_in, full_training,
                                                                          axe_violations, resident, mode):
    from partnerstwo.events import registration

    registration.register(occurrence=full_training, name="Anna", email=resident.email, user=resident,
                          confirmed=True)
    page = open_in_mode(mode)
    log_in(page.context, resident)
    page.goto(reverse("accounts:profile"))
    page.get_by_role("link", name="Moje zapisy na wydarzenia").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Moje zapisy na wydarzenia")
    expect(page.get_by_text("Lista rezerwowa, miejsce 1")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Zrezygnuj").click()
    expect(page.get_by_role("button", name="Rezygnuję z udziału")).to_be_visible()

"""Registering for an event in a real browser: axe on the form (empty and with errors), the waiting
list, and cancelling with the link from the e-mail, all with the keyboard."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def full_training(transactional_db):
    from partnerstwo.events.models import EventKind, RegistrationMode
    from partnerstwo.events.tests import factories

    occurrence = factories.occurrence(factories.event(
        title="Szkolenie: jak napisać ofertę", kind=EventKind.TRAINING,
        registration_mode=RegistrationMode.HERE, capacity=1,
    ))
    factories.registration(occurrence, name="Pierwsza Osoba", email="pierwsza@example.org")
    return occurrence


def test_the_registration_form_is_accessible_empty_and_with_errors(page, full_training, axe_violations):
    page.goto(reverse("registrations:register", args=[full_training.pk]))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Szkolenie: jak napisać ofertę")
    assert axe_violations(page) == []

    page.get_by_label("Adres e-mail").fill("to nie jest adres")
    page.get_by_role("button", name="Zapisz mnie na listę rezerwową").click()
    # The summary links to the field; the same message stands next to it.
    expect(page.get_by_role("link", name="Adres e-mail: Wpisz poprawny adres e-mail")).to_be_visible()
    expect(page.locator("#id_email_error")).to_contain_text("Wpisz poprawny adres e-mail")
    expect(page.get_by_label("Adres e-mail")).to_have_value("to nie jest adres")
    assert axe_violations(page) == []


def test_joining_the_waiting_list_with_the_keyboard_then_cancelling(page, full_training, axe_violations):
    from partnerstwo.events import registration
    from partnerstwo.events.models import Registration

    page.goto(reverse("registrations:register", args=[full_training.pk]))
    page.get_by_label("Imię i nazwisko").fill("Ewa Nowak")
    page.get_by_label("Adres e-mail").fill("ewa@example.org")
    page.get_by_label("Zgadzam się na przetwarzanie").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Zapisz mnie na listę rezerwową").focus()
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

"""Registering through the pages: the address confirmed by a link before the place is taken, the e-mails
with the .ics, and cancelling with the signed link."""

import json

import icalendar
import pytest
from django.conf import settings
from django.core import signing
from django.urls import reverse

from partnerstwo.events import registration
from partnerstwo.events.models import Registration, RegistrationMode
from partnerstwo.events.tests import factories
from partnerstwo.lib.testing import first_link, message_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def occurrence():
    return factories.occurrence(factories.event(
        title="Szkolenie z księgowości", kind="training", registration_mode=RegistrationMode.HERE, capacity=1,
    ))


@pytest.fixture
def post(client, solve, django_capture_on_commit_callbacks):
    def send(occurrence, **data):
        values = {"name": "Jan Kowalski", "email": "jan@example.org", "organization": "", "needs": "",
                  "consent": "on", "altcha": solve()}
        values.update(data)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("registrations:register", args=[occurrence.pk]), values)

    return send


@pytest.fixture
def register_and_confirm(client, post, use_smtp, django_capture_on_commit_callbacks):
    """Registers, then follows the link from the e-mail; returns the page shown after confirming."""

    def run(occurrence, **data):
        before = len(use_smtp.messages)
        assert post(occurrence, **data).status_code == 302
        request = use_smtp.wait_for(before + 1)[before]
        link = local_path(first_link(message_text(request), "/zapisy/potwierdz/"))
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(link)

    return run


def local_path(link: str) -> str:
    return link.removeprefix(settings.SITE_URL)


def attachment(mail, filename="wydarzenie.ics"):
    for part in mail.iter_attachments():
        if part.get_filename() == filename:
            return part.get_content()
    return None


def test_the_form_shows_the_event_the_places_every_labelled_field_and_the_captcha(client, occurrence):
    page = client.get(reverse("registrations:register", args=[occurrence.pk])).content.decode()
    assert "Szkolenie z księgowości" in page
    assert "Zostało 1 wolne miejsce" in page
    for field in ("name", "email", "organization", "needs", "consent"):
        assert f'for="id_{field}"' in page
    assert "data-captcha" in page and "js/captcha.js" in page
    assert reverse("pages:page", args=["polityka-prywatnosci"]) in page


def test_the_place_is_held_until_the_address_is_confirmed_by_the_link_then_confirmed_with_the_ics(
    client, occurrence, post, use_smtp, django_capture_on_commit_callbacks
):
    response = post(occurrence, needs="Dostęp dla wózka", name="Jan Kowalski")
    assert response.status_code == 302
    assert response["Location"] == reverse("registrations:check_mailbox", args=[occurrence.pk])
    assert "Sprawdź skrzynkę e-mail" in client.get(response["Location"]).content.decode()

    held = Registration.objects.get()
    assert (held.status, held.holds_place, held.needs) == ("unconfirmed", True, "Dostęp dla wózka")
    assert registration.places_left(occurrence) == 0

    [request] = use_smtp.wait_for(1)
    assert request["X-Envelope-To"] == "jan@example.org"
    assert "Potwierdź zapis" in request["Subject"]
    text = message_text(request)
    assert "„Jan Kowalski”" in text  # who asked
    assert "/zapisy/rezygnacja/" not in text and attachment(request) is None
    link = local_path(first_link(text, "/zapisy/potwierdz/"))

    # Opening the link (as a mail scanner would) shows a button and confirms nothing.
    page = client.get(link)
    assert page.status_code == 200 and "Potwierdzam zapis" in page.content.decode()
    assert Registration.objects.get().status == "unconfirmed"

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link)
    assert "Zapisano Cię na wydarzenie" in done.content.decode()
    saved = Registration.objects.get()
    assert (saved.status, saved.holds_place, saved.hold_expires_at) == ("confirmed", False, None)

    [_, mail] = use_smtp.wait_for(2)
    assert "Potwierdzenie zapisu" in mail["Subject"]
    calendar = icalendar.Calendar.from_ical(attachment(mail))
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["uid"]) == f"{occurrence.event.uid}@partnerstwo"
    assert vevent.decoded("dtstart") == occurrence.starts_at
    assert str(vevent["summary"]) == "Szkolenie z księgowości"
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Warsaw"
    assert first_link(message_text(mail), "/zapisy/rezygnacja/")

    # The link used again shows the result and sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(link)
    assert again.status_code == 200 and "Zapisano Cię na wydarzenie" in again.content.decode()
    assert len(use_smtp.messages) == 2


def test_a_link_followed_after_the_hold_ran_out_finds_the_registration_released(
    client, occurrence, post, use_smtp, fixed_clock, settings, django_capture_on_commit_callbacks
):
    settings.EVENT_REGISTRATION_HOLD_MINUTES = 30
    post(occurrence)
    link = local_path(first_link(message_text(use_smtp.wait_for(1)[0]), "/zapisy/potwierdz/"))
    fixed_clock.shift(31 * 60)
    assert registration.places_left(occurrence) == 1  # an expired hold holds nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert response.status_code == 410 and "Link potwierdzający wygasł" in response.content.decode()
    assert not Registration.objects.exists()
    assert client.get(link).status_code == 404
    assert len(use_smtp.messages) == 1


def test_a_signed_in_person_with_a_confirmed_address_registers_at_once_without_the_captcha(
    client, occurrence, resident, use_smtp, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    form = client.get(reverse("registrations:register", args=[occurrence.pk])).content.decode()
    assert "data-captcha" not in form and resident.email in form and 'name="email"' not in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("registrations:register", args=[occurrence.pk]), {
            "name": "Anna Mieszkańska", "consent": "on", "email": "ktos.inny@example.org",
        })
    assert response.status_code == 302
    assert "Zapisano Cię na wydarzenie" in client.get(response["Location"]).content.decode()
    saved = Registration.objects.get()
    assert (saved.status, saved.email, saved.user) == ("confirmed", resident.email, resident)
    [mail] = use_smtp.wait_for(1)
    assert "Potwierdzenie zapisu" in mail["Subject"] and mail["X-Envelope-To"] == resident.email


def test_a_signed_in_person_whose_address_is_unconfirmed_confirms_it_like_anyone(client, occurrence, resident):
    resident.emailaddress_set.update(verified=False)
    client.force_login(resident)
    form = client.get(reverse("registrations:register", args=[occurrence.pk])).content.decode()
    assert "data-captcha" in form and 'name="email"' in form


def test_without_the_captcha_nothing_is_registered_and_nobody_is_mailed(client, occurrence, post, use_smtp):
    response = post(occurrence, altcha="")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nie jestem robotem" in page and 'value="jan@example.org"' in page
    assert not Registration.objects.exists()
    assert use_smtp.messages == []


def test_a_full_event_puts_the_person_on_the_waiting_list_once_confirmed(
    client, occurrence, register_and_confirm, use_smtp
):
    factories.registration(occurrence, email="pierwsza@example.org")
    form = client.get(reverse("registrations:register", args=[occurrence.pk])).content.decode()
    assert "Wszystkie miejsca są zajęte" in form and "listę rezerwową" in form

    page = register_and_confirm(occurrence)
    assert "Jesteś na liście rezerwowej" in page.content.decode()
    mail = use_smtp.wait_for(2)[1]
    assert "Lista rezerwowa" in mail["Subject"]
    assert attachment(mail) is None


def test_cancelling_by_the_link_asks_first_then_moves_the_first_waiting_person_up_who_is_told(
    client, occurrence, register_and_confirm, use_smtp, django_capture_on_commit_callbacks
):
    register_and_confirm(occurrence, email="pierwsza@example.org")
    register_and_confirm(occurrence, email="druga@example.org", name="Ewa Nowak")
    confirmation = use_smtp.wait_for(4)[1]
    link = local_path(first_link(message_text(confirmation), "/zapisy/rezygnacja/"))

    # Opening the link (as a mail scanner would) shows a button and cancels nothing.
    page = client.get(link)
    assert page.status_code == 200 and "Rezygnuję z udziału" in page.content.decode()
    assert Registration.objects.get(email="pierwsza@example.org").status == "confirmed"

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link)
    assert "Wycofaliśmy Twoje zgłoszenie" in done.content.decode()
    assert Registration.objects.get(email="pierwsza@example.org").status == "cancelled"
    assert Registration.objects.get(email="druga@example.org").status == "confirmed"

    moved_up = use_smtp.wait_for(5)[4]
    assert moved_up["X-Envelope-To"] == "druga@example.org"
    assert "Masz miejsce" in moved_up["Subject"]
    assert "Ewa Nowak" in message_text(moved_up)
    assert icalendar.Calendar.from_ical(attachment(moved_up)).walk("VEVENT")

    # The link used again: a clear page, nothing changes, nobody else is mailed.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(link)
    assert again.status_code == 200 and "już wcześniej wycofane" in again.content.decode()
    assert client.get(link).status_code == 200
    assert len(use_smtp.messages) == 5


@pytest.mark.parametrize("token", ["zmyslony", "a" * 400, "W3sxLCJ4QHkifV0:1:abc", "%00", "1:2:3:4"])
def test_a_forged_cancel_or_confirmation_link_shows_a_clear_page_and_changes_nothing(client, occurrence, token):
    mine = factories.registration(occurrence, email="jan@example.org")
    for method in (client.get, client.post):
        response = method(f"/zapisy/rezygnacja/{token}/")
        assert response.status_code == 404
        assert "Link jest nieważny" in response.content.decode()
        response = method(f"/zapisy/potwierdz/{token}/")
        assert response.status_code == 404
        assert "Link potwierdzający wygasł" in response.content.decode()
    mine.refresh_from_db()
    assert mine.status == "confirmed"


def test_a_cancel_link_altered_to_name_another_registration_is_refused(client, occurrence):
    mine = factories.registration(occurrence, email="jan@example.org")
    other = factories.registration(occurrence, email="ewa@example.org")
    payload, timestamp, signature = registration.cancel_token(mine).split(":")
    other_payload = signing.b64_encode(json.dumps([other.pk, other.email], separators=(",", ":")).encode())
    forged = f"{other_payload.decode()}:{timestamp}:{signature}"
    assert forged != registration.cancel_token(mine)
    assert client.post(reverse("registrations:cancel", args=[forged])).status_code == 404
    other.refresh_from_db()
    assert other.status == "confirmed"


def test_a_cancel_link_does_not_confirm_an_address(client, occurrence):
    held = registration.register(occurrence=occurrence, name="Jan", email="jan@example.org", confirmed=False)
    response = client.post(reverse("registrations:confirm", args=[registration.cancel_token(held)]))
    assert response.status_code == 404
    held.refresh_from_db()
    assert held.status == "unconfirmed"


def test_a_repeating_event_mails_only_the_chosen_date(register_and_confirm, use_smtp):
    event = factories.event(registration_mode=RegistrationMode.HERE, rrule="FREQ=WEEKLY;COUNT=4")
    second = event.occurrences.order_by("starts_at")[1]
    register_and_confirm(second)
    [vevent] = icalendar.Calendar.from_ical(attachment(use_smtp.wait_for(2)[1])).walk("VEVENT")
    assert "RRULE" not in vevent
    assert vevent.decoded("dtstart") == second.starts_at
    assert str(vevent["uid"]).startswith(str(event.uid)) and str(vevent["uid"]) != f"{event.uid}@partnerstwo"

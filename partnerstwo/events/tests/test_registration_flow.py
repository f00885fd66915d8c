"""Registering through the pages, the e-mails with the .ics, and cancelling with the signed link."""

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


def post(client, occurrence, capture, **data):
    values = {"name": "Jan Kowalski", "email": "jan@example.org", "organization": "", "needs": "", "consent": "on"}
    values.update(data)
    with capture(execute=True):
        return client.post(reverse("registrations:register", args=[occurrence.pk]), values)


def local_path(link: str) -> str:
    return link.removeprefix(settings.SITE_URL)


def attachment(mail, filename="wydarzenie.ics"):
    for part in mail.iter_attachments():
        if part.get_filename() == filename:
            return part.get_content()
    return None


def test_the_form_shows_the_event_the_places_and_every_labelled_field(client, occurrence):
    page = client.get(reverse("registrations:register", args=[occurrence.pk])).content.decode()
    assert "Szkolenie z księgowości" in page
    assert "Zostało 1 wolne miejsce" in page
    for field in ("name", "email", "organization", "needs", "consent"):
        assert f'for="id_{field}"' in page
    assert reverse("pages:page", args=["polityka-prywatnosci"]) in page


def test_a_registration_confirms_the_place_and_mails_the_ics_and_a_cancel_link(
    client, occurrence, use_smtp, django_capture_on_commit_callbacks
):
    response = post(client, occurrence, django_capture_on_commit_callbacks, needs="Dostęp dla wózka")
    assert response.status_code == 302
    result = client.get(response["Location"]).content.decode()
    assert "Zapisano Cię na wydarzenie" in result and "jan@example.org" in result

    saved = Registration.objects.get()
    assert (saved.status, saved.needs, saved.consent_at is not None) == ("confirmed", "Dostęp dla wózka", True)

    [mail] = use_smtp.wait_for(1)
    assert mail["X-Envelope-To"] == "jan@example.org"
    assert "Potwierdzenie zapisu" in mail["Subject"]
    calendar = icalendar.Calendar.from_ical(attachment(mail))
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["uid"]) == f"{occurrence.event.uid}@partnerstwo"
    assert vevent.decoded("dtstart") == occurrence.starts_at
    assert str(vevent["summary"]) == "Szkolenie z księgowości"
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Warsaw"
    assert first_link(message_text(mail), "/zapisy/rezygnacja/")


def test_a_full_event_puts_the_person_on_the_waiting_list_and_says_so(
    client, occurrence, use_smtp, django_capture_on_commit_callbacks
):
    factories.registration(occurrence, email="pierwsza@example.org")
    form = client.get(reverse("registrations:register", args=[occurrence.pk])).content.decode()
    assert "Wszystkie miejsca są zajęte" in form and "listę rezerwową" in form

    response = post(client, occurrence, django_capture_on_commit_callbacks)
    assert "Jesteś na liście rezerwowej" in client.get(response["Location"]).content.decode()
    [mail] = use_smtp.wait_for(1)
    assert "Lista rezerwowa" in mail["Subject"]
    assert attachment(mail) is None


def test_cancelling_by_the_link_asks_first_then_moves_the_first_waiting_person_up_who_is_told(
    client, occurrence, use_smtp, django_capture_on_commit_callbacks
):
    post(client, occurrence, django_capture_on_commit_callbacks, email="pierwsza@example.org")
    post(client, occurrence, django_capture_on_commit_callbacks, email="druga@example.org", name="Ewa Nowak")
    confirmation = use_smtp.wait_for(2)[0]
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

    moved_up = use_smtp.wait_for(3)[2]
    assert moved_up["X-Envelope-To"] == "druga@example.org"
    assert "Masz miejsce" in moved_up["Subject"]
    assert "Ewa Nowak" in message_text(moved_up)
    assert icalendar.Calendar.from_ical(attachment(moved_up)).walk("VEVENT")

    # The link used again: a clear page, nothing changes, nobody else is mailed.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(link)
    assert again.status_code == 200 and "już wcześniej wycofane" in again.content.decode()
    assert client.get(link).status_code == 200
    assert len(use_smtp.messages) == 3


@pytest.mark.parametrize("token", ["zmyslony", "a" * 400, "W3sxLCJ4QHkifV0:1:abc", "%00", "1:2:3:4"])
def test_a_forged_cancel_link_shows_a_clear_page_and_changes_nothing(client, occurrence, token):
    mine = factories.registration(occurrence, email="jan@example.org")
    for method in (client.get, client.post):
        response = method(f"/zapisy/rezygnacja/{token}/")
        assert response.status_code == 404
        assert "Link jest nieważny" in response.content.decode()
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


def test_a_repeating_event_mails_only_the_chosen_date(client, use_smtp, django_capture_on_commit_callbacks):
    event = factories.event(registration_mode=RegistrationMode.HERE, rrule="FREQ=WEEKLY;COUNT=4")
    second = event.occurrences.order_by("starts_at")[1]
    post(client, second, django_capture_on_commit_callbacks)
    [vevent] = icalendar.Calendar.from_ical(attachment(use_smtp.wait_for(1)[0])).walk("VEVENT")
    assert "RRULE" not in vevent
    assert vevent.decoded("dtstart") == second.starts_at
    assert str(vevent["uid"]).startswith(str(event.uid)) and str(vevent["uid"]) != f"{event.uid}@partnerstwo"

"""The registration form: errors next to the fields in Polish, typed text kept, closed and unknown dates."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.events.models import EventStatus, Registration, RegistrationMode
from partnerstwo.events.tests import factories
from partnerstwo.organizations.tests import factories as directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def occurrence():
    return factories.occurrence(factories.event(registration_mode=RegistrationMode.HERE, capacity=10))


def url(occurrence):
    return reverse("registrations:register", args=[occurrence.pk])


BASE = {"name": "Jan Kowalski", "email": "jan@example.org", "organization": "", "needs": "", "consent": "on"}


@pytest.fixture
def valid(solve):
    """A complete submission; each call solves a fresh captcha."""

    def build(**overrides):
        return {**BASE, "altcha": solve(), **overrides}

    return build


def test_missing_fields_are_explained_next_to_them_and_the_typed_text_stays(client, occurrence):
    response = client.post(url(occurrence), {"name": "", "email": "to-nie-adres", "needs": "Pętla indukcyjna"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Podaj imię i nazwisko." in page
    assert "Wpisz poprawny adres e-mail" in page
    assert "Zaznacz zgodę na przetwarzanie danych" in page
    assert 'value="to-nie-adres"' in page and "Pętla indukcyjna" in page
    assert not Registration.objects.exists()


def test_an_organisation_is_matched_by_its_name_in_the_directory(client, occurrence, valid):
    org = directory.organization("Fundacja Alfa", short_name="Alfa")
    client.post(url(occurrence), valid(organization="  fundacja   alfa "))
    client.post(url(occurrence), valid(email="ewa@example.org", organization="ALFA"))
    assert list(Registration.objects.values_list("organization", flat=True)) == [org.pk, org.pk]


def test_an_unknown_organisation_name_is_refused_with_a_clear_message(client, occurrence, valid):
    response = client.post(url(occurrence), valid(organization="Klub Nieistniejący"))
    page = response.content.decode()
    assert "Nie znaleźliśmy w katalogu organizacji o nazwie „Klub Nieistniejący”" in page
    assert not Registration.objects.exists()


def test_an_unpublished_organisation_is_not_offered(client, occurrence, valid):
    directory.organization("Fundacja Ukryta", is_published=False)
    response = client.post(url(occurrence), valid(organization="Fundacja Ukryta"))
    assert "Nie znaleźliśmy" in response.content.decode()


def test_a_second_registration_with_the_same_address_answers_as_the_first_and_tells_the_owner_by_email(
    client, occurrence, valid, use_smtp, django_capture_on_commit_callbacks
):
    factories.registration(occurrence, email="jan@example.org", name="Jan Kowalski")
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url(occurrence), valid(name="Ktoś Inny", email="JAN@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url(occurrence), valid(name="Ewa Nowak", email="ewa@example.org"))
    assert again.status_code == first.status_code == 302
    assert again["Location"] == first["Location"]
    page = client.get(again["Location"]).content.decode()
    assert "Sprawdź skrzynkę" in page and "Ten adres e-mail jest już zapisany" not in page
    assert Registration.objects.filter(email="jan@example.org").count() == 1

    messages = {m["X-Envelope-To"]: m for m in use_smtp.wait_for(2)}
    assert "Jesteś już zapisany" in messages["jan@example.org"]["Subject"]
    assert "Potwierdź zapis" in messages["ewa@example.org"]["Subject"]


def test_an_address_still_unconfirmed_gets_only_its_confirmation_request_again(
    client, occurrence, valid, use_smtp, django_capture_on_commit_callbacks
):
    for name in ("Jan Kowalski", "Ktoś Inny"):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url(occurrence), valid(name=name)).status_code == 302
    messages = use_smtp.wait_for(2)
    assert [m["X-Envelope-To"] for m in messages] == ["jan@example.org", "jan@example.org"]
    assert all("Potwierdź zapis" in m["Subject"] for m in messages)
    assert Registration.objects.get().status == "unconfirmed"


def test_a_past_date_shows_that_registration_is_closed(client):
    occurrence = factories.occurrence(factories.event(
        registration_mode=RegistrationMode.HERE, starts_at=timezone.now() - datetime.timedelta(days=1),
    ))
    for method in (client.get, client.post):
        response = method(url(occurrence), BASE)
        assert response.status_code == 410
        assert "Zapisy są zamknięte" in response.content.decode()
    assert not Registration.objects.exists()


def test_a_date_past_its_deadline_is_closed(client):
    occurrence = factories.occurrence(factories.event(
        registration_mode=RegistrationMode.HERE, registration_deadline=timezone.now() - datetime.timedelta(hours=1),
    ))
    assert client.get(url(occurrence)).status_code == 410


@pytest.mark.parametrize("status", [EventStatus.DRAFT, EventStatus.PENDING, EventStatus.RETURNED])
def test_an_unpublished_event_has_no_registration_page(client, status):
    occurrence = factories.occurrence(factories.event(registration_mode=RegistrationMode.HERE, status=status))
    assert client.get(url(occurrence)).status_code == 404


def test_an_unknown_date_is_not_found(client):
    assert client.get(reverse("registrations:register", args=[999999])).status_code == 404


def test_registrations_from_one_address_are_limited_and_the_typed_text_kept(client, occurrence, settings, valid):
    settings.EVENT_REGISTRATION_RATE_LIMIT = "2/h"
    for n in range(2):
        assert client.post(url(occurrence), valid(email=f"osoba{n}@example.org")).status_code == 302
    response = client.post(url(occurrence), valid(email="trzecia@example.org"))
    assert response.status_code == 429
    page = response.content.decode()
    assert "zbyt wiele zgłoszeń" in page and 'value="trzecia@example.org"' in page
    assert Registration.objects.count() == 2


@pytest.mark.parametrize("value", ["\x00", "Jan\x00Kowalski", "ż" * 5000, "<script>alert(1)</script>"])
def test_hostile_input_never_causes_a_server_error_nor_is_reflected_unescaped(client, occurrence, value):
    data = {"name": value, "email": value, "organization": value, "needs": value, "consent": value}
    response = client.post(url(occurrence), data)
    assert response.status_code in (200, 302)
    assert "<script>alert(1)</script>" not in response.content.decode()

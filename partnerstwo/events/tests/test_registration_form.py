"""The registration form: errors next to the fields in Polish, typed text kept, closed and unknown dates."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.events.models import EventStatus, Registration, RegistrationMode
from partnerstwo.events.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def occurrence():
    return factories.occurrence(factories.event(registration_mode=RegistrationMode.HERE, capacity=10))


def url(occurrence):
    return reverse("registrations:register", args=[occurrence.pk])


VALID = {"name": "Jan Kowalski", "email": "jan@example.org", "organization": "", "needs": "", "consent": "on"}


def test_missing_fields_are_explained_next_to_them_and_the_typed_text_stays(client, occurrence):
    response = client.post(url(occurrence), {"name": "", "email": "to-nie-adres", "needs": "Pętla indukcyjna"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Podaj imię i nazwisko." in page
    assert "Wpisz poprawny adres e-mail" in page
    assert "Zaznacz zgodę na przetwarzanie danych" in page
    assert 'value="to-nie-adres"' in page and "Pętla indukcyjna" in page
    assert not Registration.objects.exists()


def test_an_organisation_is_matched_by_its_name_in_the_directory(client, occurrence):
    org = factories.organization("Fundacja Alfa", short_name="Alfa")
    client.post(url(occurrence), {**VALID, "organization": "  fundacja   alfa "})
    client.post(url(occurrence), {**VALID, "email": "ewa@example.org", "organization": "ALFA"})
    assert list(Registration.objects.values_list("organization", flat=True)) == [org.pk, org.pk]


def test_an_unknown_organisation_name_is_refused_with_a_clear_message(client, occurrence):
    response = client.post(url(occurrence), {**VALID, "organization": "Klub Nieistniejący"})
    page = response.content.decode()
    assert "Nie znaleźliśmy w katalogu organizacji o nazwie „Klub Nieistniejący”" in page
    assert not Registration.objects.exists()


def test_an_unpublished_organisation_is_not_offered(client, occurrence):
    factories.directory_factory.organization("Fundacja Ukryta", is_published=False)
    response = client.post(url(occurrence), {**VALID, "organization": "Fundacja Ukryta"})
    assert "Nie znaleźliśmy" in response.content.decode()


def test_a_second_registration_with_the_same_address_is_refused_next_to_the_address(client, occurrence):
    client.post(url(occurrence), VALID)
    response = client.post(url(occurrence), {**VALID, "name": "Ktoś Inny"})
    page = response.content.decode()
    assert "Ten adres e-mail jest już zapisany na ten termin" in page
    assert 'id="id_email_error"' in page
    assert Registration.objects.count() == 1


def test_a_past_date_shows_that_registration_is_closed(client):
    occurrence = factories.occurrence(factories.event(
        registration_mode=RegistrationMode.HERE, starts_at=timezone.now() - datetime.timedelta(days=1),
    ))
    for method in (client.get, client.post):
        response = method(url(occurrence), VALID)
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


def test_registrations_from_one_address_are_limited_and_the_typed_text_kept(client, occurrence, settings):
    settings.EVENT_REGISTRATION_RATE_LIMIT = "2/h"
    for n in range(2):
        assert client.post(url(occurrence), {**VALID, "email": f"osoba{n}@example.org"}).status_code == 302
    response = client.post(url(occurrence), {**VALID, "email": "trzecia@example.org"})
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

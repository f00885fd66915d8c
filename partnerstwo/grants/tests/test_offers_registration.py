"""Officials of the competition's department register offers: an organisation from the directory and the PDF."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.tests import factories
from partnerstwo.organizations.tests import factories as directory


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def competition(department_x):
    return factories.competition(department=department_x, status=Competition.Status.ACCEPTING)


def form(organization, **extra):
    values = {
        "organization": organization,
        "title": "Półkolonie dla dzieci z osiedla Dojlidy",
        "requested_amount": "18500.50",
        "received_on": "2026-11-20",
        "file": SimpleUploadedFile("oferta.pdf", factories.PDF_BYTES, content_type="application/pdf"),
    }
    values.update(extra)
    return values


def new_url(competition):
    return reverse("panel:grants_panel:committee_offer_new", args=[competition.slug])


def test_an_official_registers_an_offer_of_an_organisation_found_by_name(client, official_x, competition):
    alfa = directory.organization("Fundacja Alfa Dzieciom")
    client.force_login(official_x)
    response = client.post(new_url(competition), form("alfa dzieciom"))
    assert response.status_code == 302
    offer = Offer.objects.get()
    assert (offer.organization, offer.requested_amount, offer.received_on) == (
        alfa, Decimal("18500.50"), datetime.date(2026, 11, 20)
    )
    assert offer.registered_by == official_x
    assert offer.file.read().startswith(b"%PDF-")


def test_an_organisation_may_be_given_by_its_krs_number(client, official_x, competition):
    alfa = directory.organization("Fundacja Alfa")
    client.force_login(official_x)
    client.post(new_url(competition), form(alfa.krs))
    assert Offer.objects.get().organization == alfa


def test_several_matching_organisations_give_a_clear_error_listing_them(client, official_x, competition):
    directory.organization("Fundacja Sportowa Orlik")
    directory.organization("Fundacja Sportowa Jagiellonia")
    client.force_login(official_x)
    page = client.post(new_url(competition), form("fundacja sportowa")).content.decode()
    assert "Pasuje kilka organizacji" in page
    assert "Orlik" in page and "Jagiellonia" in page
    assert not Offer.objects.exists()


def test_an_unknown_organisation_is_reported(client, official_x, competition):
    client.force_login(official_x)
    page = client.post(new_url(competition), form("Nieistniejące Towarzystwo")).content.decode()
    assert "nie znaleziono organizacji" in page


def test_a_file_that_is_not_a_pdf_is_refused(client, official_x, competition):
    directory.organization("Fundacja Alfa")
    client.force_login(official_x)
    fake = SimpleUploadedFile("oferta.pdf", b"MZ not a pdf", content_type="application/pdf")
    page = client.post(new_url(competition), form("Fundacja Alfa", file=fake)).content.decode()
    assert "nie jest dokumentem PDF" in page
    assert not Offer.objects.exists()


@pytest.mark.parametrize(
    "status", [Competition.Status.ANNOUNCED, Competition.Status.RESULTS, Competition.Status.CANCELLED]
)
def test_offers_are_registered_only_while_accepting_closed_or_in_evaluation(client, official_x, department_x, status):
    competition = factories.competition(department=department_x, status=status)
    directory.organization("Fundacja Alfa")
    client.force_login(official_x)
    assert client.post(new_url(competition), form("Fundacja Alfa")).status_code == 403
    assert not Offer.objects.exists()


@pytest.mark.parametrize("who", ["official_y", "team_member", "resident", "representative_a"])
def test_only_the_departments_officials_and_administrators_register_offers(client, request, competition, who):
    directory.organization("Fundacja Alfa")
    client.force_login(request.getfixturevalue(who))
    assert client.post(new_url(competition), form("Fundacja Alfa")).status_code in (403, 404)
    assert not Offer.objects.exists()


def test_an_administrator_registers_offers_in_any_department(client, administrator, competition):
    directory.organization("Fundacja Alfa")
    client.force_login(administrator)
    assert client.post(new_url(competition), form("Fundacja Alfa")).status_code == 302


def test_the_offer_list_takes_a_constant_number_of_queries(client, official_x, competition, django_assert_num_queries):
    factories.offer(competition)
    client.force_login(official_x)
    url = reverse("panel:grants_panel:committee_offers", args=[competition.slug])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(5):
        factories.offer(competition)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("Zadanie nr") == 6


def test_the_offer_list_shows_fifty_offers_a_page(client, official_x, competition):
    organization = directory.organization("Fundacja Alfa")
    for n in range(52):
        factories.offer(competition, organization, with_file=False, title=f"Zadanie {n:02d}")
    client.force_login(official_x)
    url = reverse("panel:grants_panel:committee_offers", args=[competition.slug])
    first = client.get(url).content.decode()
    assert "Zadanie 00" in first and "Zadanie 49" in first and "Zadanie 50" not in first
    assert "(52)" in first and "?strona=2" in first
    second = client.get(url, {"strona": 2}).content.decode()
    assert "Zadanie 50" in second and "Zadanie 51" in second and "Zadanie 49" not in second
    assert client.get(url, {"strona": "x"}).status_code == 200


def test_the_committees_page_shows_fifty_offers_a_page_and_links_to_the_ranking(client, official_x, competition):
    organization = directory.organization("Fundacja Alfa")
    for n in range(52):
        factories.offer(competition, organization, with_file=False, title=f"Zadanie {n:02d}")
    client.force_login(official_x)
    url = reverse("grants:committee_competition", args=[competition.slug])
    first = client.get(url).content.decode()
    assert "Zadanie 49" in first and "Zadanie 50" not in first and "(52)" in first and "?strona=2" in first
    assert "Zadanie 50" in client.get(url, {"strona": 2}).content.decode()
    assert "Ranking ofert według średniej punktów (bez" not in first  # the ranking is a page of its own

"""The protocol of the committee's work: a printable page and the same as a PDF, for members and the officials."""

import re
import zlib
from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import make_user
from partnerstwo.grants.committees import evaluation
from partnerstwo.grants.committees.views import protocol_html
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.tests import factories
from partnerstwo.organizations.tests import factories as directory


def inflated_streams(pdf: bytes) -> bytes:
    """The PDF's compressed streams unpacked, where WeasyPrint keeps the font dictionaries."""
    found = b""
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            found += zlib.decompress(match.group(1))
        except zlib.error:
            continue
    return found


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def competition(department_x, resident):
    competition = factories.competition(
        department=department_x, status=Competition.Status.EVALUATION, title="Wypoczynek letni dzieci – Żółw"
    )
    factories.criteria(competition, formal=("Oferta złożona w terminie",), merit=(("Jakość", 10),))
    alfa = directory.organization("Fundacja Łączy Nas")
    beta = directory.organization("Stowarzyszenie Beta")
    offer = factories.offer(competition, alfa, title="Półkolonie", formal=Offer.Formal.PASSED,
                            formal_checks={str(evaluation.formal_criteria(competition).get().pk): True})
    factories.offer(competition, beta, title="Obóz", formal=Offer.Formal.REJECTED, formal_notes="Po terminie.")
    chair = factories.member(competition, resident, is_chair=True, declared=True)
    other = factories.member(competition, make_user("jan@example.org", "resident", full_name="Jan Ćwik"), "ngo",
                             conflicts=[beta])
    evaluation.save_card(offer, chair, {evaluation.merit_criteria(competition).get(): (Decimal("8.5"), "Dobrze.")},
                         submit=True)
    evaluation.save_card(offer, other, {evaluation.merit_criteria(competition).get(): (Decimal("7"), "Poprawnie.")},
                         submit=True)
    Offer.objects.filter(pk=offer.pk).update(proposed_amount=Decimal("15000.00"))
    return competition


def test_the_protocol_page_shows_members_declarations_assessments_scores_ranking_and_amounts(
    client, official_x, competition
):
    client.force_login(official_x)
    page = client.get(reverse("grants:committee_protocol", args=[competition.slug])).content.decode()
    for text in [
        "Protokół z prac komisji konkursowej",
        "Anna Mieszkańska", "przewodniczący(-a)", "Jan Ćwik", "osoba wskazana przez organizacje",
        "wyłączony(-a) z oceny ofert: Stowarzyszenie Beta", "Zasiadam w zarządzie.",
        "odrzucona formalnie", "Po terminie.", "Oferta złożona w terminie: tak",
        "8,5", "Poprawnie.", "7,75", "15000,00 zł", evaluation.DECLARATION_VERSION,
    ]:
        assert text in page, text


def test_the_pdf_is_made_from_the_protocol_html_with_dejavu_fonts(client, resident, competition):
    html = protocol_html(evaluation.protocol(competition))
    assert "DejaVu Sans" in html
    assert "Fundacja Łączy Nas" in html and "Wypoczynek letni dzieci – Żółw" in html
    client.force_login(resident)
    response = client.get(reverse("grants:committee_protocol_pdf", args=[competition.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert len(response.content) > 5000  # text and an embedded font, not an empty page
    assert b"+DejaVu-Sans" in inflated_streams(response.content)  # the embedded font with the Polish letters


@pytest.mark.parametrize("who, status", [
    ("official_x", 200), ("administrator", 200), ("resident", 200),
    ("official_y", 404), ("representative_a", 404), ("team_member", 404),
])
def test_the_protocol_is_visible_to_members_the_departments_officials_and_administrators(
    client, request, competition, who, status
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("grants:committee_protocol", args=[competition.slug])).status_code == status


def test_anonymous_visitors_cannot_read_the_protocol(client, competition):
    response = client.get(reverse("grants:committee_protocol_pdf", args=[competition.slug]))
    assert response.status_code == 302


def test_the_protocol_takes_a_constant_number_of_queries(client, official_x, competition, django_assert_num_queries):
    url = reverse("grants:committee_protocol", args=[competition.slug])
    client.force_login(official_x)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for n in range(3):
        offer = factories.offer(competition, formal=Offer.Formal.PASSED)
        seat = factories.member(competition, make_user(f"m{n}@example.org", "resident"), declared=True)
        evaluation.save_card(offer, seat, {evaluation.merit_criteria(competition).get(): (Decimal("5"), "Ok.")},
                             submit=True)
    with django_assert_num_queries(len(before.captured_queries)):
        client.get(url)


def test_a_member_reads_the_protocol_only_after_the_declaration(client, competition, team_member):
    factories.member(competition, team_member)
    client.force_login(team_member)
    response = client.get(reverse("grants:committee_protocol", args=[competition.slug]))
    assert response.status_code == 302
    assert response["Location"] == reverse("grants:committee_declaration", args=[competition.slug])

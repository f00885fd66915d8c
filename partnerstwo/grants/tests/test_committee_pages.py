"""Every committee page answers its proper user with one h1 and its forms labelled."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerstwo.grants.committees import appointment, evaluation
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.tests import factories


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def competition(department_x, resident, organization_b, team_member):
    competition = factories.competition(department=department_x, status=Competition.Status.EVALUATION)
    factories.criteria(competition)
    offer = factories.offer(competition, formal=Offer.Formal.PASSED)
    seat = factories.member(competition, resident, is_chair=True, declared=True)
    entries = dict.fromkeys(evaluation.merit_criteria(competition), (Decimal("5"), "Dobrze."))
    evaluation.save_card(offer, seat, entries, submit=True)
    appointment.nominate(competition, candidate=team_member, by=team_member, justification="Zna temat.")
    return competition


def pages(competition):
    offer = competition.offers.get()
    slug = competition.slug
    return [
        ("resident", reverse("grants:committee")),
        ("resident", reverse("grants:committee_competition", args=[slug])),
        ("resident", reverse("grants:committee_declaration", args=[slug])),
        ("resident", reverse("grants:committee_offer", args=[slug, offer.pk])),
        ("resident", reverse("grants:committee_formal", args=[slug, offer.pk])),
        ("resident", reverse("grants:committee_amount", args=[slug, offer.pk])),
        ("resident", reverse("grants:committee_protocol", args=[slug])),
        ("representative_b", reverse("grants:committee_nominate", args=[slug])),
        ("official_x", reverse("panel:grants_panel:committee_index")),
        ("official_x", reverse("panel:grants_panel:committee_detail", args=[slug])),
        ("official_x", reverse("panel:grants_panel:committee_offers", args=[slug])),
        ("official_x", reverse("panel:grants_panel:committee_offer_new", args=[slug])),
        ("team_member", reverse("panel:grants_panel:committee_index")),
        ("team_member", reverse("panel:grants_panel:committee_nominate", args=[slug])),
    ]


def test_every_page_answers_with_one_h1(client, request, competition):
    for who, url in pages(competition):
        client.force_login(request.getfixturevalue(who))
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert len(re.findall(r"<h1[ >]", html)) == 1, url
        assert len(html.encode()) < 100 * 1024, url


def test_a_team_member_cannot_open_the_appointment_page(client, team_member, competition):
    client.force_login(team_member)
    assert client.get(reverse("panel:grants_panel:committee_detail", args=[competition.slug])).status_code == 404


def test_a_resident_cannot_enter_the_panel_pages(client, resident, competition):
    client.force_login(resident)
    assert client.get(reverse("panel:grants_panel:committee_index")).status_code == 403


def test_the_members_competition_page_takes_a_constant_number_of_queries(
    client, resident, competition, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("grants:committee_competition", args=[competition.slug])
    client.force_login(resident)
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for _ in range(4):
        factories.offer(competition, formal=Offer.Formal.PASSED)
    # The new organisations offered after the signature: the member declares again before seeing them.
    evaluation.amend_declaration(appointment.seat_of(resident, competition), conflicts=[], explanation="")
    with django_assert_num_queries(len(before.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("Zadanie nr") >= 5


def test_a_members_own_submitted_card_shows_once_on_the_offers_page_and_the_others_cards_too(
        client, resident, team_member, official_x, competition):
    offer = competition.offers.get()
    other = factories.member(competition, team_member, declared=True)
    entries = dict.fromkeys(evaluation.merit_criteria(competition), (Decimal("4"), "Poprawnie, bez wyróżnień."))
    evaluation.save_card(offer, other, entries, submit=True)
    url = reverse("grants:committee_offer", args=[competition.slug, offer.pk])
    for user, own, others in [(resident, "Dobrze.", "Poprawnie, bez wyróżnień."),
                              (team_member, "Poprawnie, bez wyróżnień.", "Dobrze.")]:
        client.force_login(user)
        page = client.get(url).content.decode()
        criteria = evaluation.merit_criteria(competition).count()
        assert page.count(own) == criteria and page.count(others) == criteria, user
        assert "Karty oceny pozostałych członków komisji" in page
    # The officials running the competition, who hold no seat, see every card.
    client.force_login(official_x)
    page = client.get(url).content.decode()
    assert page.count("Dobrze.") == page.count("Poprawnie, bez wyróżnień.") == criteria

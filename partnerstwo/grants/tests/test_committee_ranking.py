"""The committee's ranking on a page of its own: fifty offers a page, the places given over all offers, in a
constant number of queries; the committee's page links to it."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from partnerstwo.grants.committees import evaluation, views
from partnerstwo.grants.committees.models import Score
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
    competition = factories.competition(department=department_x, status=Competition.Status.EVALUATION)
    factories.criteria(competition, merit=(("Jakość", 100),))
    return competition


@pytest.fixture
def chair(competition, resident):
    return factories.member(competition, resident, is_chair=True, declared=True)


def score(offer, seat, points):
    """A submitted card (written directly: the scoring rules are tested in test_scoring)."""
    Score.objects.create(offer=offer, member=seat, criterion=evaluation.merit_criteria(offer.competition).get(),
                         points=Decimal(points), justification="Uzasadnienie.", submitted_at=timezone.now())


def scored_offers(competition, seat, points, start=0):
    """One offer per given points (None: not scored), each of its own organisation, in that order."""
    offers = []
    for n, value in enumerate(points, start=start):
        offer = factories.offer(competition, directory.organization(f"Organizacja {n:03d}"), with_file=False,
                                title=f"Zadanie {n:03d}", formal=Offer.Formal.PASSED)
        if value is not None:
            score(offer, seat, value)
        offers.append(offer)
    return offers


def url(competition):
    return reverse("grants:committee_ranking", args=[competition.slug])


def test_the_ranking_shows_fifty_offers_a_page_with_the_places_over_all_offers(client, official_x, competition, chair):
    # 50 offers from 100 points down, then two that share 0.5 point (ex aequo on the second page), one not scored.
    points = [str(100 - n / 2) for n in range(50)] + ["0.5", "0.5", None]
    scored_offers(competition, chair, points)
    client.force_login(official_x)
    first = client.get(url(competition))
    assert first.status_code == 200
    rows = first.context["ranking"]
    assert len(rows) == 50 and rows[0].rank == 1 and rows[0].offer.title == "Zadanie 000"
    assert "(53)" in first.content.decode() and "?strona=2" in first.content.decode()
    second = client.get(url(competition), {"strona": 2})
    rows = second.context["ranking"]
    assert [(row.offer.title, row.rank, row.tied, row.average) for row in rows] == [
        ("Zadanie 050", 51, True, Decimal("0.50")),
        ("Zadanie 051", 51, True, Decimal("0.50")),
        ("Zadanie 052", None, False, None),
    ]
    html = second.content.decode()
    assert "51 (ex aequo)" in html and "brak ocen" in html
    assert reverse("grants:committee_offer", args=[competition.slug, rows[0].offer.pk]) in html
    assert client.get(url(competition), {"strona": "x"}).status_code == 200


def test_the_ranking_is_the_same_as_the_whole_one(client, official_x, competition, chair):
    scored_offers(competition, chair, ["7", "9.5", None, "7", "3"])
    client.force_login(official_x)
    shown = [(row.offer_id, row.rank, row.tied, row.average, row.cards)
             for row in client.get(url(competition)).context["ranking"]]
    assert shown == [(row.offer_id, row.rank, row.tied, row.average, row.cards)
                     for row in evaluation.ranking(competition)]
    assert [row.rank for row in evaluation.ranking(competition)] == [1, 2, 2, 4, None]


def test_the_ranking_takes_a_constant_number_of_queries(client, official_x, competition, chair,
                                                        django_assert_num_queries):
    scored_offers(competition, chair, ["5", "6"])
    client.force_login(official_x)
    client.get(url(competition))
    with CaptureQueriesContext(connection) as before:
        client.get(url(competition))
    second = factories.member(competition, make_user("druga@example.org", "resident"), declared=True)
    for offer in scored_offers(competition, chair, ["4", "8", "2", None], start=2):
        score(offer, second, "3")
    with django_assert_num_queries(len(before.captured_queries)):
        response = client.get(url(competition))
    assert len(response.context["ranking"]) == 6


def test_before_the_formal_assessment_ends_the_page_says_so(client, official_x, competition, chair):
    scored_offers(competition, chair, ["5"])
    factories.offer(competition, title="Jeszcze nieoceniona")
    client.force_login(official_x)
    response = client.get(url(competition))
    assert response.status_code == 200
    assert "Trwa ocena formalna." in response.content.decode()
    assert "ranking" not in response.context or not response.context["ranking"]


def test_a_member_reads_it_after_the_declaration_and_outsiders_do_not_at_all(client, competition, chair, team_member,
                                                                               official_y, representative_a):
    scored_offers(competition, chair, ["5"])
    factories.member(competition, team_member)
    client.force_login(team_member)
    response = client.get(url(competition))
    assert response.status_code == 302
    assert response["Location"] == reverse("grants:committee_competition", args=[competition.slug])
    for outsider in (official_y, representative_a):
        client.force_login(outsider)
        assert client.get(url(competition)).status_code == 404
    client.logout()
    assert client.get(url(competition)).status_code == 302  # to the login page


def test_the_committees_page_links_to_the_ranking_instead_of_showing_it(client, official_x, competition, chair):
    scored_offers(competition, chair, ["5", "6"])
    client.force_login(official_x)
    html = client.get(reverse("grants:committee_competition", args=[competition.slug])).content.decode()
    assert url(competition) in html
    assert "<caption>Ranking" not in html
    assert views.RANKING_PER_PAGE == 50

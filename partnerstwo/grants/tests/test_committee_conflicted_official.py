"""An official who runs a competition and declared, on their committee seat, a conflict with an offering organisation
never sees that organisation's offer, scores or ranking row: not in the panel, the committee pages, the scoring,
the ranking, the protocol (page and PDF) or the results form. They see how many offers are hidden instead."""

from decimal import Decimal

import pytest
from django.urls import reverse

from partnerstwo.grants.committees import evaluation, protocol
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.tests import factories
from partnerstwo.organizations.tests import factories as directory

HIDDEN_TITLE = "Warsztaty szachowe dla seniorów"
HIDDEN_CARD = "Szachy: przeciętnie, ale tanio."
NOTICE = "Ukryte oferty organizacji, wobec których zgłosił(a) Pan(i) konflikt interesów: 1."


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def card(offer, seat, points, text):
    criterion = evaluation.merit_criteria(offer.competition).get()
    evaluation.save_card(offer, seat, {criterion: (Decimal(points), text)}, submit=True)


@pytest.fixture
def scored(department_x, official_x, resident):
    competition = factories.competition(department=department_x, status=Competition.Status.EVALUATION)
    factories.criteria(competition, formal=("Oferta złożona w terminie",), merit=(("Jakość", 10),))
    alfa = directory.organization("Fundacja Alfa")
    beta = directory.organization("Stowarzyszenie Beta")
    alfa_offer = factories.offer(competition, alfa, title="Półkolonie na Dojlidach", formal=Offer.Formal.PASSED)
    beta_offer = factories.offer(competition, beta, title=HIDDEN_TITLE, formal=Offer.Formal.PASSED,
                                 proposed_amount=Decimal("4321.00"))
    chair = factories.member(competition, resident, is_chair=True, declared=True)
    # The official of the department that runs the competition also sits on its committee, conflicted with Beta.
    factories.member(competition, official_x, conflicts=[beta])
    card(alfa_offer, chair, "6", "Alfa poprawnie.")
    card(beta_offer, chair, "9", HIDDEN_CARD)  # Beta leads the ranking
    return {"competition": competition, "alfa_offer": alfa_offer, "beta_offer": beta_offer, "beta": beta}


def committee_url(name, competition, *args):
    return reverse(f"grants:{name}", args=[competition.slug, *args])


@pytest.fixture
def conflicted(client, official_x):
    client.force_login(official_x)
    return client


def assert_hidden(html):
    assert HIDDEN_TITLE not in html
    assert HIDDEN_CARD not in html
    assert "4321" not in html


def test_the_panel_offer_list_leaves_the_offer_out_and_says_one_is_hidden(conflicted, scored):
    page = conflicted.get(reverse("panel:grants_panel:committee_offers", args=[scored["competition"].slug]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Półkolonie na Dojlidach" in html
    assert_hidden(html)
    assert NOTICE in html


def test_the_committee_page_shows_neither_the_offer_nor_its_ranking_row_and_places_start_at_one(conflicted, scored):
    response = conflicted.get(committee_url("committee_competition", scored["competition"]))
    html = response.content.decode()
    assert "Półkolonie na Dojlidach" in html
    assert_hidden(html)
    assert NOTICE in html
    response = conflicted.get(committee_url("committee_ranking", scored["competition"]))
    html = response.content.decode()
    assert_hidden(html)
    assert NOTICE in html
    ranking = response.context["ranking"]
    assert [(row.offer.title, row.rank) for row in ranking] == [("Półkolonie na Dojlidach", 1)]


@pytest.mark.parametrize("name", ["committee_offer", "committee_offer_file", "committee_formal", "committee_amount"])
def test_the_offer_its_file_and_its_assessment_pages_are_not_found(conflicted, scored, name):
    response = conflicted.get(committee_url(name, scored["competition"], scored["beta_offer"].pk))
    assert response.status_code == 404


def test_scoring_the_offer_is_not_found_and_saves_nothing(conflicted, scored):
    criterion = evaluation.merit_criteria(scored["competition"]).get()
    response = conflicted.post(
        committee_url("committee_offer", scored["competition"], scored["beta_offer"].pk),
        {f"points_{criterion.pk}": "10", f"justification_{criterion.pk}": "Świetnie.", "action": "submit"},
    )
    assert response.status_code == 404
    assert not scored["beta_offer"].scores.filter(member__user__email="xawery@um.example.org").exists()


def test_the_protocol_page_leaves_out_the_offer_its_cards_and_its_ranking_row(conflicted, scored):
    response = conflicted.get(committee_url("committee_protocol", scored["competition"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Półkolonie na Dojlidach" in html
    assert_hidden(html)
    assert NOTICE in html
    offer = conflicted.get(committee_url("committee_offer", scored["competition"], scored["alfa_offer"].pk))
    assert "Alfa poprawnie." in offer.content.decode()  # the cards are on the offer's page


def test_the_pdf_protocol_leaves_them_out_too(conflicted, scored, monkeypatch):
    printed = []
    real = protocol.html
    monkeypatch.setattr(protocol, "html", lambda context: printed.append(real(context)) or printed[-1])
    response = conflicted.get(committee_url("committee_protocol_pdf", scored["competition"]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "Półkolonie na Dojlidach" in printed[0] and "Alfa poprawnie." in printed[0]
    assert_hidden(printed[0])
    assert NOTICE in printed[0]


def test_the_results_form_is_refused_without_listing_the_offers(conflicted, scored):
    url = reverse("panel:grants_panel:publish_results", args=[scored["competition"].pk])
    html = conflicted.get(url).content.decode()
    assert_hidden(html)
    assert "Wyniki ogłasza inna osoba prowadząca konkurs." in html
    conflicted.post(url, {"note": "Wyniki.", f"amount_{scored['beta_offer'].pk}": "1000"})
    scored["competition"].refresh_from_db()
    assert scored["competition"].status == Competition.Status.EVALUATION


def test_an_administrator_without_a_conflict_still_sees_everything(client, administrator, scored):
    client.force_login(administrator)
    for url in [
        reverse("panel:grants_panel:committee_offers", args=[scored["competition"].slug]),
        committee_url("committee_competition", scored["competition"]),
        committee_url("committee_ranking", scored["competition"]),
        committee_url("committee_protocol", scored["competition"]),
    ]:
        html = client.get(url).content.decode()
        assert HIDDEN_TITLE in html and "konflikt interesów." not in html
    ranking = client.get(committee_url("committee_ranking", scored["competition"]))
    assert [(row.offer.title, row.rank) for row in ranking.context["ranking"]] == [
        (HIDDEN_TITLE, 1), ("Półkolonie na Dojlidach", 2),
    ]

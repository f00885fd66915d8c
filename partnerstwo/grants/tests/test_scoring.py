"""Formal assessment before the merit one; scoring cards; averages, ranking and the proposed amounts."""

from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import make_user
from partnerstwo.grants.committees import evaluation
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
    factories.criteria(competition, formal=("Oferta złożona w terminie", "Podpisy osób upoważnionych"),
                       merit=(("Jakość", 10), ("Koszty", 5)))
    return competition


def merit(competition):
    return list(evaluation.merit_criteria(competition))


def card(competition, *values, action="save"):
    """POST data for a card: (points, justification) per merit criterion, in order."""
    data = {"action": action}
    for number, (points, text) in enumerate(values, start=1):
        data[f"points_{number}"] = points
        data[f"justification_{number}"] = text
    return data


def offer_url(competition, offer):
    return reverse("grants:committee_offer", args=[competition.slug, offer.pk])


def formal_url(competition, offer):
    return reverse("grants:committee_formal", args=[competition.slug, offer.pk])


def test_the_chair_passes_an_offer_with_every_formal_criterion_checked(client, resident, competition):
    offer = factories.offer(competition)
    factories.member(competition, resident, is_chair=True, declared=True)
    client.force_login(resident)
    first, second = evaluation.formal_criteria(competition)
    response = client.post(formal_url(competition, offer), {"formal_status": "passed", "check_1": "on"})
    assert "wszystkie kryteria formalne" in response.content.decode()
    client.post(formal_url(competition, offer),
                {"formal_status": "passed", "check_1": "on", "check_2": "on"})
    offer.refresh_from_db()
    assert offer.formal_status == Offer.Formal.PASSED
    assert offer.formal_checks == {str(first.pk): True, str(second.pk): True}


def test_a_rejection_needs_notes(client, official_x, competition):
    offer = factories.offer(competition)
    client.force_login(official_x)
    page = client.post(formal_url(competition, offer), {"formal_status": "rejected"}).content.decode()
    assert "Podaj powód odrzucenia" in page
    client.post(formal_url(competition, offer), {"formal_status": "rejected", "formal_notes": "Brak podpisów."})
    offer.refresh_from_db()
    assert (offer.formal_status, offer.formal_notes) == (Offer.Formal.REJECTED, "Brak podpisów.")


def test_an_ordinary_member_cannot_assess_formally(client, resident, competition):
    offer = factories.offer(competition)
    factories.member(competition, resident, declared=True)
    client.force_login(resident)
    assert client.get(formal_url(competition, offer)).status_code == 403


def test_merit_scoring_waits_until_every_offer_is_assessed_formally(client, resident, competition):
    passed = factories.offer(competition, formal=Offer.Formal.PASSED)
    factories.offer(competition)  # still pending
    factories.member(competition, resident, declared=True)
    client.force_login(resident)
    page = client.get(offer_url(competition, passed)).content.decode()
    assert "po zakończeniu oceny formalnej" in page
    response = client.post(offer_url(competition, passed), card(competition, ("8", "Dobrze."), ("4", "Tanio.")))
    assert response.status_code == 403
    assert not Score.objects.exists()


def test_an_offer_rejected_formally_is_not_scored(client, resident, competition):
    rejected = factories.offer(competition, formal=Offer.Formal.REJECTED)
    factories.offer(competition, formal=Offer.Formal.PASSED)
    factories.member(competition, resident, declared=True)
    client.force_login(resident)
    assert "tylko oferty, które spełniły wymogi formalne" in client.get(
        offer_url(competition, rejected)).content.decode()
    assert client.post(offer_url(competition, rejected),
                       card(competition, ("8", "a"), ("4", "b"))).status_code == 403


@pytest.mark.parametrize("points", ["10.5", "-1", "7.3", "abc"])
def test_points_must_be_within_the_criterions_maximum_in_halves(client, resident, competition, points):
    offer = factories.offer(competition, formal=Offer.Formal.PASSED)
    factories.member(competition, resident, declared=True)
    client.force_login(resident)
    response = client.post(offer_url(competition, offer), card(competition, (points, "Uzasadnienie."), ("", "")))
    assert response.status_code == 200
    assert "field--invalid" in response.content.decode()
    assert not Score.objects.exists()


def test_every_score_needs_a_justification(client, resident, competition):
    offer = factories.offer(competition, formal=Offer.Formal.PASSED)
    factories.member(competition, resident, declared=True)
    client.force_login(resident)
    page = client.post(offer_url(competition, offer), card(competition, ("7.5", ""), ("", ""))).content.decode()
    assert "Uzasadnij przyznane punkty" in page
    assert not Score.objects.exists()


def test_a_card_is_saved_partially_then_submitted_and_locked(client, resident, competition):
    offer = factories.offer(competition, formal=Offer.Formal.PASSED)
    seat = factories.member(competition, resident, declared=True)
    client.force_login(resident)
    client.post(offer_url(competition, offer), card(competition, ("7.5", "Spójny plan."), ("", "")))
    assert Score.objects.get().points == Decimal("7.5")
    assert Score.objects.get().submitted_at is None
    page = client.post(offer_url(competition, offer),
                       card(competition, ("7.5", "Spójny plan."), ("", ""), action="submit")).content.decode()
    assert "przyznaj punkty za każde kryterium" in page
    client.post(offer_url(competition, offer),
                card(competition, ("7.5", "Spójny plan."), ("5", "Koszty realne."), action="submit"))
    assert Score.objects.filter(member=seat, submitted_at__isnull=False).count() == 2
    with pytest.raises(evaluation.ScoreError):
        evaluation.save_card(offer, seat, {merit(competition)[0]: (Decimal("1"), "Zmiana.")}, submit=False)
    assert "Złożona karta oceny" in client.get(offer_url(competition, offer)).content.decode()


def scored(competition, offer, seat, *points):
    evaluation.save_card(
        offer, seat, {c: (Decimal(p), "Uzasadnienie.") for c, p in zip(merit(competition), points, strict=True)},
        submit=True,
    )


def test_averages_count_voting_members_only_and_rank_with_ties(competition):
    alfa = factories.offer(competition, directory.organization("Fundacja Alfa"), formal=Offer.Formal.PASSED)
    beta = factories.offer(competition, directory.organization("Stowarzyszenie Beta"), formal=Offer.Formal.PASSED)
    gamma = factories.offer(competition, directory.organization("Klub Gamma"), formal=Offer.Formal.PASSED)
    factories.offer(competition, directory.organization("Fundacja Odrzucona"), formal=Offer.Formal.REJECTED)
    anna = factories.member(competition, make_user("anna@example.org", "resident"), declared=True)
    bartek = factories.member(competition, make_user("bartek@example.org", "resident"), "ngo", declared=True)
    expert = factories.member(competition, make_user("ekspert@example.org", "resident"), "expert", declared=True)
    scored(competition, alfa, anna, "8", "4")       # 12
    scored(competition, alfa, bartek, "10", "5")    # 15 → average 13.5
    scored(competition, beta, anna, "9", "4.5")     # 13.5 → average 13.5 (one card)
    scored(competition, gamma, anna, "5", "2")      # 7
    scored(competition, gamma, bartek, "6", "3")    # 9 → average 8
    with pytest.raises(evaluation.ScoreError):
        scored(competition, gamma, expert, "10", "5")

    rows = evaluation.ranking(competition)
    assert [(r.offer, r.average, r.rank, r.tied) for r in rows] == [
        (alfa, Decimal("13.50"), 1, True),
        (beta, Decimal("13.50"), 1, True),
        (gamma, Decimal("8.00"), 3, False),
    ]
    assert [r.cards for r in rows] == [2, 1, 2]


def test_draft_cards_do_not_count_in_the_average(competition):
    offer = factories.offer(competition, formal=Offer.Formal.PASSED)
    seat = factories.member(competition, make_user("anna@example.org", "resident"), declared=True)
    evaluation.save_card(offer, seat, {merit(competition)[0]: (Decimal("9"), "Dobrze.")}, submit=False)
    assert evaluation.ranking(competition)[0].average is None


def test_the_proposed_amount_may_not_exceed_the_requested_one(client, resident, competition):
    offer = factories.offer(competition, requested=Decimal("20000.00"), formal=Offer.Formal.PASSED)
    factories.member(competition, resident, is_chair=True, declared=True)
    client.force_login(resident)
    url = reverse("grants:committee_amount", args=[competition.slug, offer.pk])
    page = client.post(url, {"proposed_amount": "20000.01"}).content.decode()
    assert "nie może przekraczać kwoty wnioskowanej" in page
    client.post(url, {"proposed_amount": "15000"})
    offer.refresh_from_db()
    assert offer.proposed_amount == Decimal("15000.00")


def test_only_the_chair_or_the_departments_official_proposes_amounts(client, resident, official_y, competition):
    offer = factories.offer(competition, formal=Offer.Formal.PASSED)
    factories.member(competition, resident, declared=True)
    url = reverse("grants:committee_amount", args=[competition.slug, offer.pk])
    client.force_login(resident)
    assert client.post(url, {"proposed_amount": "100"}).status_code == 403
    client.force_login(official_y)
    assert client.post(url, {"proposed_amount": "100"}).status_code == 404
    offer.refresh_from_db()
    assert offer.proposed_amount is None

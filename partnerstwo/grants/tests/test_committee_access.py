"""The members' area: the declaration of impartiality opens the offers; a declared conflict hides an organisation's
offers from that member; each role sees only what it may."""

import pytest
from django.urls import reverse

from partnerstwo.grants.committees import evaluation
from partnerstwo.grants.committees.models import ImpartialityDeclaration
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.tests import factories
from partnerstwo.organizations.tests import factories as directory


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def setting(department_x):
    competition = factories.competition(department=department_x, status=Competition.Status.EVALUATION)
    factories.criteria(competition)
    alfa = directory.organization("Fundacja Alfa")
    beta = directory.organization("Stowarzyszenie Beta")
    return {
        "competition": competition,
        "alfa": alfa,
        "beta": beta,
        "alfa_offer": factories.offer(competition, alfa, title="Półkolonie na Dojlidach"),
        "beta_offer": factories.offer(competition, beta, title="Warsztaty szachowe"),
    }


def url(name, competition, *args):
    return reverse(f"grants:{name}", args=[competition.slug, *args])


def test_a_member_without_a_declaration_sees_no_offer(client, resident, setting):
    competition = setting["competition"]
    factories.member(competition, resident)
    client.force_login(resident)
    page = client.get(url("committee_competition", competition)).content.decode()
    assert "Półkolonie" not in page
    assert "Złóż oświadczenie" in page
    response = client.get(url("committee_offer", competition, setting["alfa_offer"].pk))
    assert response.status_code == 302
    assert response["Location"] == url("committee_declaration", competition)
    assert client.get(url("committee_offer_file", competition, setting["alfa_offer"].pk)).status_code == 404


def test_the_declaration_lists_the_art_24_grounds_its_version_and_the_offering_organisations(
    client, resident, setting
):
    competition = setting["competition"]
    factories.member(competition, resident)
    client.force_login(resident)
    page = client.get(url("committee_declaration", competition)).content.decode()
    assert "art. 24" in page
    assert "przysposobienia, opieki lub kurateli" in page
    assert "wątpliwości co do mojej bezstronności" in page
    assert evaluation.DECLARATION_VERSION in page
    assert "Fundacja Alfa" in page and "Stowarzyszenie Beta" in page


def test_the_declaration_names_every_ground_of_art_24_points_1_to_7_and_paragraphs_2_and_3():
    text = evaluation.declaration_text()
    for point in range(1, 8):
        assert f"(art. 24 § 1 pkt {point})" in text
    assert "(art. 24 § 2)" in text and "(art. 24 § 3)" in text
    assert "świadkiem lub biegłym" in text  # pkt 4, which 2026-1 lacked
    assert "dochodzenie służbowe, postępowanie dyscyplinarne lub karne" in text  # pkt 6
    assert "nadrzędności służbowej" in text  # pkt 7


def test_signing_the_declaration_opens_the_offers(client, resident, setting):
    competition = setting["competition"]
    seat = factories.member(competition, resident)
    client.force_login(resident)
    response = client.post(url("committee_declaration", competition), {"confirm": "on"})
    assert response.status_code == 302
    declaration = ImpartialityDeclaration.objects.get(member=seat)
    assert declaration.text_version == evaluation.DECLARATION_VERSION
    page = client.get(url("committee_competition", competition)).content.decode()
    assert "Półkolonie na Dojlidach" in page and "Warsztaty szachowe" in page
    pdf = client.get(url("committee_offer_file", competition, setting["alfa_offer"].pk))
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF-")


def test_a_declared_conflict_needs_its_circumstances(client, resident, setting):
    competition = setting["competition"]
    factories.member(competition, resident)
    client.force_login(resident)
    response = client.post(
        url("committee_declaration", competition), {"confirm": "on", "conflicts": [setting["alfa"].pk]}
    )
    assert response.status_code == 200
    assert "Opisz okoliczności" in response.content.decode()
    assert not ImpartialityDeclaration.objects.exists()


def test_a_member_with_a_conflict_neither_sees_nor_opens_nor_scores_that_organisations_offer(
    client, resident, setting
):
    competition = setting["competition"]
    Offer.objects.update(formal_status=Offer.Formal.PASSED)
    factories.member(competition, resident)
    client.force_login(resident)
    client.post(
        url("committee_declaration", competition),
        {"confirm": "on", "conflicts": [setting["alfa"].pk], "conflict_explanation": "Jestem członkinią zarządu."},
    )
    page = client.get(url("committee_competition", competition)).content.decode()
    assert "Półkolonie na Dojlidach" not in page
    assert "Warsztaty szachowe" in page
    alfa_offer = setting["alfa_offer"]
    assert client.get(url("committee_offer", competition, alfa_offer.pk)).status_code == 404
    assert client.get(url("committee_offer_file", competition, alfa_offer.pk)).status_code == 404
    response = client.post(
        url("committee_offer", competition, alfa_offer.pk),
        {"points_1": "5", "justification_1": "Dobrze.", "action": "save"},
    )
    assert response.status_code == 404
    assert not alfa_offer.scores.exists()
    seat = competition.committee.get()
    assert evaluation.scoring_refusal(competition, alfa_offer, seat) is not None


def test_a_non_member_representative_gets_404_everywhere(client, representative_a, setting):
    competition = setting["competition"]
    client.force_login(representative_a)
    for name, args in [
        ("committee_competition", []),
        ("committee_declaration", []),
        ("committee_offer", [setting["alfa_offer"].pk]),
        ("committee_offer_file", [setting["alfa_offer"].pk]),
        ("committee_protocol", []),
        ("committee_protocol_pdf", []),
    ]:
        assert client.get(url(name, competition, *args)).status_code == 404, name


def test_an_official_of_another_department_gets_404(client, official_y, setting):
    competition = setting["competition"]
    client.force_login(official_y)
    assert client.get(url("committee_competition", competition)).status_code == 404
    assert client.get(url("committee_offer", competition, setting["alfa_offer"].pk)).status_code == 404
    assert client.get(reverse("panel:grants_panel:committee_offers", args=[competition.slug])).status_code == 404


def test_the_departments_official_and_an_administrator_see_all_offers_without_a_declaration(
    client, official_x, administrator, setting
):
    competition = setting["competition"]
    for user in (official_x, administrator):
        client.force_login(user)
        page = client.get(url("committee_competition", competition)).content.decode()
        assert "Półkolonie na Dojlidach" in page and "Warsztaty szachowe" in page
        assert client.get(url("committee_offer", competition, setting["alfa_offer"].pk)).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(client, setting):
    competition = setting["competition"]
    for name in ("committee", "committee_competition"):
        target = reverse(f"grants:{name}") if name == "committee" else url(name, competition)
        response = client.get(target)
        assert response.status_code == 302 and "login" in response["Location"]


def test_my_committees_lists_only_my_seats(client, resident, setting, department_x):
    factories.member(setting["competition"], resident)
    factories.competition(department=department_x, title="Konkurs bez mnie")
    client.force_login(resident)
    page = client.get(reverse("grants:committee")).content.decode()
    assert setting["competition"].title in page
    assert "Konkurs bez mnie" not in page


def test_an_expert_sees_offers_but_cannot_score(client, resident, setting):
    competition = setting["competition"]
    Offer.objects.update(formal_status=Offer.Formal.PASSED)
    factories.member(competition, resident, role="expert", declared=True)
    client.force_login(resident)
    page = client.get(url("committee_offer", competition, setting["beta_offer"].pk)).content.decode()
    assert "nie przyznają punktów" in page
    response = client.post(
        url("committee_offer", competition, setting["beta_offer"].pk),
        {"points_1": "5", "justification_1": "Dobrze.", "action": "save"},
    )
    assert response.status_code == 403

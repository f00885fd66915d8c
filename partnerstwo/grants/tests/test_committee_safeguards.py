"""Safeguards of the committee's work found in review: a conflicted member's protocol, declarations that must cover
organisations offering later, art. 15 suspensions, NGO members named with their organisation, planned competitions
closed to nominations, and offer files kept outside MEDIA_ROOT."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerstwo.grants.committees import appointment, evaluation, protocol
from partnerstwo.grants.committees.forms import AppointForm
from partnerstwo.grants.committees.models import CommitteeMember
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers import registration
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.tests import factories
from partnerstwo.organizations.tests import factories as directory


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def setting(department_x):
    competition = factories.competition(department=department_x, status=Competition.Status.EVALUATION)
    factories.criteria(competition, formal=("Oferta złożona w terminie",), merit=(("Jakość", 10),))
    alfa = directory.organization("Fundacja Alfa")
    beta = directory.organization("Stowarzyszenie Beta")
    return {
        "competition": competition,
        "alfa": alfa,
        "beta": beta,
        "alfa_offer": factories.offer(competition, alfa, title="Półkolonie na Dojlidach", formal=Offer.Formal.PASSED),
        "beta_offer": factories.offer(competition, beta, title="Warsztaty szachowe", formal=Offer.Formal.PASSED),
    }


def url(name, competition, *args):
    return reverse(f"grants:{name}", args=[competition.slug, *args])


def register(competition, organization, official, title="Oferta spóźniona"):
    return registration.register(
        competition, by=official, organization=organization, title=title,
        requested_amount=Decimal("9000.00"), received_on=datetime.date(2026, 11, 27),
    )


def card(offer, seat, points, text):
    criterion = evaluation.merit_criteria(offer.competition).get()
    evaluation.save_card(offer, seat, {criterion: (Decimal(points), text)}, submit=True)


# --- 1. The protocol of a member with a declared conflict ------------------------------------


@pytest.fixture
def scored(setting, resident, team_member):
    chair = factories.member(setting["competition"], resident, is_chair=True, declared=True)
    conflicted = factories.member(setting["competition"], team_member, conflicts=[setting["beta"]])
    card(setting["alfa_offer"], chair, "8", "Dobra oferta Alfa.")
    card(setting["beta_offer"], chair, "6", "Szachy: przeciętnie.")
    card(setting["alfa_offer"], conflicted, "7", "Alfa poprawnie.")
    return {**setting, "chair": chair, "conflicted": conflicted}


def test_a_member_with_a_conflict_reads_a_protocol_without_that_organisations_offer_cards_and_ranking_row(
    client, team_member, scored
):
    client.force_login(team_member)
    page = client.get(url("committee_protocol", scored["competition"])).content.decode()
    assert "Półkolonie na Dojlidach" in page
    assert "Warsztaty szachowe" not in page
    offer = client.get(url("committee_offer", scored["competition"], scored["alfa_offer"].pk)).content.decode()
    assert "Alfa poprawnie." in offer and "Dobra oferta Alfa." in offer
    assert client.get(url("committee_offer", scored["competition"], scored["beta_offer"].pk)).status_code == 404


def test_the_pdf_protocol_of_a_member_with_a_conflict_leaves_that_organisation_out_too(
    client, team_member, scored, monkeypatch
):
    printed = []
    real = protocol.html
    monkeypatch.setattr(protocol, "html", lambda context: printed.append(real(context)) or printed[-1])
    client.force_login(team_member)
    response = client.get(url("committee_protocol_pdf", scored["competition"]))
    assert response.status_code == 200
    assert "Półkolonie na Dojlidach" in printed[0]
    assert "Warsztaty szachowe" not in printed[0] and "Szachy: przeciętnie." not in printed[0]


def test_the_departments_official_and_a_member_without_conflicts_read_the_whole_protocol(
    client, official_x, resident, scored, monkeypatch
):
    printed = []
    real = protocol.html
    monkeypatch.setattr(protocol, "html", lambda context: printed.append(real(context)) or printed[-1])
    for user in (official_x, resident):
        client.force_login(user)
        page = client.get(url("committee_protocol", scored["competition"])).content.decode()
        assert "Warsztaty szachowe" in page
        assert client.get(url("committee_protocol_pdf", scored["competition"])).status_code == 200
    assert len(printed) == 1  # the same protocol for both: made once
    assert "Warsztaty szachowe" in printed[0] and "Szachy: przeciętnie." in printed[0]


# --- 2. A declaration must cover organisations that offer after it was signed ---------------


def test_an_offer_from_a_new_organisation_closes_the_offers_until_the_member_declares_again(
    client, resident, official_x, setting
):
    competition = setting["competition"]
    seat = factories.member(competition, resident, declared=True)
    late = register(competition, directory.organization("Fundacja Spóźniona"), official_x)
    client.force_login(resident)

    page = client.get(url("committee_competition", competition)).content.decode()
    assert "Półkolonie na Dojlidach" not in page
    assert "organizacje, których nie było wtedy na liście" in page
    response = client.get(url("committee_offer", competition, setting["alfa_offer"].pk))
    assert response["Location"] == url("committee_declaration", competition)
    assert client.get(url("committee_offer_file", competition, setting["alfa_offer"].pk)).status_code == 404
    assert client.get(url("committee_protocol", competition)).status_code == 302
    assert evaluation.scoring_refusal(competition, setting["alfa_offer"], seat)

    declaration_page = client.get(url("committee_declaration", competition)).content.decode()
    assert "Fundacja Spóźniona" in declaration_page
    assert "Stowarzyszenie Beta" not in declaration_page.split("po Twoim oświadczeniu")[1]
    response = client.post(url("committee_declaration", competition), {
        "conflicts": [str(late.organization_id)], "conflict_explanation": "Jestem członkiem fundacji.", "confirm": "on",
    })
    assert response.status_code == 302
    page = client.get(url("committee_competition", competition)).content.decode()
    assert "Półkolonie na Dojlidach" in page
    assert "Oferta spóźniona" not in page  # the amended declaration names the new organisation as a conflict
    seat.declaration.refresh_from_db()
    assert seat.declaration.amended_at is not None
    assert set(seat.declaration.conflicts.all()) == {late.organization}


def test_another_offer_of_an_organisation_already_on_the_declaration_needs_no_new_one(
    client, resident, official_x, setting
):
    competition = setting["competition"]
    factories.member(competition, resident, declared=True)
    register(competition, setting["alfa"], official_x, title="Druga oferta Alfy")
    client.force_login(resident)
    assert "Druga oferta Alfy" in client.get(url("committee_competition", competition)).content.decode()


# --- 3. Art. 15: a member linked to an organisation that offers later is suspended ------------


def test_members_indicated_by_or_representing_an_organisation_that_offers_later_are_suspended(
    client, official_x, resident, representative_a, setting
):
    competition = setting["competition"]
    gamma = directory.organization("Fundacja Gamma")
    delta = directory.organization("Stowarzyszenie Delta")
    factories.member(competition, official_x)
    indicated = appointment.appoint(competition, user=resident, role="ngo", organization=gamma)
    evaluation.sign_declaration(indicated, conflicts=[], explanation="")
    directory.represent(representative_a, delta)
    representing = appointment.appoint(competition, user=representative_a, role="city")
    evaluation.sign_declaration(representing, conflicts=[], explanation="")

    register(competition, gamma, official_x)
    register(competition, delta, official_x)
    indicated.refresh_from_db()
    representing.refresh_from_db()
    assert indicated.suspended_at and "art. 15" in indicated.suspension_reason
    assert representing.suspended_at
    assert "reprezentuje organizację Stowarzyszenie Delta" in representing.suspension_reason

    assert evaluation.offers_for(resident, competition, indicated) is None
    assert evaluation.scoring_refusal(competition, setting["alfa_offer"], indicated) == indicated.suspension_reason
    client.force_login(resident)
    page = client.get(url("committee_competition", competition)).content.decode()
    assert "członkostwo w komisji jest zawieszone" in page and "Półkolonie na Dojlidach" not in page
    assert client.get(url("committee_offer_file", competition, setting["alfa_offer"].pk)).status_code == 404
    assert client.post(url("committee_declaration", competition), {"confirm": "on"}).status_code == 403

    client.force_login(official_x)
    panel = client.get(reverse("panel:grants_panel:committee_detail", args=[competition.slug])).content.decode()
    assert "Członkostwo zawieszone" in panel
    assert "Organizacja Fundacja Gamma, która wskazała tę osobę, złożyła ofertę" in panel
    client.post(reverse("panel:grants_panel:committee_remove_member", args=[competition.slug, indicated.pk]))
    assert not CommitteeMember.objects.filter(pk=indicated.pk).exists()


def test_an_offer_registered_in_the_panel_suspends_the_member_its_organisation_indicated(
    client, official_x, resident, setting
):
    competition = setting["competition"]
    gamma = directory.organization("Fundacja Gamma", krs="0000123456")
    factories.member(competition, official_x)
    seat = appointment.appoint(competition, user=resident, role="ngo", organization=gamma)
    client.force_login(official_x)
    response = client.post(reverse("panel:grants_panel:committee_offer_new", args=[competition.slug]), {
        "organization": "0000123456", "title": "Zajęcia", "requested_amount": "1000", "received_on": "2026-11-27",
        "file": pdf_upload(),
    })
    assert response.status_code == 302
    seat.refresh_from_db()
    assert seat.suspended_at is not None


def pdf_upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("oferta.pdf", factories.PDF_BYTES, content_type="application/pdf")


# --- 4. A member indicated by organisations names the organisation ----------------------------


def test_an_ngo_member_cannot_be_appointed_without_the_organisation_that_indicated_them(
    client, official_x, resident, setting
):
    competition = setting["competition"]
    form = AppointForm({"user": resident.email, "role": "ngo"}, competition=competition)
    assert not form.is_valid()
    assert form.errors["organization"] == ["Podaj organizację, która wskazała tę osobę."]
    with pytest.raises(appointment.AppointmentRefused):
        appointment.appoint(competition, user=resident, role="ngo")
    with pytest.raises(ValidationError) as error:
        CommitteeMember(competition=competition, user=resident, role="ngo").full_clean()
    assert "nominated_by" in error.value.message_dict
    client.force_login(official_x)
    page = client.post(
        reverse("panel:grants_panel:committee_detail", args=[competition.slug]), {"user": resident.email, "role": "ngo"}
    ).content.decode()
    assert "Podaj organizację, która wskazała tę osobę." in page
    assert not CommitteeMember.objects.exists()


# --- 5. The note on a committee without NGO persons states the rule (its unverified points are in docs/law.md) -----


def test_the_note_on_a_committee_without_ngo_persons_states_when_it_may_work_without_them(setting, resident):
    seat = factories.member(setting["competition"], resident)
    notes = " ".join(appointment.committee_notes(setting["competition"], [seat]))
    assert "Komisja może działać bez nich (art. 15 ust. 2da)" in notes
    assert "radcą" not in notes


# --- 6. No nominations to a planned competition -----------------------------------------------


def test_team_members_cannot_open_the_nomination_page_of_a_planned_competition(client, team_member, department_x):
    planned = factories.competition(department=department_x, status=Competition.Status.PLANNED)
    announced = factories.competition(department=department_x, status=Competition.Status.ANNOUNCED)
    client.force_login(team_member)
    assert client.get(reverse("panel:grants_panel:committee_nominate", args=[planned.slug])).status_code == 404
    assert client.get(reverse("panel:grants_panel:committee_nominate", args=[announced.slug])).status_code == 200


# --- 7. Offer files outside MEDIA_ROOT, served only through the checked view ------------------


def test_offer_files_are_stored_outside_media_root_and_have_no_media_url(setting, settings):
    offer = setting["alfa_offer"]
    path = Path(offer.file.path)
    assert path.is_file()
    assert Path(settings.PRIVATE_MEDIA_ROOT) in path.parents
    assert Path(settings.MEDIA_ROOT) not in path.parents
    assert not (offer.file.url or "").startswith(django_settings.MEDIA_URL)


def test_the_offer_file_is_served_only_to_people_allowed_to_see_the_offer(
    client, setting, resident, team_member, official_x, official_y, representative_a
):
    competition, offer = setting["competition"], setting["beta_offer"]
    factories.member(competition, resident, declared=True)
    factories.member(competition, team_member, conflicts=[setting["beta"]])
    file_url = url("committee_offer_file", competition, offer.pk)
    for user, status in [
        (resident, 200), (official_x, 200), (team_member, 404), (official_y, 404), (representative_a, 404),
    ]:
        client.force_login(user)
        response = client.get(file_url)
        assert response.status_code == status, user
        if status == 200:
            assert b"".join(response.streaming_content) == factories.PDF_BYTES

"""Appointing the committee (art. 15): roles, one chair, exclusion of persons linked to offering organisations,
nominations by the Team and by representatives."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.urls import reverse

from conftest import make_user
from partnerstwo.grants.committees import appointment, evaluation
from partnerstwo.grants.committees.models import CommitteeMember, Nomination
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.tests import factories
from partnerstwo.organizations.tests import factories as directory


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def competition(department_x):
    return factories.competition(department=department_x, status=Competition.Status.CLOSED)


def detail_url(competition):
    return reverse("panel:grants_panel:committee_detail", args=[competition.slug])


def test_an_official_of_the_department_appoints_a_city_representative_as_chair(
    client, official_x, competition, resident
):
    client.force_login(official_x)
    response = client.post(detail_url(competition), {"user": resident.email, "role": "city", "is_chair": "on"})
    assert response.status_code == 302
    seat = CommitteeMember.objects.get(competition=competition)
    assert (seat.user, seat.role, seat.is_chair) == (resident, "city", True)


def test_appointing_a_new_chair_leaves_exactly_one_chair(competition, resident, team_member):
    appointment.appoint(competition, user=resident, role="city", is_chair=True)
    appointment.appoint(competition, user=team_member, role="expert", is_chair=True)
    assert list(competition.committee.filter(is_chair=True).values_list("user", flat=True)) == [team_member.pk]


def test_a_person_indicated_by_an_organisation_that_submitted_an_offer_is_refused_citing_art_15(
    client, official_x, competition, resident
):
    bidder = directory.organization("Stowarzyszenie Oferent")
    factories.offer(competition, bidder)
    client.force_login(official_x)
    response = client.post(
        detail_url(competition), {"user": resident.email, "role": "ngo", "organization": "Stowarzyszenie Oferent"}
    )
    assert response.status_code == 200
    assert "art. 15" in response.content.decode()
    assert "z wyłączeniem osób wskazanych przez organizacje biorące udział w konkursie" in response.content.decode()
    assert not CommitteeMember.objects.exists()


def test_a_representative_of_an_offering_organisation_cannot_be_appointed_in_any_role(
    competition, representative_a, organization_a
):
    factories.offer(competition, organization_a)
    with pytest.raises(appointment.AppointmentRefused, match="Fundacja Alfa"):
        appointment.appoint(competition, user=representative_a, role="city")


def test_a_committee_without_ngo_persons_gets_a_note_not_a_refusal(client, official_x, competition, resident):
    appointment.appoint(competition, user=resident, role="city", is_chair=True)
    client.force_login(official_x)
    page = client.get(detail_url(competition)).content.decode()
    assert "art. 15 ust. 2da" in page


def test_an_expert_has_an_advisory_vote_stated_on_the_form(client, official_x, competition):
    client.force_login(official_x)
    assert "nie przyznają punktów" in client.get(detail_url(competition)).content.decode()


def test_an_unknown_email_gets_a_clear_message(client, official_x, competition):
    client.force_login(official_x)
    response = client.post(detail_url(competition), {"user": "nikt@example.org", "role": "city"})
    assert "Nie ma konta z tym adresem" in response.content.decode()


def test_an_official_of_another_department_cannot_open_or_change_the_committee(
    client, official_y, competition, resident
):
    client.force_login(official_y)
    assert client.get(detail_url(competition)).status_code == 404
    assert client.post(detail_url(competition), {"user": resident.email, "role": "city"}).status_code == 404
    assert not CommitteeMember.objects.exists()


def test_an_administrator_may_appoint(client, administrator, competition, resident):
    client.force_login(administrator)
    client.post(detail_url(competition), {"user": resident.email, "role": "city"})
    assert competition.committee.get().role == "city"


def test_a_team_member_nominates_a_candidate_and_the_official_appoints_them(
    client, team_member, official_x, competition, resident
):
    client.force_login(team_member)
    assert competition.title in client.get(reverse("panel:grants_panel:committee_index")).content.decode()
    response = client.post(
        reverse("panel:grants_panel:committee_nominate", args=[competition.slug]),
        {"candidate": resident.email, "justification": "Doświadczona trenerka, zna środowisko."},
    )
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert (nomination.candidate, nomination.nominated_by) == (resident, team_member)

    client.force_login(official_x)
    page = client.get(detail_url(competition)).content.decode()
    assert "Doświadczona trenerka" in page
    client.post(
        reverse("panel:grants_panel:committee_nomination", args=[competition.slug, nomination.pk]),
        {"decision": "appoint", "role": "city"},
    )
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.APPOINTED
    assert competition.committee.get().user == resident


def test_the_official_may_decline_a_nomination(client, team_member, official_x, competition, resident):
    nomination = appointment.nominate(competition, candidate=resident, by=team_member, justification="Ekspertka.")
    client.force_login(official_x)
    client.post(
        reverse("panel:grants_panel:committee_nomination", args=[competition.slug, nomination.pk]),
        {"decision": "decline", "role": "ngo"},
    )
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.DECLINED
    assert not CommitteeMember.objects.exists()


def test_a_representative_nominates_on_behalf_of_their_organisation(
    client, representative_b, organization_b, competition, resident
):
    client.force_login(representative_b)
    url = reverse("grants:committee_nominate", args=[competition.slug])
    response = client.post(
        url, {"candidate": resident.email, "organization": organization_b.pk, "justification": "Znawczyni."}
    )
    assert response.status_code == 302
    assert Nomination.objects.get().organization == organization_b


def test_an_organisation_that_submitted_an_offer_cannot_nominate(
    client, representative_b, organization_b, competition, resident
):
    factories.offer(competition, organization_b)
    client.force_login(representative_b)
    response = client.post(
        reverse("grants:committee_nominate", args=[competition.slug]),
        {"candidate": resident.email, "organization": organization_b.pk, "justification": "Znawczyni."},
    )
    assert response.status_code == 200
    assert "art. 15" in response.content.decode()
    assert not Nomination.objects.exists()


def test_a_resident_without_an_organisation_cannot_nominate(client, resident, competition):
    client.force_login(resident)
    assert client.get(reverse("grants:committee_nominate", args=[competition.slug])).status_code == 403


def test_the_panel_list_of_committees_takes_a_constant_number_of_queries(
    client, official_x, department_x, django_assert_max_num_queries
):
    for _ in range(3):
        factories.offer(factories.competition(department=department_x))
    client.force_login(official_x)
    with django_assert_max_num_queries(12) as before:
        client.get(reverse("panel:grants_panel:committee_index"))
    for _ in range(4):
        factories.offer(factories.competition(department=department_x))
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get(reverse("panel:grants_panel:committee_index"))
    assert response.content.decode().count("Konkurs testowy") == 7


def test_a_member_linked_to_an_offer_registered_after_appointment_is_flagged(client, official_x, competition):
    person = make_user("ewa@example.org", "representative", full_name="Ewa Ekspert")
    appointment.appoint(competition, user=person, role="city")
    organization = directory.organization("Fundacja Późna")
    directory.represent(person, organization)
    factories.offer(competition, organization)
    client.force_login(official_x)
    assert "Ewa Ekspert jest związany(-a) z organizacją" in client.get(detail_url(competition)).content.decode()


def scored_member(competition, user):
    factories.criteria(competition)
    offer = factories.offer(competition, formal="passed")
    seat = factories.member(competition, user, declared=True)
    quality, costs = evaluation.merit_criteria(competition)
    evaluation.save_card(offer, seat, {quality: (Decimal("8"), "Dobrze."), costs: (Decimal("4"), "Rzetelnie.")},
                         submit=True)
    return seat


def test_a_member_who_has_scored_cannot_be_recalled(department_x, resident):
    competition = factories.competition(department=department_x, status=Competition.Status.EVALUATION)
    seat = scored_member(competition, resident)

    with pytest.raises(ValidationError, match="oceniła już oferty"):
        appointment.remove(seat)
    with pytest.raises(ProtectedError):
        seat.delete()

    assert CommitteeMember.objects.filter(pk=seat.pk).exists()
    assert seat.scores.count() == 2


def test_the_panel_says_why_a_member_who_has_scored_stays(client, official_x, department_x, resident):
    competition = factories.competition(department=department_x, status=Competition.Status.EVALUATION)
    seat = scored_member(competition, resident)
    client.force_login(official_x)

    response = client.post(
        reverse("panel:grants_panel:committee_remove_member", args=[competition.slug, seat.pk]), follow=True
    )

    assert "Ta osoba oceniła już oferty; jej oceny muszą zostać w protokole." in response.content.decode()
    assert CommitteeMember.objects.filter(pk=seat.pk).exists()


def test_a_member_who_has_not_scored_is_recalled(client, official_x, competition, resident):
    seat = appointment.appoint(competition, user=resident, role="city")
    client.force_login(official_x)

    response = client.post(
        reverse("panel:grants_panel:committee_remove_member", args=[competition.slug, seat.pk]), follow=True
    )

    assert "Odwołano członka komisji." in response.content.decode()
    assert not CommitteeMember.objects.filter(pk=seat.pk).exists()


@pytest.mark.parametrize("status", [Competition.Status.PLANNED, Competition.Status.RESULTS,
                                    Competition.Status.CANCELLED])
def test_the_committee_is_formed_only_from_the_announcement_until_the_results(department_x, resident, status):
    competition = factories.competition(department=department_x, status=status)

    with pytest.raises(ValidationError, match="od ogłoszenia konkursu do ogłoszenia jego wyników"):
        appointment.appoint(competition, user=resident, role="city")

    assert not CommitteeMember.objects.filter(competition=competition).exists()


def test_the_panel_shows_why_a_closed_committee_takes_no_appointment(client, official_x, department_x, resident):
    competition = factories.competition(department=department_x, status=Competition.Status.RESULTS)
    client.force_login(official_x)

    response = client.post(detail_url(competition), {"user": resident.email, "role": "city"}, follow=True)

    assert response.status_code == 200
    assert "od ogłoszenia konkursu do ogłoszenia jego wyników" in response.content.decode()
    assert not CommitteeMember.objects.filter(competition=competition).exists()


def test_a_closed_committee_keeps_its_members_and_its_chair(department_x, resident, team_member):
    competition = factories.competition(department=department_x, status=Competition.Status.RESULTS)
    seat = factories.member(competition, resident)
    factories.member(competition, team_member, is_chair=True)

    with pytest.raises(ValidationError):
        appointment.make_chair(seat)
    with pytest.raises(ValidationError):
        appointment.remove(seat)

    seat.refresh_from_db()
    assert not seat.is_chair


# --- At least one representative of the mayor; an NGO person always with their organisation -------


@pytest.mark.parametrize("role, extra", [("ngo", {"organization": "Fundacja Wskazująca"}), ("expert", {})])
def test_the_first_member_must_be_a_representative_of_the_mayor(client, official_x, competition, resident, role,
                                                                 extra):
    directory.organization("Fundacja Wskazująca")
    client.force_login(official_x)
    response = client.post(detail_url(competition), {"user": resident.email, "role": role, **extra})
    assert response.status_code == 200
    page = response.content.decode()
    assert "co najmniej jeden przedstawiciel Prezydenta Miasta" in page
    assert resident.email in page  # what was typed stays in the form
    assert not CommitteeMember.objects.exists()


def test_after_a_representative_of_the_mayor_others_may_be_appointed(
    client, official_x, competition, resident, team_member
):
    directory.organization("Fundacja Wskazująca")
    factories.member(competition, official_x)
    client.force_login(official_x)
    client.post(detail_url(competition), {"user": resident.email, "role": "ngo", "organization": "Fundacja Wskazująca"})
    client.post(detail_url(competition), {"user": team_member.email, "role": "expert"})
    assert sorted(competition.committee.values_list("role", flat=True)) == ["city", "expert", "ngo"]


def test_the_last_representative_of_the_mayor_cannot_be_removed_while_others_sit(
    client, official_x, official_y, competition, resident
):
    city = factories.member(competition, official_y)
    factories.member(competition, resident, role=CommitteeMember.Role.EXPERT)
    client.force_login(official_x)
    remove = reverse("panel:grants_panel:committee_remove_member", args=[competition.slug, city.pk])
    page = client.post(remove, follow=True).content.decode()
    assert "jedyny przedstawiciel Prezydenta Miasta" in page
    assert CommitteeMember.objects.filter(pk=city.pk).exists()
    with pytest.raises(ValidationError):
        appointment.remove(city)


def test_a_representative_of_the_mayor_can_be_replaced_or_removed_with_the_whole_committee(
    competition, official_x, official_y, resident
):
    first = factories.member(competition, official_y)
    second = factories.member(competition, official_x)
    appointment.remove(first)  # another one stays
    appointment.remove(second)  # the committee is empty again
    assert not CommitteeMember.objects.exists()


def test_the_panel_notes_a_committee_whose_only_city_member_is_suspended(competition, official_y, resident):
    city = factories.member(competition, official_y)
    CommitteeMember.objects.filter(pk=city.pk).update(suspended_at="2026-12-01T10:00Z")
    members = list(competition.committee.all())
    assert any("przedstawiciel Prezydenta" in note for note in appointment.committee_notes(competition, members))


def test_the_database_refuses_an_ngo_member_without_the_organisation_that_indicated_them(competition, resident):
    with pytest.raises(IntegrityError), transaction.atomic():
        CommitteeMember.objects.create(competition=competition, user=resident, role="ngo")
    CommitteeMember.objects.create(competition=competition, user=resident, role="ngo",
                                   nominated_by=directory.organization("Fundacja Wskazująca"))

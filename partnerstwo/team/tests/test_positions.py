"""Positions through the pages, role by role: the secretary drafts one, members amend it and vote electronically
by the deadline, the scheduled job closes the vote, and the result reaches the register with each member's vote;
a vote at a meeting counts only the members present; the tracker of legal acts shows the positions on each act."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from conftest import make_user
from partnerstwo.team.models import Amendment, LegalAct, Membership, Position, PositionVote
from partnerstwo.team.positions import voting
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(db):
    user = make_user("sekretarz@zespol.example.org", "team_member", full_name="Sylwia Sekretarz")
    f.seat(user=user, name="Sylwia Sekretarz", role="secretary")
    return user


@pytest.fixture
def former_member(db):
    user = make_user("byly@example.org", "team_member")
    f.seat(name="Były Członek", user=user, left_on=f.days(-1))
    return user


def draft_form(**fields):
    values = {"kind": "position", "title": "Stanowisko w sprawie lokali", "text": "Zespół wnosi o **wykaz**.",
              "concerns": "topic", "legal_act": "", "subject_title": "", "subject_url": "", "delivered_on": ""}
    values.update(fields)
    return values


@pytest.fixture
def draft(db):
    return voting.save_draft(position=Position(body=f.body(), title="Stanowisko w sprawie lokali",
                                                  text="Zespół wnosi o wykaz lokali."))


@pytest.mark.parametrize(("fields", "message"), [
    ({"concerns": "legal_act"}, "Wskaż akt prawny"),
    ({"concerns": "competition", "subject_title": "Kultura 2027"}, "Wskaż konkurs ofert"),
    ({"concerns": "competition", "competition": "999999"}, "Wybierz poprawną wartość"),
    ({"addressed_to": ["999999"]}, "Wybierz poprawną wartość"),
    ({"title": ""}, "To pole jest wymagane"),
    ({"concerns": "nothing"}, "Wybierz poprawną wartość"),
    ({"delivered_on": "wczoraj"}, "Wpisz poprawną datę"),
])
def test_a_bad_draft_is_refused(client, secretary, fields, message):
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:position_create"), draft_form(**fields))

    assert response.status_code == 200 and message in response.content.decode()
    assert not Position.objects.exists()


def test_the_secretary_drafts_an_opinion_on_the_programme_and_sees_its_deadline(client, secretary):
    client.force_login(secretary)

    client.post(reverse("panel:team_panel:position_create"),
                draft_form(kind="opinion", concerns="programme", delivered_on="2026-11-30"))

    opinion = Position.objects.get()
    page = client.get(reverse("panel:team_panel:position", args=[opinion.pk])).content.decode()
    assert "14 dni od doręczenia projektu): 14 grudnia 2026" in page


@pytest.mark.parametrize(("who", "status"), [("team_member", 200), ("secretary", 200), ("former_member", 403),
                                             ("resident", 403), ("official_x", 403)])
def test_who_opens_the_members_page_of_a_draft(client, request, draft, who, status):
    client.force_login(request.getfixturevalue(who))

    assert client.get(reverse("team:member_position", args=[draft.pk])).status_code == status


def test_a_draft_is_not_public(client, draft):
    assert client.get(reverse("team:position", args=[draft.pk])).status_code == 404
    assert draft.title not in client.get(reverse("team:positions")).content.decode()


def test_members_amend_the_draft_and_the_vote_waits_for_the_secretarys_decision(client, secretary, team_member,
                                                                               draft):
    client.force_login(team_member)
    client.post(reverse("team:member_position", args=[draft.pk]), {"action": "amend", "text": "Dopisać szkoły."})
    amendment = Amendment.objects.get()
    assert amendment.proposed_by == team_member

    client.force_login(secretary)
    refused = client.post(reverse("panel:team_panel:position", args=[draft.pk]),
                          {"until": f.at(3).strftime("%Y-%m-%dT%H:%M")})
    assert "Najpierw rozstrzygnij zgłoszone poprawki" in refused.content.decode()
    client.post(reverse("panel:team_panel:amendment_decide", args=[amendment.pk]), {"decision": "accepted"})
    past = client.post(reverse("panel:team_panel:position", args=[draft.pk]),
                       {"until": f.at(-3).strftime("%Y-%m-%dT%H:%M")})
    assert "musi być w przyszłości" in past.content.decode()
    client.post(reverse("panel:team_panel:position", args=[draft.pk]), {"until": f.at(3).strftime("%Y-%m-%dT%H:%M")})
    assert Position.objects.get(pk=draft.pk).status == "voting"


def test_members_vote_electronically_and_the_scheduled_job_publishes_the_result(
    client, secretary, team_member, official_x, former_member, fixed_clock, draft
):
    f.seat(name="Ksawery Urzędnik", user=official_x)  # an official representing the mayor votes too
    voting.open_electronic_vote(position=draft, until=f.at(2))
    url = reverse("team:member_position", args=[draft.pk])
    for user, choice in ((team_member, "against"), (secretary, "for"), (official_x, "for"), (team_member, "for")):
        client.force_login(user)
        client.post(url, {"action": "vote", "choice": choice})
    client.force_login(former_member)
    assert client.post(url, {"action": "vote", "choice": "against"}).status_code == 403

    assert PositionVote.objects.filter(position=draft).count() == 3
    assert PositionVote.objects.get(membership__user=team_member).choice == "for"  # changed before the deadline
    call_command("close_team_votes", stdout=io.StringIO())
    assert Position.objects.get(pk=draft.pk).status == "voting"

    fixed_clock.shift(3 * 24 * 3600)
    client.force_login(team_member)
    late = client.post(url, {"action": "vote", "choice": "against"}, follow=True)
    assert "nie możesz już głosować" in late.content.decode()
    call_command("close_team_votes", stdout=io.StringIO())
    call_command("close_team_votes", stdout=io.StringIO())  # again: nothing more to do

    decided = Position.objects.get(pk=draft.pk)
    assert (decided.status, decided.method, decided.register_label) == (
        "adopted", "consensus", f"1/{f.today().year}")
    page = client.get(decided.get_absolute_url()).content.decode()
    assert "Tomasz Zespołowy" in page and "Ksawery Urzędnik" in page and "nr 1/" in page
    assert decided.title in client.get(reverse("team:positions")).content.decode()


def test_a_resident_and_a_stranger_cannot_vote(client, resident, draft):
    voting.open_electronic_vote(position=draft, until=f.at(2))
    url = reverse("team:member_position", args=[draft.pk])

    assert "/konto/login/" in client.post(url, {"action": "vote", "choice": "for"})["Location"]
    client.force_login(resident)
    assert client.post(url, {"action": "vote", "choice": "for"}).status_code == 403
    assert not PositionVote.objects.exists()


@pytest.mark.parametrize("choice", ["maybe", "", "<script>"])
def test_a_bad_vote_is_refused(client, team_member, draft, choice):
    voting.open_electronic_vote(position=draft, until=f.at(2))
    client.force_login(team_member)

    response = client.post(reverse("team:member_position", args=[draft.pk]), {"action": "vote", "choice": choice})

    assert 'class="error-summary"' in response.content.decode() and not PositionVote.objects.exists()


def test_at_a_meeting_only_the_members_present_vote_and_the_quorum_is_needed(client, secretary, draft):
    seats = f.members(4)
    meeting = f.meeting(-1)
    f.attend(meeting, seats[:3])
    f.attend(meeting, seats[3:], status="absent")
    client.force_login(secretary)
    url = reverse("panel:team_panel:meeting_vote", args=[draft.pk, meeting.pk])

    page = client.get(url).content.decode()
    assert seats[3].person_name not in page and page.index("Kworum") < page.index(seats[0].person_name)
    client.post(url, {f"member_{seats[3].pk}": "against", f"member_{seats[0].pk}": "for",
                      f"member_{seats[1].pk}": "for", f"member_{seats[2].pk}": "against"})

    decided = Position.objects.get(pk=draft.pk)
    assert (decided.status, decided.votes_for, decided.votes_against, decided.meeting) == ("adopted", 2, 1, meeting)
    assert not decided.votes.filter(membership=seats[3]).exists()  # absent: the forged field counts for nothing


def test_the_domain_refuses_a_vote_of_someone_absent(secretary, draft):
    seats = f.members(3)
    meeting = f.meeting(-1)
    f.attend(meeting, seats[:2])

    with pytest.raises(ValidationError, match="tylko członkowie obecni"):
        voting.record_meeting_vote(position=draft, meeting=meeting, choices={s.pk: "for" for s in seats})


def test_without_the_quorum_a_meeting_cannot_vote(secretary, draft):
    seats = f.members(5)  # with the secretary: six members, three needed
    meeting = f.meeting(-1)
    f.attend(meeting, seats[:2])

    with pytest.raises(ValidationError, match="kworum"):
        voting.record_meeting_vote(position=draft, meeting=meeting, choices={seats[0].pk: "for"})
    assert Position.objects.get(pk=draft.pk).status == "draft"


def test_the_tracker_shows_each_acts_stage_and_the_bodys_positions_on_it(client, secretary, department_x):
    client.force_login(secretary)
    client.post(reverse("panel:team_panel:legal_act_create"),
                {"title": "Program współpracy 2027", "stage": "consultation", "department": department_x.pk,
                 "consultation_url": "https://konsultacje.example.org/program", "next_step": "Opinia Zespołu",
                 "next_step_on": f.days(10).isoformat()})
    act = LegalAct.objects.get()
    seats = f.members(3)
    opinion = voting.save_draft(position=Position(body=f.body(), kind="opinion", title="Opinia o programie",
                                                     text="Pozytywna.", concerns="legal_act", legal_act=act))
    meeting = f.meeting(-1)
    f.attend(meeting, seats)
    voting.record_meeting_vote(position=opinion, meeting=meeting, choices={s.pk: "for" for s in seats})

    page = client.get(reverse("team:legal_acts")).content.decode()
    assert "Program współpracy 2027" in page and "w konsultacjach" in page and "Opinia o programie" in page
    assert department_x.name in page


def test_the_register_takes_the_same_number_of_queries_however_many_positions(client, django_assert_num_queries):
    seats = f.members(3)
    meeting = f.meeting(-1)
    f.attend(meeting, seats)

    def adopt(n):
        position = voting.save_draft(position=Position(body=f.body(), title=f"Stanowisko {n}", text="T"))
        voting.record_meeting_vote(position=position, meeting=meeting, choices={s.pk: "for" for s in seats})

    adopt(0)
    client.get(reverse("team:positions"))
    with django_assert_num_queries(2) as before:
        client.get(reverse("team:positions"))
    for n in range(1, 5):
        adopt(n)
    with django_assert_num_queries(len(before.captured_queries)):
        client.get(reverse("team:positions"))
    assert Membership.objects.count() == 3

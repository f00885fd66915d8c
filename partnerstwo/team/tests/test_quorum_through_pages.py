"""The quorum and the body's rules at their edges, through the pages the secretary and the members use: the quorum
is shown before any vote (at a meeting: members, the quorum, those present; electronically: who may vote and how
many must take part), exactly half is enough and one short is not, a tie goes the chair's way only when the chair
voted for, and a vote with no one against is consensus."""

import pytest
from django.urls import reverse

from conftest import make_user
from partnerstwo.team.models import Body, Membership, Position
from partnerstwo.team.positions import voting
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(db):
    """Holds a seat: with nine more members the body has ten."""
    user = make_user("sekretarz@zespol.example.org", "team_member")
    f.seat(user=user, name="Sylwia Sekretarz", role=Membership.Role.SECRETARY)
    return user


@pytest.fixture
def draft(db):
    return voting.save_draft(position=Position(body=f.body(), title="Stanowisko w sprawie lokali", text="Treść."))


def vote_page(meeting, position):
    return reverse("panel:team_panel:meeting_vote", args=[position.pk, meeting.pk])


@pytest.mark.parametrize(("present", "met"), [(5, True), (4, False)])
def test_at_a_meeting_exactly_half_is_a_quorum_and_one_short_is_not_shown_before_the_vote(
    client, secretary, draft, present, met,
):
    f.body(quorum_percent=50)
    seats = [*Membership.objects.all(), *f.members(9)]  # ten members
    meeting = f.meeting(-1)
    f.attend(meeting, seats[:present])
    client.force_login(secretary)

    page = client.get(vote_page(meeting, draft)).content.decode()
    shown = f"Członków w dniu posiedzenia: 10. Kworum (50% składu): 5. Obecnych: {present}."
    assert shown in page
    assert ("Kworum jest: można głosować." in page) is met and ("Brak kworum" in page) is not met
    assert page.index(shown) < page.index('name="member_')

    response = client.post(vote_page(meeting, draft), {f"member_{s.pk}": "for" for s in seats[:present]})

    decided = Position.objects.get(pk=draft.pk)
    if met:
        assert response.status_code == 302 and decided.status == "adopted" and decided.method == "consensus"
    else:
        assert response.status_code == 200
        assert "Bez kworum nie można głosować: obecnych 4 z 10 członków, potrzeba 5." in response.content.decode()
        assert decided.status == "draft" and not decided.votes.exists()  # nothing half-saved


def test_the_attendance_page_and_the_meeting_show_the_quorum_with_an_odd_number_rounded_up(client, secretary):
    seats = [*Membership.objects.all(), *f.members(8)]  # nine members: half is 4.5, the quorum 5
    meeting = f.meeting(-1)
    f.attend(meeting, seats[:4])
    client.force_login(secretary)

    for url in (reverse("panel:team_panel:attendance", args=[meeting.pk]),
                reverse("panel:team_panel:meeting", args=[meeting.pk])):
        page = client.get(url).content.decode()
        assert "Członków w dniu posiedzenia: 9. Kworum (50% składu): 5. Obecnych: 4." in page, url
        assert "Brak kworum: głosowania nie można zapisać." in page, url


@pytest.mark.parametrize(("chair_vote", "decides", "status", "method"), [
    ("for", True, "adopted", "chair"), ("against", True, "rejected", "no_majority"),
    ("for", False, "rejected", "no_majority"),
])
def test_a_tie_at_a_meeting_goes_the_chairs_way_only_when_the_rules_say_so(
    client, secretary, draft, chair_vote, decides, status, method,
):
    f.body(majority_rule=Body.MajorityRule.SIMPLE_MAJORITY, chair_decides_tie=decides)
    chair = f.seat(name="Przewodnicząca", role=Membership.Role.CHAIR)
    others = f.members(3)
    meeting = f.meeting(-1)
    f.attend(meeting, [chair, *others])
    client.force_login(secretary)
    other = "against" if chair_vote == "for" else "for"

    client.post(vote_page(meeting, draft), {f"member_{chair.pk}": chair_vote, f"member_{others[0].pk}": chair_vote,
                                            f"member_{others[1].pk}": other, f"member_{others[2].pk}": other})

    decided = Position.objects.get(pk=draft.pk)
    assert (decided.status, decided.method, decided.votes_for, decided.votes_against) == (status, method, 2, 2)
    page = client.get(decided.get_absolute_url()).content.decode()
    assert str(Position.Method(method).label) in page


@pytest.mark.parametrize(("votes", "status", "method"), [
    (["for", "for", "abstain", "for", "abstain"], "adopted", "consensus"),
    (["for", "for", "against", "for", "abstain"], "adopted", "majority"),
    (["for", "for", "for", "for"], "rejected", "no_quorum"),
])
def test_an_electronic_vote_shows_its_quorum_to_the_members_before_they_vote_and_counts_it(
    client, secretary, draft, votes, status, method,
):
    f.body(quorum_percent=50, majority_rule=Body.MajorityRule.CONSENSUS_THEN_MAJORITY)
    seats = [*Membership.objects.all(), *f.members(9)]  # ten may vote: five must take part
    voting.open_electronic_vote(position=draft, until=f.at(3))
    member = make_user("czlonek@zespol.example.org", "team_member")
    Membership.objects.filter(pk=seats[1].pk).update(user=member)
    client.force_login(member)

    page = client.get(reverse("team:member_position", args=[draft.pk])).content.decode()
    shown = "Uprawnionych do głosowania: 10. Głosowanie jest ważne, jeśli weźmie w nim udział co najmniej 5"
    assert shown in page and "Zagłosowało dotąd: 0." in page and "Kworum jeszcze nie ma." in page
    assert page.index(shown) < page.index('name="choice"')
    for seat, choice in zip(seats[1:], votes, strict=False):
        voting.cast(position=draft, seat=seat, choice=choice)
    page = client.get(reverse("team:member_position", args=[draft.pk])).content.decode()
    assert f"Zagłosowało dotąd: {len(votes)}." in page
    assert ("Kworum jest." in page) is (len(votes) >= 5)
    client.force_login(secretary)
    assert shown in client.get(reverse("panel:team_panel:position", args=[draft.pk])).content.decode()

    client.post(reverse("panel:team_panel:position_close", args=[draft.pk]))

    decided = Position.objects.get(pk=draft.pk)
    assert (decided.status, decided.method) == (status, method)
    assert (decided.register_number is not None) is (status == "adopted")

"""The members' area role by role: a member answers the invitation and sees the open action items, theirs first;
a former member, a guest with an account, an official without a seat and a resident are turned away."""

import pytest
from django.urls import reverse

from conftest import make_user
from partnerstwo.team.models import ActionItem, Attendance, Guest, Membership
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db

HOME = "/zespol/dla-czlonkow/"


@pytest.fixture
def coming(team_member):
    meeting = f.meeting(7, items=["Program współpracy"], online_url="https://spotkania.example.org/zespol")
    guest_account = make_user("gosc@example.org", "resident")
    Guest.objects.create(meeting=meeting, name="Gość", email=guest_account.email)
    return meeting


@pytest.fixture
def former_member(db):
    user = make_user("byly@example.org", "team_member")
    f.seat(name="Były Członek", user=user, left_on=f.days(-1))
    return user


@pytest.mark.parametrize(("who", "status"), [
    ("team_member", 200), ("administrator", 200), ("former_member", 403), ("resident", 403), ("official_x", 403),
    ("representative_a", 403),
])
def test_who_enters_the_members_area(client, request, coming, who, status):
    client.force_login(request.getfixturevalue(who))

    assert client.get(HOME).status_code == status
    assert client.get(reverse("team:member_meeting", args=[coming.pk])).status_code == status


def test_a_guest_with_an_account_gets_the_invitation_but_not_the_members_area(client, coming):
    client.force_login(make_user("inny.gosc@example.org", "resident"))
    assert client.get(HOME).status_code == 403
    assert client.get(coming.get_absolute_url()).status_code == 200


def test_an_official_with_a_seat_enters_it(client, official_x, coming):
    f.seat(name="Ksawery Urzędnik", user=official_x)
    client.force_login(official_x)

    assert client.get(HOME).status_code == 200


def test_a_stranger_is_sent_to_sign_in(client):
    assert "/konto/login/" in client.get(HOME)["Location"]


def test_a_member_says_they_will_come_and_sees_the_online_link(client, team_member, coming):
    client.force_login(team_member)
    url = reverse("team:member_meeting", args=[coming.pk])

    page = client.get(url).content.decode()
    assert "https://spotkania.example.org/zespol" in page
    assert "https://spotkania.example.org/zespol" not in client.get(coming.get_absolute_url()).content.decode()
    client.post(url, {"action": "respond", "response": "coming"})

    seat = Membership.objects.get(user=team_member)
    assert Attendance.objects.get(meeting=coming, membership=seat).response == "coming"
    assert "Twoja odpowiedź: będę." in client.get(HOME).content.decode()


@pytest.mark.parametrize("answer", ["maybe", "", "<script>"])
def test_a_bad_answer_is_refused(client, team_member, coming, answer):
    client.force_login(team_member)

    response = client.post(reverse("team:member_meeting", args=[coming.pk]), {"action": "respond", "response": answer})

    assert response.status_code == 200 and 'class="error-summary"' in response.content.decode()
    assert not Attendance.objects.exists()


def test_no_answer_once_the_meeting_started(client, team_member):
    started = f.meeting(-1)
    client.force_login(team_member)

    response = client.post(reverse("team:member_meeting", args=[started.pk]), {"action": "respond",
                                                                                 "response": "coming"}, follow=True)

    assert "nie można już odpowiadać" in response.content.decode()


def test_an_unknown_action_is_a_bad_request(client, team_member, coming):
    client.force_login(team_member)

    assert client.post(reverse("team:member_meeting", args=[coming.pk]), {"action": "vote"}).status_code == 400


def test_open_action_items_show_at_the_next_meeting_and_on_the_members_page(client, team_member, coming):
    seat = Membership.objects.get(user=team_member)
    earlier = f.meeting(-30)
    ActionItem.objects.create(meeting=earlier, what="Zebrać uwagi organizacji", owner=seat)
    ActionItem.objects.create(meeting=earlier, what="Przygotować salę", owner_name="Centrum")
    ActionItem.objects.create(meeting=earlier, what="Już zrobione", owner=seat, done_on=f.days(-2))
    client.force_login(team_member)

    home = client.get(HOME).content.decode()
    assert home.index("Zebrać uwagi organizacji") < home.index("Pozostałe otwarte zadania") < home.index(
        "Przygotować salę")
    assert "Już zrobione" not in home
    at_next = client.get(reverse("team:member_meeting", args=[coming.pk])).content.decode()
    assert "Zebrać uwagi organizacji" in at_next and "Przygotować salę" in at_next and "Już zrobione" not in at_next


def test_the_members_page_takes_the_same_number_of_queries_however_many_meetings(client, team_member,
                                                                                 django_assert_num_queries):
    client.force_login(team_member)
    f.meeting(3)
    client.get(HOME)
    with django_assert_num_queries(12) as before:
        client.get(HOME)
    for days in (5, 9, -3, -9):
        f.meeting(days)
    with django_assert_num_queries(len(before.captured_queries)):
        client.get(HOME)

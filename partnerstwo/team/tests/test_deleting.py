"""Taking away a term, a seat or a meeting entered by mistake, and what may not go: the history the body keeps
in public (recorded attendance and votes), and a meeting whose invitations went out (it is cancelled instead).
The secretary may be a city official holding the secretary's seat."""

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from partnerstwo.team.models import Meeting, Membership, Position, PositionVote, Term
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(db):
    user = make_user("sekretarz@zespol.example.org", "team_member", full_name="Sylwia Sekretarz")
    f.seat(user=user, name="Sylwia Sekretarz", role=Membership.Role.SECRETARY)
    return user


@pytest.fixture
def official_secretary(db, department_x):
    user = make_user("urzednik.sekretarz@um.example.org", "official", department=department_x)
    f.seat(user=user, name="Olga Urzędniczka", role=Membership.Role.SECRETARY)
    return user


def delete_urls(term, seat, meeting):
    return (
        reverse("panel:team_panel:term_delete", args=[term.pk]),
        reverse("panel:team_panel:membership_delete", args=[seat.pk]),
        reverse("panel:team_panel:meeting_delete", args=[meeting.pk]),
    )


@pytest.mark.parametrize(("who", "status"), [
    ("resident", 403), ("representative_a", 403), ("team_member", 403), ("official_x", 403),
    ("secretary", 200), ("official_secretary", 200), ("administrator", 200),
])
def test_only_the_body_staff_may_delete(client, request, who, status):
    client.force_login(request.getfixturevalue(who))
    term = f.term(9, starts_on=f.days(4000), ends_on=f.days(4500))
    seat, meeting = f.seat(name="Pomyłka"), f.meeting()

    for url in delete_urls(term, seat, meeting):
        assert client.get(url).status_code == status, url
        assert client.post(url).status_code in ((302,) if status == 200 else (403,)), url

    if status == 403:
        assert Term.objects.filter(pk=term.pk).exists() and Meeting.objects.filter(pk=meeting.pk).exists()


def test_the_confirmation_page_asks_first(client, secretary):
    client.force_login(secretary)
    meeting = f.meeting(title="Posiedzenie wpisane dwa razy")

    page = client.get(reverse("panel:team_panel:meeting_delete", args=[meeting.pk])).content.decode()

    assert "Posiedzenie wpisane dwa razy" in page and "Usuń posiedzenie" in page
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_seat_added_by_mistake_goes_and_its_holder_loses_the_members_area_at_once(client, secretary):
    holder = make_user("pomylka@example.org", "team_member")
    seat = f.seat(user=holder, name="Wpis przez pomyłkę")
    client.force_login(holder)
    assert client.get(reverse("team:member_home")).status_code == 200

    client.force_login(secretary)
    response = client.post(reverse("panel:team_panel:membership_delete", args=[seat.pk]), follow=True)

    assert "Usunięto: Wpis przez pomyłkę." in response.content.decode()
    assert not Membership.objects.filter(pk=seat.pk).exists()
    client.force_login(holder)
    assert client.get(reverse("team:member_home")).status_code == 403


def test_a_seat_with_recorded_attendance_or_votes_stays_in_the_history(client, secretary):
    attended, voted = f.seat(name="Była obecna"), f.seat(name="Głosował")
    f.attend(f.meeting(-7), [attended])
    position = Position.objects.create(body=f.body(), title="Stanowisko", text="T")
    PositionVote.objects.create(position=position, membership=voted, choice=PositionVote.Choice.FOR)
    client.force_login(secretary)

    for seat in (attended, voted):
        response = client.post(reverse("panel:team_panel:membership_delete", args=[seat.pk]), follow=True)
        assert "Wpisz datę, w której opuścił skład." in response.content.decode()
        assert Membership.objects.filter(pk=seat.pk).exists()


def test_a_term_entered_by_mistake_goes_with_its_seats_but_not_one_with_history(client, secretary):
    mistaken = f.term(9, starts_on=f.days(4000), ends_on=f.days(4500))
    f.seat(mistaken, name="Ktoś", joined_on=mistaken.starts_on)
    kept = f.term()
    f.attend(f.meeting(-7), [f.seat(kept, name="Obecny")])
    client.force_login(secretary)

    refused = client.post(reverse("panel:team_panel:term_delete", args=[kept.pk]), follow=True)
    done = client.post(reverse("panel:team_panel:term_delete", args=[mistaken.pk]), follow=True)

    assert "historia kadencji pozostaje jawna" in refused.content.decode()
    assert Term.objects.filter(pk=kept.pk).exists()
    assert "Usunięto kadencję 9." in done.content.decode()
    assert not Term.objects.filter(pk=mistaken.pk).exists()
    assert not Membership.objects.filter(person_name="Ktoś").exists()


def test_a_meeting_is_deleted_only_before_its_invitations_went_out(client, secretary):
    planned, invited, held = f.meeting(10), f.meeting(12), f.meeting(-3)
    invited.invitations_sent_at = timezone.now()
    invited.save()
    client.force_login(secretary)

    for meeting, message in (
        (invited, "odwołaj je, a zaproszeni dostaną wiadomość o odwołaniu"),
        (held, "Posiedzenia, które się odbyło"),
    ):
        response = client.post(reverse("panel:team_panel:meeting_delete", args=[meeting.pk]), follow=True)
        assert message in response.content.decode()
        assert Meeting.objects.filter(pk=meeting.pk).exists()

    client.post(reverse("panel:team_panel:meeting_delete", args=[planned.pk]))
    assert not Meeting.objects.filter(pk=planned.pk).exists()


def test_a_meeting_page_offers_deleting_only_while_it_may_go(client, secretary):
    planned, held = f.meeting(10), f.meeting(-3)
    client.force_login(secretary)

    def offers(meeting):
        page = client.get(reverse("panel:team_panel:meeting", args=[meeting.pk])).content.decode()
        return reverse("panel:team_panel:meeting_delete", args=[meeting.pk]) in page

    assert offers(planned) and not offers(held)


def test_an_official_keeps_their_role_on_the_secretary_seat_and_runs_the_body(client, official_secretary):
    official_secretary.refresh_from_db()
    client.force_login(official_secretary)

    assert official_secretary.role == "official"
    assert client.get(reverse("panel:team_panel:index")).status_code == 200
    assert client.get(reverse("panel:team_panel:meetings")).status_code == 200


def test_an_official_whose_secretary_seat_ended_loses_the_body_staff_pages(client, department_x):
    user = make_user("byly.sekretarz@um.example.org", "official", department=department_x)
    f.seat(user=user, name="Były Sekretarz", role=Membership.Role.SECRETARY, left_on=f.days(-1))
    client.force_login(user)

    assert client.get(reverse("panel:team_panel:index")).status_code == 403

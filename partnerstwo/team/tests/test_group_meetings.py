"""A sector group's or working team's own meetings, with the body's meeting model: run by the body's staff and
the group's coordinators (role by role), invitations to the group's members with iCal, attendance of the group's
members without a quorum, no votes, minutes published without the body's approval vote; the body's pages and
counts never show them; the group's page lists them in a constant number of queries."""

import pytest
from django.core import mail
from django.urls import reverse

from conftest import give_seat, make_user
from partnerstwo.organizations.models import Representation
from partnerstwo.organizations.tests import factories as directory
from partnerstwo.team.meetings import conduct, minutes
from partnerstwo.team.models import AgendaItem, Attendance, Group, GroupMember, Guest, Meeting
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def culture(db):
    return Group.objects.create(body=f.body(), kind="sector", name="Grupa branżowa: kultura", slug="kultura")


@pytest.fixture
def sport(db):
    return Group.objects.create(body=f.body(), kind="sector", name="Grupa branżowa: sport", slug="sport")


@pytest.fixture
def alfa(culture, representative_a):
    """Fundacja Alfa coordinates the culture group; representative_a speaks for it."""
    org = f.organization("Fundacja Alfa")
    directory.represent(representative_a, org)
    GroupMember.objects.create(group=culture, organization=org, role=GroupMember.Role.COORDINATOR)
    return org


@pytest.fixture
def beta(culture, representative_b):
    """Stowarzyszenie Beta is an ordinary member; representative_b speaks for it."""
    org = f.organization("Stowarzyszenie Beta")
    directory.represent(representative_b, org)
    GroupMember.objects.create(group=culture, organization=org)
    return org


@pytest.fixture
def secretary(db):
    user = make_user("sekretarz@zespol.example.org", "team_member")
    give_seat(user, role="secretary", person_name="Sekretarz")
    return user


@pytest.fixture
def person_coordinator(culture):
    user = make_user("ola@example.org", "resident", full_name="Ola Koordynatorka")
    GroupMember.objects.create(group=culture, person_name="Ola Koordynatorka", user=user,
                               role=GroupMember.Role.COORDINATOR)
    return user


def group_meeting(group, days=14, **fields):
    values = {"starts_at": f.at(days), "ends_at": f.at(days, 18), "place": "Centrum, sala 2", **fields}
    return Meeting.objects.create(group=group, title="Spotkanie grupy", **values)


@pytest.fixture
def meeting(culture, alfa, beta):
    made = group_meeting(culture)
    AgendaItem.objects.create(meeting=made, position=1, title="Konkursy kultury")
    return made


def panel(name, *args):
    return reverse(f"panel:team_panel:{name}", args=args)


ROLES = [
    ("resident", 403), ("official_x", 403), ("team_member", 403), ("representative_b", 403),
    ("representative_a", 200), ("person_coordinator", 200), ("secretary", 200), ("administrator", 200),
]


@pytest.mark.parametrize(("who", "status"), ROLES)
def test_the_body_staff_and_the_coordinators_run_the_groups_meetings(client, request, meeting, who, status):
    client.force_login(request.getfixturevalue(who))

    for url in (panel("group_meetings", meeting.group_id), panel("group_meeting_create", meeting.group_id),
                panel("meeting", meeting.pk), panel("meeting_edit", meeting.pk), panel("minutes", meeting.pk),
                panel("item_create", meeting.pk)):
        assert client.get(url).status_code == status, url
    response = client.post(panel("item_create", meeting.pk), {"title": "Wolne wnioski"})
    assert response.status_code == (302 if status == 200 else 403)
    assert meeting.items.count() == (2 if status == 200 else 1)


def test_a_stranger_is_sent_to_sign_in(client, meeting):
    response = client.get(panel("meeting", meeting.pk))
    assert response.status_code == 302 and "/konto/" in response["Location"]


def test_a_coordinator_runs_only_their_groups_meetings_not_the_bodys_nor_another_groups(
    client, representative_a, meeting, sport
):
    client.force_login(representative_a)
    body_meeting = f.meeting(10)
    other = group_meeting(sport)

    assert client.get(panel("meeting", body_meeting.pk)).status_code == 403
    assert client.get(panel("meeting", other.pk)).status_code == 403
    assert client.get(panel("group_meetings", sport.pk)).status_code == 403
    assert client.get(panel("meetings")).status_code == 403
    assert client.post(panel("guest_add", other.pk), {"name": "Gość"}).status_code == 403
    assert not other.guests.exists()


def test_a_pending_representative_of_the_coordinating_organisation_runs_nothing(client, meeting, resident, alfa):
    directory.represent(resident, alfa, status=Representation.Status.PENDING)
    client.force_login(resident)
    assert client.get(panel("meeting", meeting.pk)).status_code == 403


def test_the_coordinator_plans_a_meeting_and_bad_input_is_refused_with_what_was_typed(
    client, representative_a, culture, alfa
):
    client.force_login(representative_a)
    url = panel("group_meeting_create", culture.pk)
    page = client.get(url).content.decode()
    assert "departments" not in page  # the departments' pages list the body's meetings only

    bad = client.post(url, {"title": "Spotkanie X", "starts_at": "2030-05-10T18:00", "ends_at": "2030-05-10T17:00"})
    assert bad.status_code == 200
    assert "Koniec posiedzenia nie może być wcześniejszy" in bad.content.decode()
    assert 'value="Spotkanie X"' in bad.content.decode()
    nowhere = client.post(url, {"title": "Spotkanie X", "starts_at": "2030-05-10T17:00",
                                "ends_at": "2030-05-10T19:00"})
    assert "Podaj miejsce posiedzenia" in nowhere.content.decode()
    garbage = client.post(url, {"title": "", "starts_at": "jutro", "ends_at": "\x00"})
    assert garbage.status_code == 200
    assert not Meeting.objects.exists()

    client.post(url, {"title": "Spotkanie X", "starts_at": "2030-05-10T17:00", "ends_at": "2030-05-10T19:00",
                      "place": "Centrum"})
    made = Meeting.objects.get()
    assert made.group == culture and made.body is None


def test_the_bodys_pages_and_counts_show_only_the_bodys_meetings(client, meeting, secretary):
    body_meeting = f.meeting(10, title="Posiedzenie Zespołu nr 9")
    assert list(f.body().meetings.all()) == [body_meeting]

    listing = client.get(reverse("team:meetings")).content.decode()
    assert "Posiedzenie Zespołu nr 9" in listing and "Spotkanie grupy" not in listing
    assert client.get(reverse("team:meeting", args=[meeting.pk])).status_code == 404
    client.force_login(secretary)
    assert "Spotkanie grupy" not in client.get(panel("meetings")).content.decode()
    assert client.get(reverse("team:member_meeting", args=[meeting.pk])).status_code == 404


def test_the_group_meeting_page_and_the_group_page(client, meeting):
    page = client.get(meeting.get_absolute_url())
    assert page.status_code == 200
    assert meeting.get_absolute_url() == f"/zespol/grupy/kultura/posiedzenia/{meeting.pk}/"
    assert "Grupa branżowa: kultura" in page.content.decode() and "Konkursy kultury" in page.content.decode()
    assert client.get(f"/zespol/grupy/sport/posiedzenia/{meeting.pk}/").status_code == 404
    group_page = client.get(meeting.group.get_absolute_url()).content.decode()
    assert "Spotkanie grupy" in group_page
    assert client.get(reverse("team:meeting_ics", args=[meeting.pk])).status_code == 200


def test_invitations_go_to_the_groups_people_and_its_organisations_representatives(
    meeting, culture, representative_a, representative_b, resident, django_capture_on_commit_callbacks
):
    GroupMember.objects.create(group=culture, person_name="Ewa Ekspertka", email="ewa@example.org")
    GroupMember.objects.create(group=culture, person_name="Bez Adresu")
    outsider_org = f.organization("Poza Grupą")
    directory.represent(resident, outsider_org)
    pending = make_user("oczekuje@example.org", "representative")
    directory.represent(pending, meeting.group.members.get(organization__name="Fundacja Alfa").organization,
                        status=Representation.Status.PENDING)
    Guest.objects.create(meeting=meeting, name="Gość", email="gosc@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        count = conduct.send_invitations(meeting=meeting)

    addresses = sorted(message.to[0] for message in mail.outbox)
    assert count == 4
    assert addresses == sorted([representative_a.email, representative_b.email, "ewa@example.org",
                                "gosc@example.org"])
    message = mail.outbox[0]
    assert "Grupa branżowa: kultura" in message.body and "/zespol/dla-czlonkow/" not in message.body
    (name, content, mimetype), = message.attachments
    assert name == "posiedzenie.ics" and "Grupa bran" in str(content)

    # A change of the agenda marks the invitations out of date; sending again is an update.
    conduct.save_item(item=AgendaItem(meeting=meeting, title="Nowy punkt"))
    meeting.refresh_from_db()
    assert meeting.invitations_outdated and meeting.sequence == 1


def test_attendance_of_the_groups_members_without_quorum_no_votes_and_minutes_published_without_a_vote(
    client, secretary, culture, alfa, beta, time_machine
):
    held = group_meeting(culture, days=-1)
    item = AgendaItem.objects.create(meeting=held, position=1, title="Konkursy")
    client.force_login(secretary)
    rows = conduct.attendance_of(held)
    assert [str(member) for member, _record in rows] == ["Fundacja Alfa", "Stowarzyszenie Beta"]
    assert conduct.quorum(held) is None

    data = {f"member_{rows[0][0].pk}": "present", f"member_{rows[1][0].pk}": "excused"}
    response = client.post(panel("attendance", held.pk), data)
    assert response.status_code == 302
    assert Attendance.objects.filter(meeting=held, status="present").get().group_member == rows[0][0]
    # Bad input: an unknown status is refused; a member of another group is ignored.
    bad = client.post(panel("attendance", held.pk), {f"member_{rows[0][0].pk}": "kworum"})
    assert bad.status_code == 200
    conduct.record_attendance(meeting=held, statuses={999999: "present"}, guests={})
    assert Attendance.objects.filter(meeting=held).count() == 2

    # The minutes of a point: no vote fields, and a vote given anyway is refused.
    page = client.get(panel("item_minutes", item.pk)).content.decode()
    assert "votes_for" not in page and "kworum" not in page.lower()
    client.post(panel("item_minutes", item.pk), {"discussion": "Omówiono.", "decisions": "Ustalono.",
                                                 "votes_for": "5", "votes_against": "0", "votes_abstain": "0"})
    item.refresh_from_db()
    assert item.decisions == "Ustalono." and item.votes_for is None
    item.votes_for, item.votes_against, item.votes_abstain = 3, 0, 0
    with pytest.raises(Exception, match="nie zapisuje się głosowań"):
        conduct.save_item_minutes(item=item)

    # An action item names its owner in words.
    client.post(panel("action_create", held.pk), {"what": "Zebrać uwagi", "owner_name": ""})
    assert not held.action_items.exists()
    client.post(panel("action_create", held.pk), {"what": "Zebrać uwagi", "owner_name": "koordynator"})
    assert held.action_items.get().who == "koordynator"

    # No approval vote: the minutes are published, once.
    minutes_page = client.get(panel("minutes", held.pk)).content.decode()
    assert "Opublikuj protokół" in minutes_page and "Przyjęcie protokołów" not in minutes_page
    assert client.post(panel("approve", held.pk), {"meeting": held.pk, "votes_for": 1, "votes_against": 0,
                                                   "votes_abstain": 0}).status_code == 200
    client.post(panel("minutes_publish", held.pk))
    held.refresh_from_db()
    assert held.minutes_published and held.approved_at_meeting is None
    client.post(panel("minutes_publish", held.pk))  # a second click changes nothing
    public = client.get(held.get_absolute_url()).content.decode()
    assert "Ustalono." in public and "Fundacja Alfa" in public and "Kworum" not in public
    assert client.get(reverse("team:minutes_pdf", args=[held.pk])).status_code == 200


def test_minutes_are_not_published_before_the_meeting_nor_for_the_body(secretary, meeting):
    with pytest.raises(Exception, match="po posiedzeniu"):
        minutes.publish_group_minutes(meeting=meeting)
    body_meeting = f.meeting(-3)
    with pytest.raises(Exception, match="w głosowaniu"):
        minutes.publish_group_minutes(meeting=body_meeting)
    assert not minutes.drafts_to_approve(group_meeting(meeting.group, days=30)).exists()


def test_the_group_page_lists_meetings_in_a_constant_number_of_queries(client, culture, django_assert_num_queries):
    group_meeting(culture, 5)
    group_meeting(culture, -5)
    client.get(culture.get_absolute_url())
    with django_assert_num_queries(6) as context:
        client.get(culture.get_absolute_url())
    for days in (6, 7, -6, -7):
        group_meeting(culture, days)
    with django_assert_num_queries(len(context.captured_queries)):
        page = client.get(culture.get_absolute_url())
    assert page.content.decode().count("Spotkanie grupy") == 6

"""Meetings through the pages: the secretary plans one with a department, its agenda, documents and guests,
records attendance and drafts the minutes; the public lists and the department's page; role by role."""

import pytest
from django.urls import reverse

from conftest import make_user
from partnerstwo.team.models import ActionItem, AgendaItem, Attendance, Meeting
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(db):
    user = make_user("sekretarz@zespol.example.org", "team_member", full_name="Sylwia Sekretarz")
    f.seat(user=user, name="Sylwia Sekretarz", role="secretary")
    return user


def meeting_form(**fields):
    values = {"title": "Posiedzenie nr 3", "starts_at": f.at(10).strftime("%Y-%m-%dT%H:%M"),
              "ends_at": f.at(10, 18).strftime("%Y-%m-%dT%H:%M"), "place": "Urząd Miejski, sala 20",
              "online_url": ""}
    values.update(fields)
    return values


@pytest.mark.parametrize(("who", "status"), [
    ("resident", 403), ("representative_a", 403), ("team_member", 403), ("official_x", 403),
    ("secretary", 200), ("administrator", 200),
])
def test_only_the_secretary_and_administrators_run_meetings(client, request, who, status):
    meeting = f.meeting(-1, items=["Opinia"])
    client.force_login(request.getfixturevalue(who))

    for url in (reverse("panel:team_panel:meetings"), reverse("panel:team_panel:meeting_create"),
                reverse("panel:team_panel:meeting", args=[meeting.pk]),
                reverse("panel:team_panel:attendance", args=[meeting.pk]),
                reverse("panel:team_panel:minutes", args=[meeting.pk]),
                reverse("panel:team_panel:item_minutes", args=[meeting.items.get().pk])):
        assert client.get(url).status_code == status, url
    assert client.post(reverse("panel:team_panel:item_delete", args=[meeting.items.get().pk])).status_code in (
        status, 302)


def test_the_secretary_plans_a_meeting_with_a_department(client, secretary, department_x, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:meeting_create"),
                           meeting_form(departments=[department_x.pk]))
    meeting = Meeting.objects.get(title="Posiedzenie nr 3")
    assert response["Location"] == reverse("panel:team_panel:meeting", args=[meeting.pk])
    for title in ("Program współpracy", "Wolne wnioski"):
        client.post(reverse("panel:team_panel:item_create", args=[meeting.pk]),
                    {"title": title, "presenter": "Dyrektor", "department": department_x.pk})
    first, second = meeting.items.all()
    client.post(reverse("panel:team_panel:item_move", args=[second.pk]), {"direction": "up"})
    assert list(meeting.items.values_list("title", flat=True)) == ["Wolne wnioski", "Program współpracy"]
    client.post(reverse("panel:team_panel:document_add", args=[first.pk]),
                {"document-title": "Projekt programu", "document-file": f.pdf("projekt.pdf")})
    client.post(reverse("panel:team_panel:guest_add", args=[meeting.pk]),
                {"name": "Ekspertka", "affiliation": "Uczelnia", "email": "ekspertka@example.org"})

    public = client.get(meeting.get_absolute_url()).content.decode()
    assert "Program współpracy" in public and "Projekt programu (PDF)" in public
    assert department_x.name in public and "ekspertka@example.org" not in public
    department_page = client.get(reverse("team:department", args=[department_x.pk])).content.decode()
    assert "Posiedzenie nr 3" in department_page and "Program współpracy" in department_page


@pytest.mark.parametrize(("fields", "message"), [
    ({"place": "", "online_url": ""}, "Podaj miejsce posiedzenia albo link"),
    ({"ends_at": f"{f.today().isoformat()}T01:00"}, "nie może być wcześniejszy niż początek"),
    ({"starts_at": "jutro"}, "Wpisz poprawną datę"),
    ({"online_url": "javascript:alert(1)"}, "Wpisz poprawny URL"),
    ({"title": ""}, "To pole jest wymagane"),
])
def test_a_bad_meeting_is_refused(client, secretary, fields, message):
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:meeting_create"), meeting_form(**fields))

    assert response.status_code == 200 and message in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_renamed_file_is_not_a_document(client, secretary):
    meeting = f.meeting(5, items=["Opinia"])
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:document_add", args=[meeting.items.get().pk]),
                           {"document-title": "Skan", "document-file": f.pdf("skan.pdf", b"GIF89a")})

    assert "nie jest dokumentem PDF" in response.content.decode()


def test_the_secretary_records_attendance_and_the_minutes(client, secretary):
    seats = f.members(3)
    meeting = f.meeting(-1, items=["Opinia o programie"])
    item = meeting.items.get()
    client.force_login(secretary)
    data = {f"member_{seat.pk}": "present" for seat in seats}
    data[f"member_{seats[0].pk}"] = "excused"

    client.post(reverse("panel:team_panel:attendance", args=[meeting.pk]), data)
    refused = client.post(reverse("panel:team_panel:item_minutes", args=[item.pk]),
                          {"discussion": "Dyskusja", "decisions": "", "votes_for": "3", "votes_against": "0",
                           "votes_abstain": "0"})
    assert "więcej niż obecnych" in refused.content.decode()
    client.post(reverse("panel:team_panel:item_minutes", args=[item.pk]),
                {"discussion": "Dyskusja", "decisions": "Opinia pozytywna", "votes_for": "2", "votes_against": "0",
                 "votes_abstain": "0"})
    client.post(reverse("panel:team_panel:action_create", args=[meeting.pk]),
                {"what": "Wysłać opinię", "item": item.pk, "owner": seats[1].pk, "due_on": f.days(7).isoformat()})

    assert Attendance.objects.filter(meeting=meeting, status="present").count() == 2
    item.refresh_from_db()
    assert (item.votes_for, item.decisions) == (2, "Opinia pozytywna")
    page = client.get(reverse("panel:team_panel:minutes", args=[meeting.pk])).content.decode()
    assert "Wysłać opinię" in page and "Kworum jest" in page


def test_an_action_item_needs_someone_to_do_it(client, secretary):
    meeting = f.meeting(-1)
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:action_create", args=[meeting.pk]), {"what": "Coś zrobić"})

    assert "Wskaż, kto wykona zadanie" in response.content.decode()
    assert not ActionItem.objects.exists()


def test_an_action_item_is_done_from_the_next_meetings_minutes(client, secretary):
    earlier, later = f.meeting(-40), f.meeting(-1)
    action = ActionItem.objects.create(meeting=earlier, what="Zebrać uwagi", owner_name="Centrum")
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:action_done", args=[action.pk]),
                           {"done_on": f.today().isoformat(), "shown_at": later.pk})

    assert response["Location"] == reverse("panel:team_panel:minutes", args=[later.pk])
    action.refresh_from_db()
    assert action.done_on == f.today()


def test_a_meeting_is_cancelled_before_it_starts_only(client, secretary):
    coming, started = f.meeting(3), f.meeting(-1)
    client.force_login(secretary)

    client.post(reverse("panel:team_panel:meeting_cancel", args=[coming.pk]))
    client.post(reverse("panel:team_panel:meeting_cancel", args=[started.pk]))

    assert Meeting.objects.get(pk=coming.pk).is_cancelled and not Meeting.objects.get(pk=started.pk).is_cancelled
    assert "odwołane" in client.get(reverse("team:meetings")).content.decode()


def test_the_public_lists_take_the_same_number_of_queries_however_many_meetings(
    client, department_x, django_assert_num_queries
):
    def more():
        for days in (-90, -30, 5, 40):
            meeting = f.meeting(days, items=["Punkt"])
            meeting.departments.add(department_x)
            AgendaItem.objects.filter(meeting=meeting).update(department=department_x)

    more()
    pages = [reverse("team:meetings"), reverse("team:department", args=[department_x.pk])]
    counts = {}
    for url in pages:
        client.get(url)
        with django_assert_num_queries(5 if url == pages[0] else 4) as context:
            client.get(url)
        counts[url] = len(context.captured_queries)
    more()
    for url in pages:
        with django_assert_num_queries(counts[url]):
            client.get(url)


def test_the_panel_list_takes_the_same_number_of_queries(client, secretary, django_assert_num_queries):
    f.meeting(-3)
    client.force_login(secretary)
    url = reverse("panel:team_panel:meetings")
    client.get(url)
    with django_assert_num_queries(8) as before:
        client.get(url)
    for days in (-60, -20, 8, 30):
        f.meeting(days)
    with django_assert_num_queries(len(before.captured_queries)):
        client.get(url)

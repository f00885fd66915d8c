"""Events in the staff panel, role by role: review, officials' list, edit, cancel, the Forum programme."""

import pytest
from django.core import mail
from django.urls import reverse

from partnerstwo.events.models import EventKind, EventStatus, ForumSession, OrganizerKind
from partnerstwo.events.tests import factories as f
from partnerstwo.organizations.tests import factories as directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(representative_a, organization_a):
    return f.event(organization=organization_a, status=EventStatus.PENDING, submitted_by=representative_a,
                   title="Warsztaty z wolontariatu")


@pytest.mark.parametrize("user", ["resident", "representative_a", "team_member"])
def test_people_outside_the_city_office_get_403(client, request, user, submitted):
    client.force_login(request.getfixturevalue(user))
    assert client.get(reverse("panel:events_panel:index")).status_code == 403
    response = client.post(reverse("panel:events_panel:review", args=[submitted.pk]), {"decision": "approve"})
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == EventStatus.PENDING


def test_a_stranger_is_sent_to_sign_in(client):
    assert client.get(reverse("panel:events_panel:index")).status_code == 302


def test_the_queue_lists_submitted_events_in_a_constant_number_of_queries(
    client, official_x, submitted, django_assert_num_queries
):
    for n in range(5):
        f.event(organization=submitted.organization, status=EventStatus.PENDING, title=f"Zgłoszenie {n}")
    f.event(status=EventStatus.PUBLISHED, title="Opublikowane", department=official_x.department)
    client.force_login(official_x)
    client.get(reverse("panel:events_panel:index"))  # warm the session and caches
    with django_assert_num_queries(7):
        response = client.get(reverse("panel:events_panel:index"))
    assert response.status_code == 200
    assert "Warsztaty z wolontariatu" in response.content.decode()
    for n in range(5):
        f.event(status=EventStatus.PUBLISHED, title=f"Opublikowane {n}", department=official_x.department)
    with django_assert_num_queries(7):
        client.get(reverse("panel:events_panel:index"))


def test_an_official_approves_and_the_submitter_is_told(client, official_y, submitted, representative_a,
                                                        django_capture_on_commit_callbacks):
    client.force_login(official_y)
    url = reverse("panel:events_panel:review", args=[submitted.pk])
    assert "Warsztaty z wolontariatu" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "approve"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == EventStatus.PUBLISHED
    assert mail.outbox[0].to == [representative_a.email]


def test_returning_without_a_reason_is_refused_next_to_the_field(client, official_x, submitted):
    client.force_login(official_x)
    response = client.post(reverse("panel:events_panel:review", args=[submitted.pk]), {"decision": "return"})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    submitted.refresh_from_db()
    assert submitted.status == EventStatus.PENDING


def test_returning_with_a_reason_mails_it(client, official_x, submitted, django_capture_on_commit_callbacks):
    client.force_login(official_x)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("panel:events_panel:review", args=[submitted.pk]),
                    {"decision": "return", "reason": "Podaj salę."})
    submitted.refresh_from_db()
    assert (submitted.status, submitted.review_reason) == (EventStatus.RETURNED, "Podaj salę.")
    assert "Podaj salę." in mail.outbox[0].body


def test_a_decision_on_an_event_no_longer_pending_changes_nothing(client, official_x, submitted):
    submitted.status = EventStatus.PUBLISHED
    submitted.save()
    client.force_login(official_x)
    response = client.post(reverse("panel:events_panel:review", args=[submitted.pk]),
                           {"decision": "return", "reason": "Za późno"})
    assert response.status_code == 200
    submitted.refresh_from_db()
    assert submitted.status == EventStatus.PUBLISHED


def test_an_official_cannot_open_another_departments_own_event(client, official_x, official_y):
    event = f.event(organizer_kind=OrganizerKind.CITY, department=official_x.department)
    client.force_login(official_y)
    assert client.get(reverse("panel:events_panel:edit", args=[event.pk])).status_code == 404
    assert client.post(reverse("panel:events_panel:cancel", args=[event.pk]), {"reason": "x"}).status_code == 404
    client.force_login(official_x)
    assert client.get(reverse("panel:events_panel:edit", args=[event.pk])).status_code == 200


def test_an_official_cancels_their_departments_event(client, official_x, django_capture_on_commit_callbacks):
    event = f.event(organizer_kind=OrganizerKind.CITY, department=official_x.department)
    f.registration(f.occurrence(event), email="jan@example.org")
    client.force_login(official_x)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("panel:events_panel:cancel", args=[event.pk]), {"reason": "Remont sali."})
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.status, event.sequence) == (EventStatus.CANCELLED, 1)
    assert mail.outbox[0].to == ["jan@example.org"]


def test_an_official_edits_an_event_in_the_panel(client, official_x):
    event = f.event(organizer_kind=OrganizerKind.CITY, department=official_x.department, title="Stary tytuł")
    client.force_login(official_x)
    url = reverse("panel:events_panel:edit", args=[event.pk])
    response = client.post(url, {
        "title": "Nowy tytuł", "kind": "meeting", "organizer_kind": "city",
        "starts_at": f.in_days(4, 9).strftime("%Y-%m-%dT%H:%M"), "ends_at": f.in_days(4, 11).strftime("%Y-%m-%dT%H:%M"),
        "venue": "Urząd", "street": "ul. Słonimska 1", "town": "Białystok", "is_free": "on",
        "registration_mode": "none",
    })
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.sequence) == ("Nowy tytuł", 1)


def test_an_administrator_sees_every_event(client, administrator, submitted):
    client.force_login(administrator)
    assert client.get(reverse("panel:events_panel:edit", args=[submitted.pk])).status_code == 200


def programme_data(**extra):
    data = {
        "sessions-TOTAL_FORMS": "3", "sessions-INITIAL_FORMS": "0", "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "60",
        "sessions-0-starts_at": f.in_days(20, 10).strftime("%Y-%m-%dT%H:%M"),
        "sessions-0-ends_at": f.in_days(20, 11).strftime("%Y-%m-%dT%H:%M"),
        "sessions-0-room": "Sala A", "sessions-0-title": "Otwarcie Forum", "sessions-0-speakers": "Prezydent Miasta",
    }
    data.update(extra)
    return data


def test_an_official_edits_the_forum_programme_and_presenting_organisations(client, official_x):
    forum = f.event(kind=EventKind.CONFERENCE, organizer_kind=OrganizerKind.CITY, department=official_x.department)
    alfa, beta = directory.organization("Fundacja Alfa"), directory.organization("Stowarzyszenie Beta")
    client.force_login(official_x)
    url = reverse("panel:events_panel:programme", args=[forum.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, programme_data(organizations=f"fundacja alfa\n{beta.slug}\n"))
    assert response.status_code == 302
    assert list(ForumSession.objects.filter(event=forum).values_list("title", "room")) == [("Otwarcie Forum", "Sala A")]
    assert set(forum.presenting_organizations.all()) == {alfa, beta}


def test_an_unknown_organisation_or_a_session_ending_before_it_starts_is_refused(client, official_x):
    forum = f.event(kind=EventKind.CONFERENCE, organizer_kind=OrganizerKind.CITY, department=official_x.department)
    client.force_login(official_x)
    url = reverse("panel:events_panel:programme", args=[forum.pk])
    response = client.post(url, programme_data(organizations="Nieistniejąca Fundacja"))
    assert response.status_code == 200
    assert "Nieistniejąca Fundacja" in response.content.decode()
    response = client.post(url, programme_data(**{"sessions-0-ends_at": f.in_days(20, 9).strftime("%Y-%m-%dT%H:%M")}))
    assert response.status_code == 200
    assert not ForumSession.objects.exists()


def test_the_panel_menu_offers_events_to_officials_only(client, official_x, team_member):
    client.force_login(official_x)
    assert reverse("panel:events_panel:index") in client.get(reverse("panel:dashboard")).content.decode()
    client.force_login(team_member)
    assert reverse("panel:events_panel:index") not in client.get(reverse("panel:dashboard")).content.decode()

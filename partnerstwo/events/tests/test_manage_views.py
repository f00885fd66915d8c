"""'Moje wydarzenia', role by role."""

import pytest
from django.core import mail
from django.urls import reverse

from partnerstwo.events.models import Event, EventStatus, OrganizerKind
from partnerstwo.events.tests import factories as f
from partnerstwo.organizations.tests import factories as directory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    values = {
        "title": "Piknik sąsiedzki", "kind": "integration", "organizer_kind": OrganizerKind.ORGANIZATION,
        "starts_at": f.in_days(10, 12).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": f.in_days(10, 16).strftime("%Y-%m-%dT%H:%M"),
        "venue": "Park Zwierzyniecki", "street": "ul. Kopernika 1", "town": "Białystok",
        "is_free": "on", "registration_mode": "none", "description": "Zapraszamy **wszystkich**.",
    }
    values.update(overrides)
    return values


def test_a_stranger_is_sent_to_sign_in(client):
    response = client.get(reverse("my_events:create"))
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


@pytest.mark.parametrize("user", ["resident", "representative_b"])
def test_people_who_organise_nothing_get_403(client, request, user):
    client.force_login(request.getfixturevalue(user))
    assert client.get(reverse("my_events:index")).status_code == 403
    assert client.post(reverse("my_events:create"), form_data()).status_code == 403
    assert not Event.objects.exists()


def test_a_representative_submits_an_event_of_their_organisation_for_review(client, representative_a, organization_a):
    client.force_login(representative_a)
    assert client.get(reverse("my_events:create")).status_code == 200
    response = client.post(reverse("my_events:create"), form_data(organization=organization_a.pk))
    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get()
    assert (event.status, event.organization) == (EventStatus.PENDING, organization_a)
    assert event.submitted_by == representative_a
    listing = client.get(reverse("my_events:index"))
    assert "Piknik sąsiedzki" in listing.content.decode()


def test_an_invalid_submission_keeps_what_was_typed_and_says_what_is_wrong(client, representative_a, organization_a):
    client.force_login(representative_a)
    response = client.post(reverse("my_events:create"), form_data(
        organization=organization_a.pk, ends_at=f.in_days(9, 12).strftime("%Y-%m-%dT%H:%M"),
    ))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Koniec nie może być wcześniejszy niż początek." in page
    assert 'value="Piknik sąsiedzki"' in page
    assert not Event.objects.exists()


def test_a_representative_cannot_submit_for_another_organisation(client, representative_a, organization_a):
    beta = directory.organization("Stowarzyszenie Beta")
    client.force_login(representative_a)
    response = client.post(reverse("my_events:create"), form_data(organization=beta.pk))
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_another_organisations_representative_gets_404_on_an_event(
    client, representative_b, organization_a, organization_b
):
    event = f.event(organization=organization_a)
    client.force_login(representative_b)
    assert client.get(reverse("my_events:edit", args=[event.pk])).status_code == 404
    assert client.post(reverse("my_events:cancel", args=[event.pk]), {"reason": "x"}).status_code == 404
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED


def test_a_team_member_submits_for_the_advisory_body(client, team_member):
    client.force_login(team_member)
    response = client.post(reverse("my_events:create"), form_data(organizer_kind=OrganizerKind.CITY))
    assert response.status_code == 200  # only the advisory body is on offer
    response = client.post(reverse("my_events:create"), form_data(organizer_kind=OrganizerKind.ADVISORY_BODY))
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.organizer_kind, event.status) == (OrganizerKind.ADVISORY_BODY, EventStatus.PENDING)


def test_an_officials_event_is_published_at_once(client, official_x):
    client.force_login(official_x)
    response = client.post(reverse("my_events:create"), form_data(organizer_kind=OrganizerKind.CITY))
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.status, event.department) == (EventStatus.PUBLISHED, official_x.department)


def test_a_representatives_edit_of_a_published_event_waits_for_review_and_mails_nobody(
    client, representative_a, organization_a, django_capture_on_commit_callbacks
):
    event = f.event(organization=organization_a, title="Piknik sąsiedzki", description="Stary opis.")
    f.registration(f.occurrence(event), email="jan@example.org")
    client.force_login(representative_a)
    assert client.get(reverse("my_events:edit", args=[event.pk])).status_code == 200
    new_start = f.in_days(11, 12).strftime("%Y-%m-%dT%H:%M")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("my_events:edit", args=[event.pk]), form_data(
            organization=organization_a.pk, starts_at=new_start, ends_at=f.in_days(11, 16).strftime("%Y-%m-%dT%H:%M"),
            description="Nowy opis z [linkiem](https://example.org/).",
        ))
    assert response.status_code == 302
    slug = event.slug
    event.refresh_from_db()
    # The published version stays as it was, on the calendar and on its page.
    assert (event.slug, event.status, event.sequence, event.description) == (
        slug, EventStatus.PUBLISHED, 0, "Stary opis.")
    assert f.occurrence(event).starts_at != f.in_days(11, 12)
    assert "Stary opis." in client.get(event.get_absolute_url()).content.decode()
    assert mail.outbox == []
    change = event.changes.get()
    assert change.status == "pending" and change.proposed_by == representative_a
    assert {"starts_at", "ends_at", "description"} <= set(change.values)
    # The form shows the proposal awaiting review.
    page = client.get(reverse("my_events:edit", args=[event.pk])).content.decode()
    assert "czekają na akceptację" in page and "Nowy opis z [linkiem]" in page
    assert "zmiany czekają na akceptację" in client.get(reverse("my_events:index")).content.decode()


def test_an_official_edit_of_their_departments_event_publishes_at_once_and_mails_registered_people(
    client, official_x, django_capture_on_commit_callbacks
):
    event = f.event(organizer_kind=OrganizerKind.CITY, department=official_x.department, title="Piknik sąsiedzki")
    f.registration(f.occurrence(event), email="jan@example.org")
    client.force_login(official_x)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("my_events:edit", args=[event.pk]), form_data(
            organizer_kind=OrganizerKind.CITY, starts_at=f.in_days(11, 12).strftime("%Y-%m-%dT%H:%M"),
            ends_at=f.in_days(11, 16).strftime("%Y-%m-%dT%H:%M"),
        ))
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.status, event.sequence) == (EventStatus.PUBLISHED, 1)
    assert f.occurrence(event).starts_at == f.in_days(11, 12)
    assert [m.to for m in mail.outbox] == [["jan@example.org"]]


def test_a_representative_sees_and_manages_only_their_organisations_events(client, representative_a, organization_a):
    beta = directory.organization("Stowarzyszenie Beta")
    theirs = f.event(organization=beta, title="Wydarzenie Bety", submitted_by=representative_a)
    f.event(organization=organization_a, title="Wydarzenie Alfy")
    client.force_login(representative_a)
    listing = client.get(reverse("my_events:index")).content.decode()
    assert "Wydarzenie Alfy" in listing and "Wydarzenie Bety" not in listing
    assert client.get(reverse("my_events:edit", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("my_events:cancel", args=[theirs.pk]), {"reason": "x"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == EventStatus.PUBLISHED


def test_the_edit_form_never_moves_an_event_to_another_organisation(client, representative_a, organization_a):
    beta = directory.organization("Stowarzyszenie Beta")
    directory.represent(representative_a, beta)  # they represent both
    event = f.event(organization=organization_a, status=EventStatus.RETURNED, title="Piknik sąsiedzki")
    client.force_login(representative_a)
    response = client.post(reverse("my_events:edit", args=[event.pk]), form_data(organization=beta.pk))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.organization == organization_a and event.status == EventStatus.PENDING


def test_a_representative_who_stops_representing_loses_the_events_at_once(client, representative_a, organization_a):
    event = f.event(organization=organization_a)
    client.force_login(representative_a)
    assert client.get(reverse("my_events:edit", args=[event.pk])).status_code == 200
    organization_a.representations.update(status="rejected")
    assert client.get(reverse("my_events:edit", args=[event.pk])).status_code == 404


def test_a_representative_cancels_a_published_event_with_a_reason(client, representative_a, organization_a,
                                                                  django_capture_on_commit_callbacks):
    event = f.event(organization=organization_a)
    f.registration(f.occurrence(event), email="jan@example.org")
    client.force_login(representative_a)
    url = reverse("my_events:cancel", args=[event.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"reason": "Ulewa."}).status_code == 302
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert sorted(m.to[0] for m in mail.outbox) == ["centrum@um.bialystok.pl", "jan@example.org"]
    assert client.get(reverse("my_events:edit", args=[event.pk])).status_code == 200  # says it is cancelled
    assert client.get(url).status_code == 403


def test_a_pending_event_cannot_be_cancelled_only_edited(client, representative_a, organization_a):
    event = f.event(organization=organization_a, status=EventStatus.PENDING)
    client.force_login(representative_a)
    assert client.get(reverse("my_events:cancel", args=[event.pk])).status_code == 403


def test_the_list_shows_the_reason_an_event_was_returned(client, representative_a, organization_a):
    f.event(organization=organization_a, status=EventStatus.RETURNED, review_reason="Dodaj opis dostępności.")
    client.force_login(representative_a)
    assert "Dodaj opis dostępności." in client.get(reverse("my_events:index")).content.decode()


def test_saving_an_unchanged_published_event_tells_nobody(client, representative_a, organization_a,
                                                          django_capture_on_commit_callbacks):
    client.force_login(representative_a)
    weekly = {"repeat": "weekly", "repeat_weekdays": [str(f.in_days(10).weekday())], "repeat_count": "3",
              "repeat_exceptions": f"{f.in_days(17):%d.%m.%Y}"}
    client.post(reverse("my_events:create"), form_data(organization=organization_a.pk, **weekly))
    event = Event.objects.get()
    assert event.rrule.startswith("FREQ=WEEKLY;COUNT=3;BYDAY=")
    event.status = EventStatus.PUBLISHED
    event.save()
    f.registration(f.occurrence(event), email="jan@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("my_events:edit", args=[event.pk]), form_data(
            organization=organization_a.pk, **weekly,
        ))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.sequence == 0
    assert mail.outbox == []
    assert event.occurrences.count() == 2

"""Changes to a published event by its representatives go to review; cancelling is immediate and the
responsible department hears of it."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerstwo.events import publishing
from partnerstwo.events.models import Event, EventChange, EventStatus, OrganizerKind
from partnerstwo.events.tests import factories as f
from partnerstwo.lib.testing import message_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(organization_a, representative_a):
    event = f.event(organization=organization_a, title="Piknik sąsiedzki", description="Stary opis.", venue="Park",
                    submitted_by=representative_a)
    f.registration(f.occurrence(event), email="jan@example.org")
    return event


def propose(event, by, **values):
    edited = Event.objects.get(pk=event.pk)
    for name, value in values.items():
        setattr(edited, name, value)
    return publishing.propose_change(edited, by=by)


def test_a_proposal_keeps_only_the_changed_fields_and_leaves_the_published_version(published, representative_a):
    change = propose(published, representative_a, description="Nowy opis.", venue="Hala")
    assert change.values == {"description": "Nowy opis.", "venue": "Hala"}
    published.refresh_from_db()
    assert (published.description, published.venue, published.sequence) == ("Stary opis.", "Park", 0)


def test_a_new_proposal_replaces_the_pending_one_and_an_empty_one_withdraws_it(published, representative_a):
    propose(published, representative_a, description="Pierwsza wersja.")
    propose(published, representative_a, description="Druga wersja.")
    assert EventChange.objects.get().values == {"description": "Druga wersja."}
    assert propose(published, representative_a) is None
    assert not EventChange.objects.exists()


def test_approving_a_change_of_place_publishes_it_and_tells_the_registered_and_the_proposer(
    published, representative_a, official_y, django_capture_on_commit_callbacks
):
    change = propose(published, representative_a, venue="Hala", starts_at=f.in_days(3, 10),
                     ends_at=f.in_days(3, 12))
    with django_capture_on_commit_callbacks(execute=True):
        publishing.approve_change(change, by=official_y)
    published.refresh_from_db()
    assert (published.venue, published.sequence) == ("Hala", 1)
    assert f.occurrence(published).starts_at == f.in_days(3, 10)
    change.refresh_from_db()
    assert (change.status, change.decided_by) == ("approved", official_y)
    assert sorted(m.to[0] for m in mail.outbox) == [representative_a.email, "jan@example.org"]


def test_an_approved_change_of_description_and_links_mails_no_registered_person(
    published, representative_a, official_y, django_capture_on_commit_callbacks
):
    change = propose(published, representative_a, description="Więcej o [nas](https://example.org/).",
                     external_registration_url="https://example.org/zapisy")
    with django_capture_on_commit_callbacks(execute=True):
        publishing.approve_change(change, by=official_y)
    published.refresh_from_db()
    assert published.description.startswith("Więcej o")
    assert [m.to for m in mail.outbox] == [[representative_a.email]]


def test_rejecting_needs_a_reason_which_reaches_the_proposer_and_nothing_changes(
    published, representative_a, official_y, django_capture_on_commit_callbacks
):
    change = propose(published, representative_a, description="Reklama.")
    with pytest.raises(ValidationError):
        publishing.reject_change(change, by=official_y, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        publishing.reject_change(change, by=official_y, reason="Opis nie dotyczy wydarzenia.")
    published.refresh_from_db()
    assert published.description == "Stary opis."
    [message] = mail.outbox
    assert message.to == [representative_a.email] and "Opis nie dotyczy wydarzenia." in message.body
    with pytest.raises(ValidationError):
        publishing.approve_change(change, by=official_y)


def test_the_reviewer_sees_what_changed_and_decides_in_the_panel(
    client, published, representative_a, official_y, django_capture_on_commit_callbacks
):
    change = propose(published, representative_a, description="Nowy opis.")
    client.force_login(official_y)
    index = client.get(reverse("panel:events_panel:index")).content.decode()
    assert reverse("panel:events_panel:review_change", args=[change.pk]) in index
    url = reverse("panel:events_panel:review_change", args=[change.pk])
    page = client.get(url).content.decode()
    assert "Stary opis." in page and "Nowy opis." in page and "Opis" in page
    refused = client.post(url, {"decision": "reject", "reason": ""})
    assert refused.status_code == 200 and "Napisz, dlaczego zmiana" in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"decision": "approve"}).status_code == 302
    published.refresh_from_db()
    assert published.description == "Nowy opis."
    assert "Zmiana rozpatrzona" in client.get(url).content.decode()


@pytest.mark.parametrize("user", ["representative_a", "team_member", "resident"])
def test_only_the_city_office_reviews_changes(client, request, user, published, representative_a):
    change = propose(published, representative_a, description="Nowy opis.")
    client.force_login(request.getfixturevalue(user))
    response = client.post(reverse("panel:events_panel:review_change", args=[change.pk]), {"decision": "approve"})
    assert response.status_code == 403
    change.refresh_from_db()
    assert change.status == "pending"


def test_a_team_members_change_to_the_advisory_bodys_event_goes_to_review_too(team_member):
    event = f.event(organizer_kind=OrganizerKind.ADVISORY_BODY, title="Posiedzenie")
    assert publishing.changes_need_review(event, team_member)
    assert propose(event, team_member, title="Posiedzenie nadzwyczajne").status == "pending"


def test_cancelling_is_immediate_withdraws_a_pending_change_and_tells_the_department_by_smtp(
    client, published, representative_a, official_x, official_y, use_smtp, django_capture_on_commit_callbacks
):
    # The official who approved the event made their department responsible for it.
    published.status = EventStatus.PENDING
    published.save()
    publishing.approve(published, by=official_x)
    propose(published, representative_a, description="Nowy opis.")
    client.force_login(representative_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("my_events:cancel", args=[published.pk]), {"reason": "Ulewa."})
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.status == EventStatus.CANCELLED
    assert not EventChange.objects.exists()
    messages = {m["X-Envelope-To"]: m for m in use_smtp.wait_for(3)}
    # approve's message to the submitter was not sent (callbacks outside the capture); registrant + official.
    assert set(messages) >= {"jan@example.org", official_x.email}
    assert official_y.email not in messages
    notice = messages[official_x.email]
    assert "Odwołano wydarzenie: Piknik sąsiedzki" in notice["Subject"]
    assert "Ulewa." in message_text(notice) and "Fundacja Alfa" in message_text(notice)


def test_the_department_notice_is_queued_as_a_task_after_commit(published, official_x, monkeypatch,
                                                                  django_capture_on_commit_callbacks):
    from types import SimpleNamespace

    from partnerstwo.events import tasks

    queued = []
    monkeypatch.setattr(tasks, "notify_department_of_cancellation",
                        SimpleNamespace(enqueue=lambda *args: queued.append(args)))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publishing.cancel(published, by=official_x, reason="Ulewa.")
    assert queued == []
    for callback in callbacks:
        callback()
    assert queued == [(published.pk, official_x.pk)]


def test_every_kind_of_field_survives_the_round_trip_through_review(published, representative_a, official_y):
    from partnerstwo.city.models import PublicTaskSphere

    published.capacity, published.registration_mode = 25, "here"
    published.save()
    sphere = PublicTaskSphere.objects.first()
    edited = Event.objects.get(pk=published.pk)
    edited.capacity = None  # no limit any more
    edited.is_free, edited.price = False, "10 zł"
    edited.registration_deadline = f.in_days(1, 12)
    edited.exdates = []
    edited.rrule = "FREQ=WEEKLY;COUNT=2"
    change = publishing.propose_change(edited, by=representative_a, spheres=[sphere] if sphere else [])
    publishing.approve_change(change, by=official_y)
    published.refresh_from_db()
    assert (published.capacity, published.is_free, published.price) == (None, False, "10 zł")
    assert published.registration_deadline == f.in_days(1, 12)
    assert published.occurrences.count() == 2
    if sphere:
        assert list(published.spheres.all()) == [sphere]

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from partnerstwo.events import publishing
from partnerstwo.events.models import Event, EventStatus, OrganizerKind, Registration
from partnerstwo.events.tests import factories as f
from partnerstwo.lib.testing import message_text

pytestmark = pytest.mark.django_db


def new_event(**fields):
    values = {
        "title": "Warsztaty pisania wniosków", "kind": "training", "organizer_kind": OrganizerKind.CENTRE,
        "starts_at": f.in_days(3, 10), "ends_at": f.in_days(3, 14), "street": "ul. Warszawska 12",
        "town": "Białystok",
    }
    values.update(fields)
    return Event(**values)


def test_a_representatives_event_waits_for_review(representative_a, organization_a):
    event = publishing.save(new_event(organizer_kind=OrganizerKind.ORGANIZATION, organization=organization_a),
                            by=representative_a)
    assert event.status == EventStatus.PENDING
    assert event.submitted_by == representative_a
    assert event.slug.startswith("warsztaty-pisania-wnioskow-")
    assert event.occurrences.count() == 1


def test_an_officials_own_event_publishes_at_once_for_their_department(official_x):
    event = publishing.save(new_event(), by=official_x)
    assert event.status == EventStatus.PUBLISHED
    assert event.department == official_x.department


def test_two_events_with_one_title_on_one_day_get_different_addresses(official_x):
    first = publishing.save(new_event(), by=official_x)
    second = publishing.save(new_event(), by=official_x)
    assert first.slug != second.slug


def test_approving_publishes_and_tells_the_submitter(representative_a, official_x,
                                                      django_capture_on_commit_callbacks):
    event = f.event(status=EventStatus.PENDING, submitted_by=representative_a)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.approve(event, by=official_x)
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    assert [m.to for m in mail.outbox] == [[representative_a.email]]
    assert "opublikowane" in mail.outbox[0].subject


def test_returning_needs_a_reason_that_reaches_the_submitter(representative_a, official_x,
                                                             django_capture_on_commit_callbacks):
    event = f.event(status=EventStatus.PENDING, submitted_by=representative_a)
    with pytest.raises(ValidationError):
        publishing.return_for_changes(event, by=official_x, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        publishing.return_for_changes(event, by=official_x, reason="Brakuje adresu sali.")
    event.refresh_from_db()
    assert event.status == EventStatus.RETURNED
    assert "Brakuje adresu sali." in mail.outbox[0].body
    assert f"/moje-wydarzenia/{event.pk}/" in mail.outbox[0].body


def test_a_returned_event_saved_again_goes_back_to_review(representative_a):
    event = f.event(status=EventStatus.RETURNED, submitted_by=representative_a)
    publishing.save(event, by=representative_a)
    assert event.status == EventStatus.PENDING


def test_only_a_pending_event_can_be_approved(official_x):
    with pytest.raises(ValidationError):
        publishing.approve(f.event(status=EventStatus.PUBLISHED), by=official_x)


def test_editing_a_published_event_raises_its_sequence_and_tells_registered_people(
    official_x, django_capture_on_commit_callbacks
):
    event = f.event()
    occurrence = f.occurrence(event)
    f.registration(occurrence, email="jan@example.org")
    f.registration(occurrence, email="ewa@example.org", status=Registration.Status.WAITING)
    f.registration(occurrence, email="odszedl@example.org", status=Registration.Status.CANCELLED)
    slug = event.slug
    event.venue = "Sala 2"
    with django_capture_on_commit_callbacks(execute=True):
        publishing.save(event, by=official_x)
    event.refresh_from_db()
    assert (event.sequence, event.slug, event.status) == (1, slug, EventStatus.PUBLISHED)
    assert sorted(m.to[0] for m in mail.outbox) == ["ewa@example.org", "jan@example.org"]
    assert "Zmiana w wydarzeniu" in mail.outbox[0].subject


def test_saving_without_changes_sends_nothing(official_x, django_capture_on_commit_callbacks):
    event = f.event()
    f.registration(f.occurrence(event))
    with django_capture_on_commit_callbacks(execute=True):
        publishing.save(event, by=official_x, changed=False)
    assert event.sequence == 0
    assert mail.outbox == []


def test_a_person_registered_for_several_dates_gets_one_message(official_x, django_capture_on_commit_callbacks):
    event = f.event(rrule="FREQ=WEEKLY;COUNT=3")
    for occurrence in event.occurrences.all():
        f.registration(occurrence, email="jan@example.org")
    event.title = "Nowy tytuł"
    with django_capture_on_commit_callbacks(execute=True):
        publishing.save(event, by=official_x)
    assert len(mail.outbox) == 1


def test_cancelling_keeps_the_event_marked_and_tells_registered_people(official_x,
                                                                      django_capture_on_commit_callbacks):
    event = f.event()
    f.registration(f.occurrence(event), email="jan@example.org")
    with pytest.raises(ValidationError):
        publishing.cancel(event, by=official_x, reason="")
    with django_capture_on_commit_callbacks(execute=True):
        publishing.cancel(event, by=official_x, reason="Choroba prowadzącej.")
    event.refresh_from_db()
    assert (event.status, event.sequence) == (EventStatus.CANCELLED, 1)
    assert Event.objects.public().filter(pk=event.pk).exists()
    assert f.occurrence(event).is_cancelled
    assert "Choroba prowadzącej." in mail.outbox[0].body
    assert "odwołane" in mail.outbox[0].subject


def test_a_cancelled_event_can_be_neither_cancelled_again_nor_edited(official_x):
    event = f.event(status=EventStatus.CANCELLED)
    with pytest.raises(ValidationError):
        publishing.cancel(event, by=official_x, reason="Znowu")
    with pytest.raises(ValidationError):
        publishing.save(event, by=official_x)


def test_who_may_publish_as_whom(resident, representative_a, organization_a, representative_b, team_member, official_x):
    assert publishing.organizer_kinds_for(resident) == []
    assert publishing.organizer_kinds_for(representative_b) == []  # no approved organisation yet
    assert publishing.organizer_kinds_for(representative_a) == [OrganizerKind.ORGANIZATION]
    assert publishing.organizer_kinds_for(team_member) == [OrganizerKind.ADVISORY_BODY]
    assert set(publishing.organizer_kinds_for(official_x)) == set(OrganizerKind.values)


def test_change_emails_go_out_by_smtp(official_x, use_smtp, django_capture_on_commit_callbacks):
    event = f.event(title="Spotkanie sąsiedzkie")
    f.registration(f.occurrence(event), email="jan@example.org", name="Jan Kowalski")
    event.venue = "Sala 3"
    with django_capture_on_commit_callbacks(execute=True):
        publishing.save(event, by=official_x)
    (message,) = use_smtp.wait_for(1)
    assert message["To"] == "jan@example.org"
    assert "Jan Kowalski" in message_text(message)
    assert "Spotkanie sąsiedzkie" in message["Subject"]


def test_excluding_a_date_someone_registered_for_tells_them_it_is_cancelled(
    official_x, django_capture_on_commit_callbacks
):
    event = f.event(rrule="FREQ=WEEKLY;COUNT=3")
    first = f.occurrence(event)
    f.registration(first, email="jan@example.org")
    event.exdates = [first.starts_at.astimezone(f.WARSAW).date().isoformat()]
    with django_capture_on_commit_callbacks(execute=True):
        publishing.save(event, by=official_x)
    first.refresh_from_db()
    assert first.is_cancelled
    assert "ten termin odwołano" in mail.outbox[0].body

"""Invitations: one message per member who sits on the body on the meeting's day and per guest with an address,
each with the meeting as iCalendar; a change after sending marks them out of date and the update replaces the
calendar entry (same UID, higher SEQUENCE); a cancellation is sent as one."""

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from conftest import make_user
from partnerstwo.team.meetings import conduct
from partnerstwo.team.models import AgendaItem, Guest, Meeting
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(db):
    term = f.term()
    member = make_user("czlonek@example.org", "team_member", full_name="Maria Członkini")
    f.seat(term, name="Maria Członkini", user=member)
    f.seat(term, name="Jan Bez Konta", email="jan@example.org")
    f.seat(term, name="Bez Adresu")
    f.seat(term, name="Była Członkini", email="byla@example.org", left_on=f.days(-1))
    made = f.meeting(14, items=["Program współpracy", "Wolne wnioski"])
    Guest.objects.create(meeting=made, name="Gość Z Wydziału", email="gosc@example.org")
    Guest.objects.create(meeting=made, name="Gość Bez Adresu")
    return made


def calendar_of(message) -> icalendar.Event:
    (name, content, mimetype), = message.attachments
    assert name == "posiedzenie.ics" and mimetype.startswith("text/calendar")
    return icalendar.Calendar.from_ical(content).walk("VEVENT")[0]


def send(meeting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        count = conduct.send_invitations(meeting=Meeting.objects.get(pk=meeting.pk))
    return count


def test_each_member_and_guest_with_an_address_gets_their_own_invitation(meeting, django_capture_on_commit_callbacks):
    count = send(meeting, django_capture_on_commit_callbacks)

    assert count == 3
    assert sorted(message.to[0] for message in mail.outbox) == ["czlonek@example.org", "gosc@example.org",
                                                              "jan@example.org"]
    assert all(len(message.to) == 1 for message in mail.outbox)
    first = mail.outbox[0]
    assert first.subject.startswith("Zaproszenie: Posiedzenie Zespołu")
    assert "1. Program współpracy" in first.body
    event = calendar_of(first)
    assert str(event["uid"]) == f"team-meeting-{meeting.uid}@partnerstwo" and event["sequence"] == 0
    assert "Program współpracy" in str(event["description"])
    member_message = next(m for m in mail.outbox if m.to == ["czlonek@example.org"])
    guest_message = next(m for m in mail.outbox if m.to == ["gosc@example.org"])
    assert "/zespol/dla-czlonkow/" in member_message.body and "/zespol/dla-czlonkow/" not in guest_message.body


def test_a_change_of_the_agenda_after_sending_is_sent_again_as_an_update(meeting, django_capture_on_commit_callbacks):
    send(meeting, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    conduct.save_item(item=AgendaItem(meeting=meeting, title="Nabór do komisji"))

    meeting.refresh_from_db()
    assert meeting.invitations_outdated and meeting.sequence == 1
    send(meeting, django_capture_on_commit_callbacks)
    meeting.refresh_from_db()
    assert not meeting.invitations_outdated
    update = mail.outbox[0]
    assert update.subject.startswith("Zmiana: ") and "3. Nabór do komisji" in update.body
    assert calendar_of(update)["sequence"] == 1


def test_a_cancellation_is_sent_as_one(meeting, django_capture_on_commit_callbacks):
    send(meeting, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    conduct.cancel_meeting(meeting=meeting)
    send(meeting, django_capture_on_commit_callbacks)

    assert mail.outbox[0].subject.startswith("Odwołane: ")
    assert str(calendar_of(mail.outbox[0])["status"]) == "CANCELLED"


def test_nothing_is_sent_for_a_meeting_that_started_or_to_nobody(django_capture_on_commit_callbacks):
    f.members(2)
    with pytest.raises(ValidationError, match="Nikt nie ma adresu"):
        conduct.send_invitations(meeting=f.meeting(3))
    with pytest.raises(ValidationError, match="już się zaczęło"):
        conduct.send_invitations(meeting=f.meeting(-1))
    assert mail.outbox == []


def test_the_secretary_sends_them_from_the_panel_and_sees_when_they_are_out_of_date(
    client, meeting, django_capture_on_commit_callbacks
):
    secretary = make_user("sekretarz@example.org", "team_member")
    f.seat(name="Sekretarz", user=secretary, role="secretary")
    client.force_login(secretary)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/panel/zespol/posiedzenia/{meeting.pk}/zaproszenia/", follow=True)
    assert "Wysyłamy wiadomości z plikiem kalendarza: 4." in response.content.decode()

    client.post(f"/panel/zespol/posiedzenia/{meeting.pk}/nowy-punkt/", {"title": "Sprawy bieżące"})

    page = client.get(f"/panel/zespol/posiedzenia/{meeting.pk}/").content.decode()
    assert "Wyślij zaproszonym aktualizację" in page and "Wyślij aktualizację" in page


def test_the_meeting_page_offers_the_same_calendar_entry(client, meeting):
    response = client.get(f"/zespol/posiedzenia/{meeting.pk}/posiedzenie.ics")

    assert response["Content-Type"].startswith("text/calendar")
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["uid"]) == f"team-meeting-{meeting.uid}@partnerstwo"

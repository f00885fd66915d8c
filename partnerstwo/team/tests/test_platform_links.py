"""The body's work reaching the rest of the platform: a position names the competition it concerns and shows on
its page; an adopted one is e-mailed to the departments addressed; the body's meetings are events of the calendar
(with their changes and cancellation on the next request and in the iCal feeds); the body's committee
nominations in its panel; the legal-act tracker complete at a constant cost."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from partnerstwo.events.models import Event, EventKind, EventStatus, RegistrationMode
from partnerstwo.grants.committees.models import Nomination
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.tests.competition_factories import competition
from partnerstwo.team.meetings import calendar, conduct
from partnerstwo.team.models import Body, LegalAct, Meeting, Membership, Position
from partnerstwo.team.positions import voting
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(db):
    user = make_user("sekretarz@zespol.example.org", "team_member", full_name="Sylwia Sekretarz")
    f.seat(user=user, name="Sylwia Sekretarz", role="secretary")
    return user


@pytest.fixture
def contest(department_x):
    department_x.email = "dss@um.example.org"
    department_x.save()
    return competition(department_x, status=Competition.Status.ACCEPTING)


def form(**fields):
    values = {"kind": "opinion", "title": "Opinia o konkursie", "text": "Zespół **popiera** ogłoszenie.",
              "concerns": "competition", "legal_act": "", "competition": "", "subject_title": "", "subject_url": "",
              "delivered_on": ""}
    values.update(fields)
    return values


def adopt(position: Position, *, choice="for") -> Position:
    seats = list(Membership.objects.filter(term__body=position.body))
    voting.open_electronic_vote(position=position, until=timezone.now() + dt.timedelta(hours=1))
    for seat in seats:
        voting.cast(position=position, seat=seat, choice=choice)
    voting.close(position=position)
    position.refresh_from_db()
    return position


# A position on a competition ------------------------------------------------------------------


def test_the_secretary_drafts_an_opinion_on_a_competition_addressed_to_its_department(
    client, secretary, contest, department_x, department_y,
):
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:position_create"), form(
        competition=contest.pk, addressed_to=[department_x.pk, department_y.pk],
        subject_url="https://example.org/zostaje-tylko-przy-temacie",
    ))

    position = Position.objects.get()
    assert response.status_code == 302
    assert position.competition == contest and set(position.addressed_to.all()) == {department_x, department_y}
    page = client.get(reverse("panel:team_panel:position", args=[position.pk])).content.decode()
    assert contest.get_absolute_url() in page
    assert "Departament Kultury" in page and "nie ma adresu e-mail" in page  # department_y has none


@pytest.mark.parametrize(("fields", "message"), [
    ({}, "Wskaż konkurs ofert"),
    ({"competition": "planned"}, "Wybierz poprawną wartość"),
    ({"competition": "abc"}, "Wybierz poprawną wartość"),
    ({"competition": "contest", "addressed_to": ["x"]}, "nie jest poprawną wartością"),
])
def test_a_bad_choice_of_competition_or_department_is_refused_and_the_form_keeps_what_was_typed(
    client, secretary, contest, department_x, fields, message,
):
    planned = competition(department_x)  # not announced: not public, so not to be named
    fields = {key: {"planned": planned.pk, "contest": contest.pk}.get(value, value) if isinstance(value, str)
              else value for key, value in fields.items()}
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:position_create"), form(**fields))

    page = response.content.decode()
    assert response.status_code == 200 and message in page and "Zespół **popiera** ogłoszenie." in page
    assert not Position.objects.exists()


def test_choosing_another_subject_drops_the_competition(secretary, contest):
    position = voting.save_draft(position=Position(
        body=Body.objects.the_body(), title="T", text="T", concerns=Position.Concerns.TOPIC, competition=contest,
    ))

    assert position.competition is None


def test_the_database_refuses_a_position_on_a_competition_that_names_none(secretary):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(body=Body.objects.the_body(), title="T", text="T", concerns="competition")


@pytest.mark.parametrize("who", ["resident", "representative_a", "official_x", "team_member", None])
def test_the_competition_page_lists_the_bodys_decided_positions_to_everyone_but_not_drafts(
    client, request, secretary, contest, who,
):
    body = Body.objects.the_body()
    adopted = adopt(voting.save_draft(position=Position(
        body=body, title="Opinia przyjęta", text="T", concerns="competition", competition=contest)))
    rejected = adopt(voting.save_draft(position=Position(
        body=body, title="Opinia odrzucona", text="T", concerns="competition", competition=contest)),
        choice="against")
    voting.save_draft(position=Position(body=body, title="Projekt opinii", text="T", concerns="competition",
                                        competition=contest))
    if who:
        client.force_login(request.getfixturevalue(who))

    page = client.get(contest.get_absolute_url()).content.decode()

    assert adopted.get_absolute_url() in page and f"nr {adopted.register_label}" in page
    assert rejected.get_absolute_url() in page and "Projekt opinii" not in page
    position_page = client.get(adopted.get_absolute_url()).content.decode()
    assert contest.get_absolute_url() in position_page


def test_the_competition_page_costs_the_same_queries_however_many_positions(client, secretary, contest):
    body = Body.objects.the_body()
    adopt(voting.save_draft(position=Position(body=body, title="Pierwsza", text="T", concerns="competition",
                                              competition=contest)))
    with CaptureQueriesContext(connection) as few:
        client.get(contest.get_absolute_url())
    for n in range(4):
        adopt(voting.save_draft(position=Position(body=body, title=f"Kolejna {n}", text="T",
                                                  concerns="competition", competition=contest)))

    with CaptureQueriesContext(connection) as many:
        page = client.get(contest.get_absolute_url()).content.decode()

    assert "Kolejna 3" in page
    assert len(many) == len(few)


# Sent to the departments addressed -------------------------------------------------------------


def test_an_adopted_position_is_sent_to_each_department_addressed_with_its_text_result_number_and_votes(
    secretary, contest, department_x, department_y, mailoutbox, django_capture_on_commit_callbacks, settings,
):
    position = voting.save_draft(position=Position(
        body=Body.objects.the_body(), kind="opinion", title="Opinia o konkursie", text="Zespół **popiera**.",
        concerns="competition", competition=contest,
    ), addressed_to=[department_x, department_y])

    with django_capture_on_commit_callbacks(execute=True):
        adopt(position)

    position.refresh_from_db()
    [message] = mailoutbox
    assert message.to == ["dss@um.example.org"]
    assert position.register_label in message.subject and position.title in message.subject
    assert "Zespół **popiera**." in message.body and "za 1, przeciw 0" in message.body
    assert "Sylwia Sekretarz: za" in message.body and contest.title in message.body
    assert f"{settings.SITE_URL}{position.get_absolute_url()}" in message.body
    assert "<strong>popiera</strong>" in message.alternatives[0][0]
    assert position.sent_at == position.decided_at


def test_the_public_page_says_where_and_when_the_position_was_sent(client, secretary, contest, department_x):
    position = adopt(voting.save_draft(position=Position(
        body=Body.objects.the_body(), title="Opinia", text="T", concerns="competition", competition=contest,
    ), addressed_to=[department_x]))

    page = client.get(position.get_absolute_url()).content.decode()

    assert f"Przesłano dnia {timezone.localtime(position.sent_at):%-d}" in page and department_x.name in page


def test_a_rejected_position_and_one_addressed_to_nobody_are_not_sent(
    secretary, contest, department_x, mailoutbox, django_capture_on_commit_callbacks,
):
    body = Body.objects.the_body()
    with django_capture_on_commit_callbacks(execute=True):
        rejected = adopt(voting.save_draft(position=Position(body=body, title="Odrzucone", text="T"),
                                           addressed_to=[department_x]), choice="against")
        nobody = adopt(voting.save_draft(position=Position(body=body, title="Do nikogo", text="T")))

    assert mailoutbox == [] and rejected.sent_at is None and nobody.sent_at is None


def test_the_departments_cannot_change_once_the_vote_opened(client, secretary, contest, department_x):
    position = voting.save_draft(position=Position(body=Body.objects.the_body(), title="T", text="T"))
    voting.open_electronic_vote(position=position, until=timezone.now() + dt.timedelta(hours=1))
    client.force_login(secretary)

    client.post(reverse("panel:team_panel:position_edit", args=[position.pk]),
                form(concerns="topic", addressed_to=[department_x.pk]))

    assert not position.addressed_to.exists()


# Meetings in the events calendar ---------------------------------------------------------------


def new_meeting(days=10, **fields) -> Meeting:
    values = {"title": "Posiedzenie Zespołu", "starts_at": f.at(days), "ends_at": f.at(days, 18),
              "place": "Urząd Miejski, sala 20", **fields}
    return conduct.save_meeting(meeting=Meeting(body=Body.objects.the_body(), **values))


def test_a_meeting_is_a_published_event_of_the_body_without_registration(client):
    meeting = new_meeting()

    event = calendar.event_for(meeting)
    assert (event.status, event.kind, event.organizer_kind, event.registration_mode) == (
        EventStatus.PUBLISHED, EventKind.MEETING, "advisory_body", RegistrationMode.NONE)
    page = client.get(event.get_absolute_url()).content.decode()
    assert meeting.get_absolute_url() in page and "Urząd Miejski, sala 20" in page
    assert reverse("registrations:register", args=[event.occurrences.get().pk]) not in page


def test_a_change_of_time_and_place_shows_in_the_calendar_and_its_feed_on_the_next_request(client, secretary):
    meeting = new_meeting()
    client.force_login(secretary)
    fields = {"title": meeting.title, "starts_at": f.at(11, 10).strftime("%Y-%m-%dT%H:%M"),
              "ends_at": f.at(11, 12).strftime("%Y-%m-%dT%H:%M"), "place": "Centrum Aktywności Społecznej",
              "online_url": ""}

    response = client.post(reverse("panel:team_panel:meeting_edit", args=[meeting.pk]), fields)

    assert response.status_code == 302
    event = calendar.event_for(meeting)
    meeting.refresh_from_db()
    assert event.venue == "Centrum Aktywności Społecznej" and event.starts_at == f.at(11, 10)
    assert event.sequence == meeting.sequence > 0 and event.occurrences.get().starts_at == f.at(11, 10)
    listing = client.get(reverse("events:calendar"), {"widok": "lista", "data": f.days(11).isoformat()})
    assert event.get_absolute_url() in listing.content.decode()
    feed = client.get(reverse("events:ical")).content.decode()
    assert "Centrum Aktywności Społecznej" in feed and f"SEQUENCE:{event.sequence}" in feed


def test_a_cancelled_meeting_stays_in_the_calendar_marked_cancelled(client, secretary):
    meeting = new_meeting()
    client.force_login(secretary)

    client.post(reverse("panel:team_panel:meeting_cancel", args=[meeting.pk]))

    event = calendar.event_for(meeting)
    assert event.status == EventStatus.CANCELLED and event.occurrences.get().is_cancelled
    assert "STATUS:CANCELLED" in client.get(reverse("events:ical")).content.decode()


def test_the_meeting_event_is_one_however_often_the_meeting_changes():
    meeting = new_meeting()
    for hour in (10, 11, 12):
        meeting.starts_at = f.at(10, hour)
        conduct.save_meeting(meeting=meeting)

    assert Event.objects.filter(uid=meeting.uid).count() == 1


# The body's committee nominations --------------------------------------------------------------


@pytest.mark.parametrize(("who", "status"), [("secretary", 200), ("team_member", 403), ("resident", 403),
                                             ("official_x", 403)])
def test_the_bodys_nominations_are_shown_to_whoever_runs_the_body(
    client, request, secretary, team_member, contest, representative_a, who, status,
):
    Nomination.objects.create(competition=contest, email="kandydatka@example.org", nominated_by=team_member)
    Nomination.objects.create(competition=contest, email="ktos-inny@example.org", nominated_by=representative_a)
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("panel:team_panel:index"))

    assert response.status_code == status
    if status == 200:
        page = response.content.decode()
        assert "kandydatka@example.org" in page and "ktos-inny@example.org" not in page
        assert reverse("panel:grants_panel:committee_index") in page


def test_a_nomination_made_before_the_author_sat_on_the_body_is_not_the_bodys(client, secretary, contest):
    late = make_user("nowy@zespol.example.org", "team_member")
    f.seat(user=late, name="Nowy Członek", joined_on=f.days(-2))
    nomination = Nomination.objects.create(competition=contest, email="wczesna@example.org", nominated_by=late)
    Nomination.objects.filter(pk=nomination.pk).update(created_at=timezone.now() - dt.timedelta(days=10))
    client.force_login(secretary)

    assert "wczesna@example.org" not in client.get(reverse("panel:team_panel:index")).content.decode()


# The legal-act tracker ------------------------------------------------------------------------


def test_the_tracker_shows_stage_department_positions_consultation_and_next_step_at_a_constant_cost(
    client, secretary, department_x,
):
    body = Body.objects.the_body()

    def act(n):
        made = LegalAct.objects.create(body=body, title=f"Uchwała {n}", stage=LegalAct.Stage.CONSULTATION,
                                       department=department_x, consultation_url=f"https://example.org/k/{n}",
                                       next_step=f"Krok {n}", next_step_on=f.days(9))
        adopt(voting.save_draft(position=Position(body=body, title=f"Stanowisko {n}", text="T",
                                                  concerns="legal_act", legal_act=made)))
        return made

    act(1)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("team:legal_acts"))
    for n in range(2, 6):
        act(n)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("team:legal_acts")).content.decode()

    assert len(many) == len(few)
    for text in ("Uchwała 5", "w konsultacjach", department_x.name, "Stanowisko 5", "https://example.org/k/5",
                 "Krok 5"):
        assert text in page

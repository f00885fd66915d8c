"""Positions drafted by members: a member writes a draft in the members' area and changes it until the vote;
the others amend it, the secretary puts it to the vote. Nobody else drafts there, and nobody changes another's
draft."""

import pytest
from django.urls import reverse

from conftest import make_user
from partnerstwo.team.models import Position
from partnerstwo.team.positions import voting
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db

NEW = reverse("team:member_position_new")


def form(**fields):
    values = {"kind": "opinion", "title": "Opinia o lokalach dla organizacji", "text": "Zespół proponuje **wykaz**.",
              "concerns": "topic", "legal_act": "", "competition": "", "subject_title": "", "subject_url": ""}
    values.update(fields)
    return values


@pytest.fixture
def former_member(db):
    user = make_user("byly@example.org", "team_member")
    f.seat(name="Była Członkini", user=user, left_on=f.days(-1))
    return user


@pytest.fixture
def own_draft(client, team_member):
    client.force_login(team_member)
    client.post(NEW, form())
    return Position.objects.get()


def test_a_member_drafts_a_position_which_the_secretary_then_sees(client, team_member, administrator):
    client.force_login(team_member)
    assert "Przygotuj projekt stanowiska lub opinii" in client.get(reverse("team:member_home")).content.decode()

    response = client.post(NEW, form())

    position = Position.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("team:member_position", args=[position.pk])
    assert (position.status, position.drafted_by, position.kind) == (Position.Status.DRAFT, team_member, "opinion")
    page = client.get(response["Location"]).content.decode()
    assert "Projekt przygotował(a): Tomasz Zespołowy." in page and "Zmień swój projekt" in page
    client.force_login(administrator)
    panel = client.get(reverse("panel:team_panel:position", args=[position.pk])).content.decode()
    assert "Projekt przygotował(a) członek Zespołu: Tomasz Zespołowy." in panel


@pytest.mark.parametrize(("fields", "message"), [
    ({"title": ""}, "To pole jest wymagane"),
    ({"text": ""}, "To pole jest wymagane"),
    ({"concerns": "legal_act"}, "Wskaż akt prawny"),
    ({"concerns": "competition"}, "Wskaż konkurs ofert"),
    ({"competition": "999999", "concerns": "competition"}, "Wybierz poprawną wartość"),
    ({"kind": "manifest"}, "Wybierz poprawną wartość"),
    ({"title": "x" * 100_000}, "Upewnij się, że ta wartość ma co najwyżej 300 znaków"),
    ({"subject_url": "nie adres"}, "Wpisz poprawny URL"),
])
def test_a_bad_draft_is_refused_next_to_its_field_and_nothing_is_saved(client, team_member, fields, message):
    client.force_login(team_member)

    response = client.post(NEW, form(**fields))

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and 'class="error-summary' in html
    assert "Opinia o lokalach" in html or fields.get("title") is not None  # what was typed stays
    assert not Position.objects.exists()


@pytest.mark.parametrize(("who", "status"), [
    ("former_member", 403), ("official_x", 403), ("resident", 403), ("representative_a", 403),
    ("administrator", 403),  # the staff write drafts in the panel, not as a member
])
def test_only_a_sitting_member_drafts_here(client, request, who, status):
    client.force_login(request.getfixturevalue(who))

    assert client.get(NEW).status_code == status
    assert client.post(NEW, form()).status_code == status
    assert not Position.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    assert client.get(NEW).status_code == 302
    assert client.post(NEW, form()).status_code == 302
    assert not Position.objects.exists()


def test_the_author_changes_their_draft_until_the_vote(client, team_member, own_draft):
    edit = reverse("team:member_position_edit", args=[own_draft.pk])

    assert client.post(edit, form(title="Opinia poprawiona")).status_code == 302
    own_draft.refresh_from_db()
    assert own_draft.title == "Opinia poprawiona" and own_draft.drafted_by == team_member

    voting.open_electronic_vote(position=own_draft, until=f.at(3))
    assert client.get(edit).status_code == 403
    assert client.post(edit, form(title="Po terminie")).status_code == 403
    own_draft.refresh_from_db()
    assert own_draft.title == "Opinia poprawiona"


def test_another_member_amends_the_draft_but_cannot_rewrite_it(client, own_draft):
    other = make_user("ewa@zespol.example.org", "team_member", full_name="Ewa Inna")
    f.seat(name="Ewa Inna", user=other)
    client.force_login(other)
    edit = reverse("team:member_position_edit", args=[own_draft.pk])

    assert client.post(edit, form(title="Cudza zmiana")).status_code == 403
    assert "Zmień swój projekt" not in client.get(reverse("team:member_position", args=[own_draft.pk])).content.decode()
    client.post(reverse("team:member_position", args=[own_draft.pk]), {"action": "amend", "text": "Dodać termin."})
    own_draft.refresh_from_db()
    assert own_draft.title == "Opinia o lokalach dla organizacji"
    assert [a.text for a in own_draft.amendments.all()] == ["Dodać termin."]


def test_a_member_who_left_loses_their_own_draft(client, own_draft, team_member):
    team_member.team_memberships.update(left_on=f.days(-1))

    assert client.get(reverse("team:member_position_edit", args=[own_draft.pk])).status_code == 403

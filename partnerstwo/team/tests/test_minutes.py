"""The minutes: a draft only members and staff read and comment on, approved by a vote at a later meeting with its
quorum, then published as a page and a tagged PDF, and kept as they were approved."""

import pytest
from django.core.exceptions import ValidationError

from conftest import make_user
from partnerstwo.lib.testing import assert_tagged_pdf
from partnerstwo.team.meetings import conduct, minutes
from partnerstwo.team.models import Meeting, Membership
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(team_member):
    """Two held meetings of the same members: the first with its minutes drafted, the second where they are voted."""
    seats = [*f.members(3), Membership.objects.get(user=team_member)]
    first = f.meeting(-60, title="Posiedzenie nr 1", items=["Opinia o programie"])
    second = f.meeting(-1, title="Posiedzenie nr 2", items=["Przyjęcie protokołu"])
    f.attend(first, seats)
    f.attend(second, seats[:3])
    item = first.items.get()
    item.discussion, item.decisions = "Dyskusja o priorytetach.", "Opinia pozytywna."
    item.votes_for, item.votes_against, item.votes_abstain = 3, 0, 1
    conduct.save_item_minutes(item=item)
    return {"first": first, "second": second, "seats": seats}


def test_the_draft_is_not_public(client, held):
    first = held["first"]

    page = client.get(first.get_absolute_url()).content.decode()

    assert "Dyskusja o priorytetach" not in page and "publikujemy po jego przyjęciu" in page
    assert client.get(f"/zespol/posiedzenia/{first.pk}/protokol.pdf").status_code == 404


def test_a_member_reads_the_draft_and_comments(client, held, team_member):
    first = held["first"]
    client.force_login(team_member)
    url = f"/zespol/dla-czlonkow/posiedzenia/{first.pk}/"

    assert "Dyskusja o priorytetach" in client.get(url).content.decode()
    response = client.post(url, {"action": "comment", "item": first.items.get().pk, "text": "Dopiszmy termin."},
                           follow=True)

    assert "Dopiszmy termin." in response.content.decode()
    assert first.minutes_comments.get().author == team_member


@pytest.mark.parametrize(("fields", "message"), [({"text": ""}, "To pole jest wymagane"),
                                                ({"text": "x", "item": "999999"}, "Wybierz poprawną wartość")])
def test_a_bad_comment_is_refused(client, held, team_member, fields, message):
    client.force_login(team_member)

    response = client.post(f"/zespol/dla-czlonkow/posiedzenia/{held['first'].pk}/", {"action": "comment", **fields})

    assert message in response.content.decode() and not held["first"].minutes_comments.exists()


def test_a_later_meeting_with_its_quorum_approves_and_the_minutes_are_published(client, held):
    first, second = held["first"], held["second"]

    minutes.approve(meeting=first, at_meeting=second, votes_for=3, votes_against=0, votes_abstain=0)

    first.refresh_from_db()
    assert first.minutes_published and first.approved_at_meeting == second
    page = client.get(first.get_absolute_url()).content.decode()
    assert "Dyskusja o priorytetach" in page and "Głosowanie: za 3, przeciw 0, wstrzymało się 1." in page
    assert "(za 3, przeciw 0, wstrzymało się 0)" in page


def test_the_published_minutes_are_a_tagged_pdf_in_polish(client, held):
    first, second = held["first"], held["second"]
    minutes.approve(meeting=first, at_meeting=second, votes_for=3, votes_against=0, votes_abstain=0)

    response = client.get(f"/zespol/posiedzenia/{first.pk}/protokol.pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert_tagged_pdf(response.content)


@pytest.mark.parametrize(("votes", "message"), [((1, 1, 1), "nie został przyjęty"), ((2, 0, 2), "więcej niż obecnych")])
def test_approval_needs_more_votes_for_than_against_and_no_more_than_present(held, votes, message):
    with pytest.raises(ValidationError, match=message):
        minutes.approve(meeting=held["first"], at_meeting=held["second"], votes_for=votes[0],
                        votes_against=votes[1], votes_abstain=votes[2])
    assert not Meeting.objects.get(pk=held["first"].pk).minutes_published


def test_approval_needs_the_quorum_at_the_approving_meeting(held):
    second = held["second"]
    second.attendance.update(status="absent")

    with pytest.raises(ValidationError, match="Bez kworum"):
        minutes.approve(meeting=held["first"], at_meeting=second, votes_for=1, votes_against=0, votes_abstain=0)


def test_minutes_are_approved_only_at_a_later_meeting_that_has_started(held):
    first, second = held["first"], held["second"]
    with pytest.raises(ValidationError, match="nie czeka na przyjęcie"):
        minutes.approve(meeting=second, at_meeting=first, votes_for=3, votes_against=0, votes_abstain=0)
    coming = f.meeting(5)
    f.attend(coming, held["seats"])
    with pytest.raises(ValidationError, match="już się zaczęło"):
        minutes.approve(meeting=first, at_meeting=coming, votes_for=3, votes_against=0, votes_abstain=0)


def test_approved_minutes_stay_as_they_were_approved(held, client, team_member):
    first = held["first"]
    minutes.approve(meeting=first, at_meeting=held["second"], votes_for=3, votes_against=0, votes_abstain=0)
    item = first.items.get()
    item.discussion = "Zmiana po przyjęciu."

    with pytest.raises(ValidationError, match="przyjęty"):
        conduct.save_item_minutes(item=item)
    client.force_login(team_member)
    response = client.post(f"/zespol/dla-czlonkow/posiedzenia/{first.pk}/", {"action": "comment", "text": "Za późno."})
    assert response.status_code == 403


def test_the_secretary_approves_from_the_panel_with_the_quorum_shown_first(client, held):
    secretary = make_user("sekretarz@example.org", "team_member")
    f.seat(name="Sekretarz", user=secretary, role="secretary")
    second = held["second"]
    client.force_login(secretary)

    page = client.get(f"/panel/zespol/posiedzenia/{second.pk}/protokol/").content.decode()
    assert page.index("Kworum") < page.index("Głosy za przyjęciem")

    bad = client.post(f"/panel/zespol/posiedzenia/{second.pk}/przyjecie-protokolu/",
                      {"meeting": held["first"].pk, "votes_for": "9", "votes_against": "0", "votes_abstain": "0"})
    assert "więcej niż obecnych" in bad.content.decode()
    client.post(f"/panel/zespol/posiedzenia/{second.pk}/przyjecie-protokolu/",
                {"meeting": held["first"].pk, "votes_for": "3", "votes_against": "0", "votes_abstain": "0"})
    assert Meeting.objects.get(pk=held["first"].pk).minutes_published

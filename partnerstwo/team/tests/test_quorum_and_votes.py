"""The quorum counts the members who sit on the body on the meeting's day, rounded up from the body's share; no
vote is recorded without it, nor more votes than members present."""

import pytest
from django.core.exceptions import ValidationError

from partnerstwo.team.meetings import conduct
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("members", "percent", "present", "required", "met"), [
    (10, 50, 4, 5, False), (10, 50, 5, 5, True), (9, 50, 4, 5, False), (9, 50, 5, 5, True),
    (9, 60, 5, 6, False), (9, 60, 6, 6, True), (1, 50, 1, 1, True), (0, 50, 0, 0, False),
])
def test_the_quorum_at_its_edges(members, percent, present, required, met):
    f.body(quorum_percent=percent)
    seats = f.members(members)
    meeting = f.meeting(-1)
    f.attend(meeting, seats[:present])

    found = conduct.quorum(meeting)

    assert (found.members, found.present, found.required, found.met) == (members, present, required, met)


def test_the_quorum_counts_only_who_sits_on_the_meeting_day():
    term = f.term()
    meeting = f.meeting(-10)
    stays = f.members(2, term)
    left = f.seat(term, name="Odeszła przed", left_on=f.days(-11))
    joined = f.seat(term, name="Doszedł po", joined_on=f.days(-9))
    f.attend(meeting, [*stays, left, joined])

    found = conduct.quorum(meeting)

    assert (found.members, found.present) == (2, 2)


def test_no_vote_without_the_quorum():
    seats = f.members(4)
    meeting = f.meeting(-1, items=["Opinia"])
    f.attend(meeting, seats[:1])
    item = meeting.items.get()
    item.votes_for, item.votes_against, item.votes_abstain = 1, 0, 0

    with pytest.raises(ValidationError, match="Bez kworum nie można głosować"):
        conduct.save_item_minutes(item=item)


def test_no_more_votes_than_members_present_and_all_three_numbers():
    seats = f.members(4)
    meeting = f.meeting(-1, items=["Opinia"])
    f.attend(meeting, seats[:3])
    item = meeting.items.get()

    item.votes_for, item.votes_against, item.votes_abstain = 2, 1, 1
    with pytest.raises(ValidationError, match="więcej niż obecnych"):
        conduct.save_item_minutes(item=item)
    item.votes_for, item.votes_against, item.votes_abstain = 2, None, 1
    with pytest.raises(ValidationError, match="wszystkie trzy"):
        conduct.save_item_minutes(item=item)
    item.votes_for, item.votes_against, item.votes_abstain = 2, 1, 0
    conduct.save_item_minutes(item=item)
    assert meeting.items.get().was_voted


def test_the_minutes_are_written_once_the_meeting_started():
    meeting = f.meeting(3, items=["Opinia"])
    item = meeting.items.get()
    item.discussion = "Za wcześnie."

    with pytest.raises(ValidationError, match="po rozpoczęciu"):
        conduct.save_item_minutes(item=item)


def test_attendance_is_recorded_from_the_meetings_day():
    seats = f.members(2)
    tomorrow = f.meeting(1)

    with pytest.raises(ValidationError):
        conduct.record_attendance(meeting=tomorrow, statuses={seats[0].pk: "present"}, guests={})
    today = f.meeting(0)
    found = conduct.record_attendance(meeting=today, statuses={seats[0].pk: "present", 999999: "present"},
                                       guests={})
    assert (found.members, found.present) == (2, 1)

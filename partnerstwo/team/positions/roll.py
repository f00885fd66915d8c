"""Who may vote on a position and how each of them voted: the roll call the public page and the e-mail to the
departments show."""

import datetime as dt

from django.utils import timezone

from partnerstwo.team.meetings import conduct
from partnerstwo.team.models import Membership, Position, PositionVote


def voters(position: Position, day: dt.date | None = None):
    """Who may vote: the members on the day of the meeting, or today in an electronic vote."""
    if position.vote_mode == Position.VoteMode.MEETING and position.meeting_id:
        return conduct.members_of(position.meeting)
    return Membership.objects.filter(term__body=position.body_id).on(day or timezone.localdate())


def vote_day(position: Position) -> dt.date:
    if position.vote_mode == Position.VoteMode.MEETING and position.meeting_id:
        return position.meeting.day
    return timezone.localtime(position.voting_until or timezone.now()).date()


def roll_call(position: Position) -> list[tuple[Membership, PositionVote | None]]:
    """Each member who could vote, with their vote (None: did not vote), as the published result shows it."""
    votes = {vote.membership_id: vote for vote in position.votes.all()}
    seats = voters(position, vote_day(position)).in_order()
    return [(seat, votes.get(seat.pk)) for seat in seats]


def published_roll_call(position: Position) -> list[tuple[Membership, PositionVote | None]]:
    """The roll call as the public and the departments addressed see it: each member's vote when the body's rules
    publish it (Body.publish_member_votes), otherwise nothing beyond the numbers."""
    return roll_call(position) if position.body.publish_member_votes else []

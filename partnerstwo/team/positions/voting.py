"""Positions and opinions of the body: the draft and its amendments, the vote (at a meeting, or electronically by a
deadline), the result under the body's rules, and the register of adopted ones (12/2026).

The result follows the body's settings (docs/law.md#brdpp-position-votes): at least the quorum must take part;
under "consensus, else a simple majority" no vote against means consensus, otherwise more votes for than against
decide; under "consensus only" any vote against rejects; on a tie the chair's vote decides when the rules say so.
An opinion on the draft cooperation programme or development strategy is due 14 days after the draft was
delivered (docs/law.md#art-41i-2-fourteen-days).
"""

import datetime as dt
import math
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.team.meetings import conduct
from partnerstwo.team.models import (
    STATUTORY_OPINION_DAYS,
    Amendment,
    Attendance,
    Body,
    Meeting,
    Membership,
    Position,
    PositionVote,
)
from partnerstwo.team.positions import reminders, sending
from partnerstwo.team.positions.roll import vote_day, voters

STATUTORY_SUBJECTS = (Position.Concerns.PROGRAMME, Position.Concerns.STRATEGY)
# The members are reminded of an undecided opinion this many days before it is due.
REMINDER_DAYS_BEFORE = 3

Choice = PositionVote.Choice
Method = Position.Method


def due_on(position: Position) -> dt.date | None:
    return position.due_on


def check_draft(position: Position) -> None:
    position.full_clean(exclude=["body"])
    if position.legal_act_id and position.legal_act.body_id != position.body_id:
        raise ValidationError({"legal_act": _("Wybierz akt śledzony przez ten Zespół.")})


def save_draft(*, position: Position, addressed_to=None) -> Position:
    if position.pk and Position.objects.filter(pk=position.pk).exclude(status=Position.Status.DRAFT).exists():
        raise ValidationError(_("Treść można zmieniać tylko przed głosowaniem."))
    if position.concerns != Position.Concerns.LEGAL_ACT:
        position.legal_act = None
    if position.concerns != Position.Concerns.COMPETITION:
        position.competition = None
    check_draft(position)
    position.save()
    if addressed_to is not None:
        position.addressed_to.set(addressed_to)
    return position


def can_edit_own_draft(position: Position, user) -> bool:
    """The member who wrote a draft keeps it in hand until it goes to the vote, while they hold a seat."""
    return (position.status == Position.Status.DRAFT and position.drafted_by_id == user.pk
            and user.sits_on_team)


def save_member_draft(*, position: Position, user) -> Position:
    """A member's draft: written in the members' area, then amended by the others and put to the vote by the
    secretary like any other."""
    if not user.sits_on_team:
        raise ValidationError(_("Projekty stanowisk przygotowują członkowie Zespołu."))
    if position.pk is None:
        position.drafted_by = user
    elif not can_edit_own_draft(position, user):
        raise ValidationError(_("Treść można zmieniać tylko przed głosowaniem."))
    return save_draft(position=position)


def propose_amendment(*, position: Position, user, text: str) -> Amendment:
    if position.status != Position.Status.DRAFT or not user.sits_on_team:
        raise ValidationError(_("Poprawki zgłaszają członkowie Zespołu do projektu przed głosowaniem."))
    return Amendment.objects.create(position=position, text=text.strip(), proposed_by=user,
                                    proposed_by_name=str(user))


def decide_amendment(*, amendment: Amendment, accepted: bool) -> None:
    if amendment.position.status != Position.Status.DRAFT:
        raise ValidationError(_("O poprawkach decyduje się przed głosowaniem."))
    amendment.decision = Amendment.Decision.ACCEPTED if accepted else Amendment.Decision.REJECTED
    amendment.save(update_fields=["decision"])


@transaction.atomic
def open_electronic_vote(*, position: Position, until: dt.datetime) -> None:
    if position.status != Position.Status.DRAFT:
        raise ValidationError(_("Głosować można tylko nad projektem."))
    if until <= timezone.now():
        raise ValidationError({"until": _("Koniec głosowania musi być w przyszłości.")})
    if position.amendments.filter(decision="").exists():
        raise ValidationError(_("Najpierw rozstrzygnij zgłoszone poprawki."))
    position.status, position.vote_mode, position.voting_until = (
        Position.Status.VOTING, Position.VoteMode.ELECTRONIC, until,
    )
    position.save(update_fields=["status", "vote_mode", "voting_until", "updated_at"])


def can_vote(position: Position, seat: Membership | None) -> bool:
    return (
        seat is not None and position.status == Position.Status.VOTING
        and position.vote_mode == Position.VoteMode.ELECTRONIC and timezone.now() < position.voting_until
        and voters(position).filter(pk=seat.pk).exists()
    )


def cast(*, position: Position, seat: Membership | None, choice: str) -> PositionVote:
    """A member's electronic vote; they may change it until the deadline."""
    if not can_vote(position, seat):
        raise ValidationError(_("W tym głosowaniu nie możesz już głosować."))
    vote, _created = PositionVote.objects.update_or_create(
        position=position, membership=seat, defaults={"choice": choice, "cast_at": timezone.now()},
    )
    return vote


@dataclass(frozen=True)
class Result:
    votes_for: int
    votes_against: int
    votes_abstain: int
    voters: int
    required: int
    method: str

    @property
    def adopted(self) -> bool:
        return self.method in (Method.CONSENSUS, Method.MAJORITY, Method.CHAIR)


def tally(body: Body, choices: dict[int, str], *, voters_count: int, chair_ids: set[int]) -> Result:
    """The result of a vote under the body's rules: `choices` by membership id, `voters_count` the members who
    could vote (the quorum counts them), `chair_ids` the seats whose vote decides a tie."""
    counts = {choice: list(choices.values()).count(choice) for choice in Choice.values}
    votes_for, against, abstain = counts[Choice.FOR], counts[Choice.AGAINST], counts[Choice.ABSTAIN]
    required = math.ceil(voters_count * body.quorum_percent / 100)

    def result(method):
        return Result(votes_for, against, abstain, voters_count, required, method)

    if voters_count == 0 or len(choices) < required:
        return result(Method.NO_QUORUM)
    if body.majority_rule == Body.MajorityRule.CONSENSUS:
        return result(Method.CONSENSUS if against == 0 and votes_for > 0 else Method.NO_CONSENSUS)
    if body.majority_rule == Body.MajorityRule.CONSENSUS_THEN_MAJORITY and against == 0 and votes_for > 0:
        return result(Method.CONSENSUS)
    if votes_for > against:
        return result(Method.MAJORITY)
    if votes_for == against and votes_for > 0 and body.chair_decides_tie:
        chair_votes = {choice for seat_id, choice in choices.items() if seat_id in chair_ids}
        if chair_votes == {Choice.FOR}:
            return result(Method.CHAIR)
    return result(Method.NO_MAJORITY)


def electronic_quorum(position: Position) -> conduct.Quorum | None:
    """While an electronic vote runs: the members who may vote, how many must take part for the vote to count
    (the body's quorum of them, as `tally` asks) and how many have voted so far. Shown before anyone votes."""
    if position.status != Position.Status.VOTING or position.vote_mode != Position.VoteMode.ELECTRONIC:
        return None
    eligible = voters(position)
    return conduct.Quorum(members=eligible.count(), present=position.votes.filter(membership__in=eligible).count(),
                          percent=position.body.quorum_percent)


def chairs(position: Position) -> set[int]:
    """Whose vote decides a tie: the chair's; with co-chairs and no chair, those of them who voted, all the same way."""
    seats = voters(position, vote_day(position))
    found = set(seats.filter(role=Membership.Role.CHAIR).values_list("pk", flat=True))
    return found or set(seats.filter(role=Membership.Role.CO_CHAIR).values_list("pk", flat=True))


@transaction.atomic
def close(*, position: Position) -> Result:
    """Counts the votes and decides; an adopted position takes the next number of its year in the register."""
    position = Position.objects.select_for_update(of=("self",)).select_related("body", "meeting").get(pk=position.pk)
    if position.status != Position.Status.VOTING:
        raise ValidationError(_("To głosowanie jest już zamknięte."))
    day = vote_day(position)
    eligible = voters(position, day)
    choices = dict(position.votes.filter(membership__in=eligible).values_list("membership_id", "choice"))
    found = tally(position.body, choices, voters_count=eligible.count(), chair_ids=chairs(position))
    position.votes_for, position.votes_against, position.votes_abstain = (
        found.votes_for, found.votes_against, found.votes_abstain,
    )
    position.method, position.decided_at = found.method, timezone.now()
    if found.adopted:
        position.status = Position.Status.ADOPTED
        position.register_year = timezone.localtime(position.decided_at).year
        last = Position.objects.filter(body=position.body_id, register_year=position.register_year).aggregate(
            last=Max("register_number"))["last"]
        position.register_number = (last or 0) + 1
        if sending.addressees(position):
            position.sent_at = position.decided_at
            transaction.on_commit(partial(sending.send_to_departments.enqueue, position.pk))
    else:
        position.status = Position.Status.REJECTED
    position.save()
    return found


@transaction.atomic
def record_meeting_vote(*, position: Position, meeting: Meeting, choices: dict[int, str]) -> Result:
    """The vote at a meeting, member by member: only those marked present vote, with the meeting's quorum."""
    if position.status != Position.Status.DRAFT:
        raise ValidationError(_("Głosować można tylko nad projektem."))
    if meeting.body_id != position.body_id or not meeting.has_started or meeting.is_cancelled:
        raise ValidationError({"meeting": _("Wybierz posiedzenie Zespołu, które już się odbyło.")})
    if position.amendments.filter(decision="").exists():
        raise ValidationError(_("Najpierw rozstrzygnij zgłoszone poprawki."))
    present = set(Attendance.objects.filter(
        meeting=meeting, status=Attendance.Status.PRESENT, membership__in=conduct.members_of(meeting),
    ).values_list("membership_id", flat=True))
    given = {seat_id: choice for seat_id, choice in choices.items() if choice}
    if set(given) - present:
        raise ValidationError(_("Głosować mogą tylko członkowie obecni na posiedzeniu: zapisz najpierw obecność."))
    cast_votes = list(given.values())
    conduct.check_votes(meeting, tuple(cast_votes.count(choice) for choice in (Choice.FOR, Choice.AGAINST,
                                                                                 Choice.ABSTAIN)))
    if not conduct.quorum(meeting).met:
        raise ValidationError(_("Bez kworum na posiedzeniu nie można głosować."))
    position.status, position.vote_mode, position.meeting = Position.Status.VOTING, Position.VoteMode.MEETING, meeting
    position.save(update_fields=["status", "vote_mode", "meeting", "updated_at"])
    PositionVote.objects.bulk_create(
        [PositionVote(position=position, membership_id=seat_id, choice=choice) for seat_id, choice in given.items()]
    )
    return close(position=position)


def close_due_votes(now: dt.datetime | None = None) -> int:
    """Closes the electronic votes whose deadline passed; safe to run again (a closed vote is not voting)."""
    due = Position.objects.voting().filter(
        vote_mode=Position.VoteMode.ELECTRONIC, voting_until__lte=now or timezone.now(),
    )
    closed = 0
    for position in due:
        close(position=position)
        closed += 1
    return closed


def due_for_reminder(today: dt.date | None = None):
    """Undecided positions not yet reminded of whose deadline is within REMINDER_DAYS_BEFORE days: the statutory
    one of an opinion the Act asks for, or the last day of the consultation the body is consulted in."""
    today = today or timezone.localdate()
    latest_delivery = today + dt.timedelta(days=REMINDER_DAYS_BEFORE - STATUTORY_OPINION_DAYS)
    earliest_delivery = today - dt.timedelta(days=STATUTORY_OPINION_DAYS)
    statutory = Q(concerns__in=STATUTORY_SUBJECTS, delivered_on__isnull=False)
    return Position.objects.filter(
        (statutory & Q(delivered_on__lte=latest_delivery, delivered_on__gte=earliest_delivery))
        | (~statutory & Q(respond_by__gte=today, respond_by__lte=today + dt.timedelta(days=REMINDER_DAYS_BEFORE))),
        status__in=[Position.Status.DRAFT, Position.Status.VOTING], reminded_at__isnull=True,
    )


def remind_of_deadlines(today: dt.date | None = None) -> int:
    """Queues one reminder per opinion due soon to the members who sit on the body; safe to run again."""
    reminded = 0
    for position in due_for_reminder(today):
        with transaction.atomic():
            if Position.objects.filter(pk=position.pk, reminded_at__isnull=True).update(reminded_at=timezone.now()):
                transaction.on_commit(partial(reminders.send_deadline_reminder.enqueue, position.pk))
                reminded += 1
    return reminded

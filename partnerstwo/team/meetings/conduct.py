"""Meetings of the body: the agenda, who is invited, who came, the quorum, and the minutes of each point.

The members invited to a meeting, and counted for its quorum, are those who sit on the body on its day
(MembershipQuerySet.on). The quorum is the body's share of them, rounded up (docs/law.md#brdpp-quorum-and-votes):
no vote is recorded without it, and no more votes than members present.

A group's meeting (Meeting.group) goes through the same steps with the group's members in place of the seats;
it has no quorum and records no votes (team/groups/coordination.py says why).
"""

import datetime as dt
import math
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, F, Max, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.team.meetings import calendar, invitations
from partnerstwo.team.models import (
    ActionItem,
    AgendaDocument,
    AgendaItem,
    Attendance,
    GroupMember,
    Guest,
    Meeting,
    Membership,
)


def agenda(meeting: Meeting):
    """The meeting's agenda items with their department and documents, in a fixed number of queries."""
    return meeting.items.select_related("department").prefetch_related(
        Prefetch("documents", queryset=AgendaDocument.objects.order_by("added_at", "pk"))
    )


def members_of(meeting: Meeting):
    """The seats held on the meeting's day; for a group's meeting, the group's members."""
    if meeting.group_id:
        return GroupMember.objects.filter(group=meeting.group_id)
    return Membership.objects.invited_to(meeting)


@dataclass(frozen=True)
class Quorum:
    members: int
    present: int
    percent: int

    @property
    def required(self) -> int:
        return math.ceil(self.members * self.percent / 100)

    @property
    def met(self) -> bool:
        return self.members > 0 and self.present >= self.required


def quorum(meeting: Meeting) -> Quorum | None:
    """None for a group's meeting, which has no quorum."""
    if meeting.group_id:
        return None
    seats = members_of(meeting)
    present = Attendance.objects.filter(
        meeting=meeting, membership__in=seats, status=Attendance.Status.PRESENT
    ).count()
    return Quorum(members=seats.count(), present=present, percent=meeting.body.quorum_percent)


def attendance_of(meeting: Meeting) -> list[tuple[Membership | GroupMember, Attendance | None]]:
    """Every member invited, in the body's order (a group's: coordinators first, then by name), with their answer
    and attendance so far (None: nothing yet)."""
    if meeting.group_id:
        records = {a.group_member_id: a for a in Attendance.objects.filter(meeting=meeting)}
        members = members_of(meeting).select_related("organization").order_by(
            "role", "organization__name", "person_name", "pk")
        return [(member, records.get(member.pk)) for member in members]
    records = {a.membership_id: a for a in Attendance.objects.filter(meeting=meeting)}
    return [(seat, records.get(seat.pk)) for seat in members_of(meeting).in_order().select_related("organization")]


def note_change(meeting: Meeting) -> None:
    """A change the invited people should hear of: calendars replace their copy (SEQUENCE), and invitations
    already sent are marked out of date until they are sent again."""
    sent = ExpressionWrapper(Q(invitations_sent_at__isnull=False), output_field=BooleanField())
    Meeting.objects.filter(pk=meeting.pk).update(
        sequence=F("sequence") + 1, invitations_outdated=sent, updated_at=timezone.now(),
    )
    meeting.refresh_from_db(fields=["sequence", "invitations_outdated", "invitations_sent_at", "updated_at"])


def check_meeting(meeting: Meeting) -> None:
    meeting.full_clean(exclude=["body", "group"])
    if not meeting.place and not meeting.online_url:
        raise ValidationError({"place": _("Podaj miejsce posiedzenia albo link do spotkania online.")})


@transaction.atomic
def save_meeting(*, meeting: Meeting, departments=None, changed: bool = True) -> Meeting:
    check_meeting(meeting)
    is_new = meeting.pk is None
    meeting.save()
    if departments is not None:
        meeting.departments.set(departments)
    if not is_new and changed:
        note_change(meeting)
    calendar.publish(meeting)
    return meeting


@transaction.atomic
def cancel_meeting(*, meeting: Meeting) -> None:
    if meeting.has_started:
        raise ValidationError(_("Posiedzenia, które już się zaczęło, nie można odwołać."))
    meeting.status = Meeting.Status.CANCELLED
    meeting.save(update_fields=["status", "updated_at"])
    note_change(meeting)
    calendar.publish(meeting)


@transaction.atomic
def delete_meeting(*, meeting: Meeting) -> None:
    """Takes away a meeting planned by mistake. Once the invitations went out the invited must learn of it, so
    such a meeting is cancelled instead; one that took place, or at which a position was voted, is history."""
    if meeting.invitations_sent_at:
        raise ValidationError(_(
            "Zaproszenia na to posiedzenie zostały wysłane: odwołaj je, a zaproszeni dostaną wiadomość o odwołaniu."
        ))
    if meeting.has_started or meeting.attendance.exists() or meeting.positions.exists():
        raise ValidationError(_("Posiedzenia, które się odbyło lub na którym głosowano stanowiska, nie można usunąć."))
    calendar.withdraw(meeting)
    meeting.delete()


@transaction.atomic
def save_item(*, item: AgendaItem) -> AgendaItem:
    """Adds or changes a point of the agenda; a new one goes last."""
    item.full_clean(exclude=["meeting", "position"])
    if item.pk is None:
        last = item.meeting.items.aggregate(last=Max("position"))["last"]
        item.position = 1 if last is None else last + 1
    item.save()
    note_change(item.meeting)
    return item


@transaction.atomic
def move_item(*, item: AgendaItem, up: bool) -> None:
    items = list(item.meeting.items.all())
    index = items.index(item)
    other = index - 1 if up else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
        for position, each in enumerate(items, start=1):
            AgendaItem.objects.filter(pk=each.pk).update(position=position)
        note_change(item.meeting)


@transaction.atomic
def delete_item(*, item: AgendaItem) -> None:
    meeting = item.meeting
    item.delete()
    note_change(meeting)


def respond(*, meeting: Meeting, membership: Membership, response: str) -> Attendance:
    """A member says whether they will come; until the meeting starts, and only to a meeting they are invited to."""
    if meeting.is_cancelled or meeting.has_started or meeting.group_id:
        raise ValidationError(_("Na to posiedzenie nie można już odpowiadać."))
    if not members_of(meeting).filter(pk=membership.pk).exists():
        raise ValidationError(_("W dniu posiedzenia nie zasiadasz w Zespole."))
    attendance, _created = Attendance.objects.update_or_create(
        meeting=meeting, membership=membership, defaults={"response": response, "responded_at": timezone.now()},
    )
    return attendance


def can_record_attendance(meeting: Meeting) -> bool:
    """From the meeting's day: the secretary records who came during or after it."""
    return not meeting.is_cancelled and meeting.day <= timezone.localdate()


@transaction.atomic
def record_attendance(*, meeting: Meeting, statuses: dict[int, str], guests: dict[int, bool | None]):
    """Statuses by membership id (a group's meeting: by group member id; blank: not recorded), guests' presence
    by guest id; returns the quorum (a group's meeting: who was present of how many, a Presence)."""
    if not can_record_attendance(meeting):
        raise ValidationError(_("Obecność zapisuje się od dnia posiedzenia."))
    invited = set(members_of(meeting).values_list("pk", flat=True))
    key = "group_member_id" if meeting.group_id else "membership_id"
    for member_id, status in statuses.items():
        if member_id not in invited:
            continue
        Attendance.objects.update_or_create(meeting=meeting, **{key: member_id}, defaults={"status": status})
    for guest in Guest.objects.filter(meeting=meeting, pk__in=list(guests)):
        guest.attended = guests[guest.pk]
        guest.save(update_fields=["attended"])
    if not meeting.group_id:
        return quorum(meeting)
    present = Attendance.objects.filter(meeting=meeting, status=Attendance.Status.PRESENT, group_member__in=invited)
    return Presence(members=len(invited), present=present.count())


@dataclass(frozen=True)
class Presence:
    """Who came to a group's meeting, which has no quorum."""

    members: int
    present: int


def check_votes(meeting: Meeting, votes: tuple[int | None, int | None, int | None], field: str = "votes_for") -> None:
    """A vote needs the quorum present and at most one vote for each member present."""
    if all(v is None for v in votes):
        return
    if meeting.group_id:
        raise ValidationError({field: _("Na posiedzeniach grup i zespołów roboczych nie zapisuje się głosowań.")})
    if any(v is None for v in votes):
        raise ValidationError({field: _("Podaj wszystkie trzy liczby głosów (za, przeciw, wstrzymujące się).")})
    found = quorum(meeting)
    if not found.met:
        raise ValidationError({field: _(
            "Bez kworum nie można głosować: obecnych %(present)s z %(members)s członków, potrzeba %(required)s. "
            "Najpierw zapisz obecność."
        ) % {"present": found.present, "members": found.members, "required": found.required}})
    if sum(votes) > found.present:
        raise ValidationError({field: _(
            "Głosów (%(votes)s) jest więcej niż obecnych członków (%(present)s)."
        ) % {"votes": sum(votes), "present": found.present}})


@transaction.atomic
def save_item_minutes(*, item: AgendaItem) -> AgendaItem:
    """The minutes of one point: discussion, decisions and, when there was a vote, its numbers."""
    meeting = item.meeting
    if meeting.minutes_published:
        raise ValidationError(_("Protokół został przyjęty; nie można go już zmieniać."))
    if not meeting.has_started:
        raise ValidationError(_("Protokół sporządza się po rozpoczęciu posiedzenia."))
    check_votes(meeting, (item.votes_for, item.votes_against, item.votes_abstain))
    item.save(update_fields=["discussion", "decisions", "votes_for", "votes_against", "votes_abstain"])
    return item


def save_action_item(*, action: ActionItem) -> ActionItem:
    action.full_clean(exclude=["meeting"])
    if not action.owner_id and not action.owner_name:
        if action.meeting.group_id:
            raise ValidationError({"owner_name": _("Wpisz, kto wykona zadanie.")})
        raise ValidationError({"owner": _("Wskaż, kto wykona zadanie: członka albo kogoś spoza składu.")})
    if action.owner_id and action.owner.term.body_id != action.meeting.body_id:  # None for a group's meeting
        raise ValidationError({"owner": _("Wybierz członka tego Zespołu.")})
    action.save()
    return action


def open_action_items_before(meeting: Meeting):
    """What is still to be done from the body's (the group's) earlier meetings: shown at the next meeting."""
    return (
        ActionItem.objects.open().filter(meeting__in=Meeting.objects.alongside(meeting).values("pk"),
                                         meeting__starts_at__lt=meeting.starts_at)
        .select_related("meeting", "owner")
    )


@transaction.atomic
def send_invitations(*, meeting: Meeting) -> int:
    """Marks the invitations sent and queues them after the commit; returns how many will go. Sent again after a
    change, they are an update; after a cancellation, the notice of it."""
    if meeting.has_started:
        raise ValidationError(_("Posiedzenie już się zaczęło: zaproszeń nie wysyła się."))
    found = invitations.recipients(meeting)
    if not found:
        raise ValidationError(_("Nikt nie ma adresu e-mail: dopisz adresy członków albo gości."))
    update = meeting.invitations_sent_at is not None
    Meeting.objects.filter(pk=meeting.pk).update(invitations_sent_at=timezone.now(), invitations_outdated=False)
    transaction.on_commit(partial(invitations.send_invitations.enqueue, meeting.pk, update))
    return len(found)


def next_meeting(body, after: dt.datetime | None = None) -> Meeting | None:
    return (
        body.meetings.filter(starts_at__gte=after or timezone.now(), status=Meeting.Status.PLANNED)
        .order_by("starts_at").first()
    )


def points_with(department, found) -> dict[int, list[str]]:
    """The agenda points each meeting invited the department to, by meeting id."""
    points: dict[int, list[str]] = {}
    for meeting_id, title in AgendaItem.objects.filter(meeting__in=found, department=department).values_list(
        "meeting_id", "title"
    ).order_by("position", "pk"):
        points.setdefault(meeting_id, []).append(title)
    return points

"""The body's terms and the people who sit on it: saving them within the rules, and the share of NGO members.

A term's members are counted on one day (people join and leave during a term), and at least the share the
body's resolution sets must represent organisations (docs/law.md#art-41f-composition). A composition below
that share is shown to the staff as a warning, not refused: the members are appointed elsewhere and the
site records what was decided.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.accounts.models import User
from partnerstwo.team.models import Body, Membership, Term

# An account that gets a seat becomes a Team member's account; staff accounts keep their role (an official
# representing the mayor still works as an official).
ROLES_THAT_BECOME_TEAM_MEMBERS = (User.Role.RESIDENT, User.Role.REPRESENTATIVE)
# The accounts whose current secretary's seat lets them run the body (an official keeps their role on a seat).
SECRETARY_ROLES = (User.Role.TEAM_MEMBER, User.Role.OFFICIAL)


def day_text(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def current_term(body: Body, day: dt.date | None = None) -> Term | None:
    return body.terms.on(day or timezone.localdate()).first()


def next_term_number(body: Body) -> int:
    return (body.terms.aggregate(last=Max("number"))["last"] or 0) + 1


def default_term_end(body: Body, starts_on: dt.date) -> dt.date:
    """The last day of a term of the body's length starting on `starts_on`."""
    try:
        end = starts_on.replace(year=starts_on.year + body.term_years)
    except ValueError:  # 29 February
        end = starts_on.replace(year=starts_on.year + body.term_years, day=28)
    return end - dt.timedelta(days=1)


def check_term(term: Term) -> None:
    """Terms of one body follow each other: two terms may not share a day."""
    term.full_clean()
    overlapping = (
        Term.objects.filter(body=term.body_id, starts_on__lte=term.ends_on, ends_on__gte=term.starts_on)
        .exclude(pk=term.pk).order_by("starts_on").first()
    )
    if overlapping:
        message = _("Ta kadencja nakłada się na kadencję %(number)s (%(start)s – %(end)s).") % {
            "number": overlapping.number, "start": day_text(overlapping.starts_on),
            "end": day_text(overlapping.ends_on),
        }
        raise ValidationError({"starts_on": message})
    if term.pk:
        outside = term.memberships.exclude(joined_on__gte=term.starts_on, joined_on__lte=term.ends_on)
        if outside.exists():
            raise ValidationError({"starts_on": _(
                "Niektórzy członkowie weszli do składu poza nowymi datami kadencji; popraw najpierw ich daty."
            )})


@transaction.atomic
def save_term(*, term: Term) -> Term:
    check_term(term)
    term.save()
    return term


def _with_records(seats):
    """Seats someone's attendance or vote was recorded for: the body's public history rests on them."""
    return seats.filter(Q(attendance__isnull=False) | Q(position_votes__isnull=False)).distinct()


@transaction.atomic
def delete_term(*, term: Term) -> None:
    """Takes away a term entered by mistake, with its seats. A term whose members' attendance or votes were
    recorded is the body's history, which stays public (docs/law.md#art-41e-41g-body-rules): it can only be
    corrected, not deleted."""
    if _with_records(term.memberships.all()).exists():
        raise ValidationError(_(
            "Tej kadencji nie można usunąć: zapisano już obecność lub głosy jej członków, a historia kadencji "
            "pozostaje jawna. Popraw jej daty lub skład."
        ))
    term.delete()


@transaction.atomic
def delete_membership(*, membership: Membership) -> None:
    """Takes away a seat entered by mistake; the holder loses the members' rights at once (they follow the seats,
    User.is_team_member). A seat with recorded attendance or votes ends instead, on the day its holder left."""
    if _with_records(Membership.objects.filter(pk=membership.pk)).exists():
        raise ValidationError(_(
            "Tego członka nie można usunąć: zapisano już jego obecność lub głosy. Wpisz datę, w której "
            "opuścił skład."
        ))
    membership.delete()


def account_for(email: str) -> User:
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise ValidationError({"account_email": _(
            "Nie ma konta z tym adresem. Osoba może założyć konto sama; wtedy dopisz jej adres tutaj."
        )})
    return user


def check_membership(membership: Membership) -> None:
    """The seat within its term, its dates in order, the organisation named for an NGO representative."""
    membership.full_clean(exclude=["user"])
    term = membership.term
    if not term.includes(membership.joined_on):
        message = _("Dzień wejścia do składu musi przypadać w kadencji (%(start)s – %(end)s).")
        dates = {"start": day_text(term.starts_on), "end": day_text(term.ends_on)}
        raise ValidationError({"joined_on": message % dates})
    if membership.left_on and membership.left_on > term.ends_on:
        message = _("Członkostwo kończy się najpóźniej z końcem kadencji (%(end)s).")
        raise ValidationError({"left_on": message % {"end": day_text(term.ends_on)}})
    if membership.user_id and (
        Membership.objects.filter(term=term, user=membership.user_id).exclude(pk=membership.pk).exists()
    ):
        raise ValidationError({"account_email": _("To konto ma już miejsce w tej kadencji.")})


@transaction.atomic
def save_membership(*, membership: Membership, account_email: str = "") -> Membership:
    """Saves the seat, linked to the account with `account_email` (none when blank). The account becomes a
    Team member's account; its rights still follow the seat's dates (User.is_team_member)."""
    membership.user = account_for(account_email) if account_email.strip() else None
    check_membership(membership)
    membership.save()
    user = membership.user
    if user is not None and user.role in ROLES_THAT_BECOME_TEAM_MEMBERS:
        user.role = User.Role.TEAM_MEMBER
        user.save(update_fields=["role"])
    return membership


def can_manage(user) -> bool:
    """Who runs the body's terms, members and meetings: administrators, and whoever holds the secretary's seat
    today, a Team member or a city official (the secretary is often the official who serves the body). Asked on
    every panel page for its menu: accounts of other roles cost no query."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_administrator:
        return True
    return user.role in SECRETARY_ROLES and (
        Membership.objects.current().filter(user=user, role=Membership.Role.SECRETARY).exists()
    )


@dataclass(frozen=True)
class Composition:
    """Who sat on the body on one day, by whom they represent."""

    day: dt.date
    members: int
    organizations: int
    mayor: int
    council: int
    minimum_percent: int

    @property
    def organizations_percent(self) -> int:
        return round(100 * self.organizations / self.members) if self.members else 0

    @property
    def meets_rule(self) -> bool:
        """At least the body's share of NGO members (art. 41f: at least half); compared without rounding."""
        return self.members > 0 and 100 * self.organizations >= self.minimum_percent * self.members


def composition_day(term: Term, day: dt.date | None = None) -> dt.date:
    """Today for the current term; the last day of a past term and the first of a future one."""
    day = day or timezone.localdate()
    return min(max(day, term.starts_on), term.ends_on)


def composition(term: Term, day: dt.date | None = None) -> Composition:
    day = composition_day(term, day)
    represented = list(term.memberships.on(day).values_list("represents", flat=True))
    return Composition(
        day=day,
        members=len(represented),
        organizations=represented.count(Membership.Represents.ORGANIZATION),
        mayor=represented.count(Membership.Represents.MAYOR),
        council=represented.count(Membership.Represents.COUNCIL),
        minimum_percent=term.body.ngo_share_percent,
    )


def composition_warning(found: Composition) -> str | None:
    """What the staff are told when the composition falls short of the body's rule."""
    if found.members == 0:
        return _("W dniu %(day)s kadencja nie ma żadnego członka.") % {"day": day_text(found.day)}
    if found.meets_rule:
        return None
    return _(
        "W dniu %(day)s przedstawiciele organizacji to %(ngo)s z %(members)s członków (%(percent)s%%), "
        "a regulamin wymaga co najmniej %(minimum)s%% (art. 41f ustawy: co najmniej połowa)."
    ) % {
        "day": day_text(found.day), "ngo": found.organizations, "members": found.members,
        "percent": found.organizations_percent, "minimum": found.minimum_percent,
    }

"""Who runs a group's meetings, and who is invited to them.

A sector group or working team meets with the body's meeting model (Meeting.group). Its meetings are run
(planned, agenda, invitations, attendance, minutes) by the body's staff (terms.can_manage: administrators and
the secretary of today) and by the group's coordinators: a person member with the coordinator's role linked
to their account, or an approved representative of an organisation that coordinates the group. Nobody else:
officials run the city's side, not the NGOs' groups, unless the staff name them coordinators.

Invited are the group's members: each person with an address (their own or their account's) and the approved
representatives of each member organisation (at their account's address), plus the meeting's guests.

The body's rules (quorum, votes, the approval of the minutes at the next meeting: docs/law.md#art-41e-41g-body-rules)
bind the body, not its groups, which decide nothing for the body: a group's meeting has no quorum and records
no votes, and its minutes are published by whoever runs its meetings once the group agreed them.
"""

from django.db.models import Q

from partnerstwo.accounts.models import User
from partnerstwo.organizations.models import Organization, Representation
from partnerstwo.team.body import terms
from partnerstwo.team.models import Group, GroupMember


def _coordinating(user):
    """The group memberships that make this account a coordinator."""
    represented = Representation.objects.filter(user=user, status=Representation.Status.APPROVED)
    return GroupMember.objects.filter(role=GroupMember.Role.COORDINATOR).filter(
        Q(user=user, organization__isnull=True) | Q(organization__in=represented.values("organization"))
    )


def coordinated_by(user):
    """The groups this person coordinates."""
    if not user.is_authenticated or not user.is_active:
        return Group.objects.none()
    return Group.objects.filter(pk__in=_coordinating(user).values("group"))


def can_run_group(user, group: Group) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return terms.can_manage(user) or _coordinating(user).filter(group=group).exists()


def can_run(user, meeting) -> bool:
    """The body's meetings are the staff's; a group's meetings also its coordinators'."""
    if meeting.group_id:
        return can_run_group(user, meeting.group)
    return terms.can_manage(user)


def runs_meetings(user) -> bool:
    """May open some meeting's staff pages (each page then asks can_run of its meeting)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return terms.can_manage(user) or _coordinating(user).exists()


def member_organizations(group: Group):
    return Organization.objects.filter(team_groups__group=group)


def invited_people(group: Group) -> list[tuple[str, str, str | None]]:
    """(e-mail, name, language) of each person invited to the group's meetings, each address once, in order
    of name: persons with an address, and the approved, active representatives of member organisations."""
    found, seen = [], set()

    def add(email, name, language):
        if email and email.lower() not in seen:
            seen.add(email.lower())
            found.append((email, name, language or None))

    for member in group.members.filter(organization__isnull=True).select_related("user").order_by("person_name"):
        add(member.invitation_email, member.person_name, member.user.preferred_language if member.user_id else None)
    representatives = User.objects.filter(
        is_active=True, representations__status=Representation.Status.APPROVED,
        representations__organization__in=member_organizations(group).values("pk"),
    ).distinct().order_by("email")
    for user in representatives:
        add(user.email, str(user), user.preferred_language)
    return found

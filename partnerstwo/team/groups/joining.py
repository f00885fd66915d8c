"""Sector groups and working teams: organisations join an open group through their representatives, and leave
it the same way; the body's staff set groups up and add organisations and people (city representatives, experts).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from partnerstwo.organizations.models import Organization
from partnerstwo.team.body import terms
from partnerstwo.team.models import Group, GroupMember


def joinable_by(user, group: Group):
    """The organisations this person represents that could join the group now."""
    if not group.is_open:
        return Organization.objects.none()
    return Organization.objects.represented_by(user).exclude(team_groups__group=group).order_by("name")


def leavable_by(user, group: Group):
    return group.members.filter(organization__in=Organization.objects.represented_by(user).values("pk"))


def join(*, group: Group, organization: Organization, user) -> GroupMember:
    if not joinable_by(user, group).filter(pk=organization.pk).exists():
        raise ValidationError(_("Tę organizację może dopisać do tej grupy tylko jej przedstawiciel, "
                                "i tylko do grupy otwartej."))
    try:
        with transaction.atomic():
            return GroupMember.objects.create(group=group, organization=organization, added_by=user)
    except IntegrityError as error:  # two clicks at once: the second finds the first
        raise ValidationError(_("Ta organizacja już należy do grupy.")) from error


def leave(*, group: Group, organization_id: int, user) -> None:
    found = leavable_by(user, group).filter(organization=organization_id)
    if not found.exists():
        raise ValidationError(_("Organizację z grupy wypisuje jej przedstawiciel."))
    found.delete()


def save_member(*, member: GroupMember, account_email: str = "") -> GroupMember:
    """Saves the member, a person linked to the account with `account_email` (none when blank): a coordinator
    with an account runs the group's meetings (coordination)."""
    if account_email.strip():
        if member.organization_id:
            raise ValidationError({"account_email": _(
                "Konto wskazuje się tylko dla osoby; organizację reprezentują jej przedstawiciele.")})
        member.user = terms.account_for(account_email)
    else:
        member.user = None
    member.full_clean(exclude=["added_by", "user"])
    member.save()
    return member

"""Who a survey is addressed to, and who may build and answer it.

The audience is organisations of the directory: all the published ones (not struck off the register), those of
one sphere of public tasks, or the member organisations of one sector group of the advisory body. Surveys are
built by the Centre (officials, administrators) and by the advisory body's members while they hold a seat
(User.is_team_member looks at the seat on every request: a former member loses access that day).
"""

from django.db.models import QuerySet

from partnerstwo.organizations.models import Organization, RegisterStatus

from .models import Survey


def can_build(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_official or user.is_administrator or user.is_team_member


def addressed_organizations(survey: Survey) -> QuerySet:
    organizations = Organization.objects.filter(is_published=True).exclude(register_status=RegisterStatus.REMOVED)
    if survey.audience == Survey.Audience.SPHERE:
        return organizations.filter(spheres=survey.sphere_id)
    if survey.audience == Survey.Audience.SECTOR_GROUP:
        return organizations.filter(team_groups__group=survey.team_group_id)
    return organizations


def answerable_for(user, survey: Survey) -> QuerySet:
    """The organisations of the survey's audience this person represents (approved representation)."""
    addressed = addressed_organizations(survey).values("pk")
    return Organization.objects.represented_by(user).filter(pk__in=addressed).order_by("name")

"""The advisory body's sector groups on an organisation's profile, for its representatives: each open group with
one button to join it or leave it.

The directory sits below the team and imports nothing of it; like the newsletter's consent question, this tag
library is the extension point its profile template loads (organizations/_profile_manage.html). The list of
open groups and the join/leave rules are the team's (groups.joining); the buttons post to the group's page
(team:group), which comes back to the profile.
"""

from django import template
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from partnerstwo.organizations.models import Organization
from partnerstwo.team.models import Group, GroupMember

register = template.Library()


@register.inclusion_tag("team/organization/_group_joining.html", takes_context=True)
def organization_group_joining(context, organization):
    request = context.get("request")
    user = getattr(request, "user", None)
    hidden = {"show": False}
    if user is None or not user.is_authenticated:
        return hidden
    if not Organization.objects.represented_by(user).filter(pk=organization.pk).exists():
        return hidden
    today = timezone.localdate()
    groups = (
        Group.objects.sector().filter(is_open=True).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .annotate(joined=Exists(GroupMember.objects.filter(group=OuterRef("pk"), organization=organization)))
        .order_by("name")
    )
    return {
        "show": True, "organization": organization, "groups": groups, "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }

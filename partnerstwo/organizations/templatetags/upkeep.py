"""Template tags for the partials the profile page includes (_profile_manage, _profile_reports)."""

from django import template

from partnerstwo.organizations import editing
from partnerstwo.organizations.models import Representation

register = template.Library()


@register.simple_tag(takes_context=True)
def organization_actions(context, organization) -> dict:
    """What the signed-in reader may do with this organisation: at most one query."""
    user = context.get("user") or getattr(context.get("request"), "user", None)
    actions = {"can_edit": False, "can_claim": False, "pending": False, "is_staff": False, "signed_in": False}
    if user is None or not user.is_authenticated:
        return actions
    actions["signed_in"] = True
    if editing.is_staff_editor(user):
        actions.update(can_edit=True, is_staff=True)
        return actions
    status = (
        Representation.objects.filter(user=user, organization=organization).values_list("status", flat=True).first()
    )
    actions["can_edit"] = status == Representation.Status.APPROVED
    actions["pending"] = status == Representation.Status.PENDING
    actions["can_claim"] = status in (None, Representation.Status.REJECTED) and organization.is_published
    return actions

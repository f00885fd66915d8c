from django import template

from partnerstwo.accounts import two_factor

register = template.Library()


@register.inclusion_tag("accounts/includes/two_factor_notice.html", takes_context=True)
def staff_two_factor_notice(context):
    """On the two-factor pages, for a staff member sent there by the panel: why, and the way back."""
    request = context.get("request")
    next_url = request.session.get(two_factor.SETUP_NEXT_SESSION_KEY) if request else None
    if not next_url or not two_factor.is_required_for(request.user):
        return {"show": False}
    return {"show": True, "next_url": next_url, "done": two_factor.is_set_up(request.user)}

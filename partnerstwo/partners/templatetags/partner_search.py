"""The home page's newest partner posts, shown without the home page's app importing this one."""

from django import template

from partnerstwo.partners.models import PartnerPost

register = template.Library()

HOME_COUNT = 3


@register.inclusion_tag("partners/_home_block.html")
def latest_partner_posts():
    posts = PartnerPost.objects.open().newest().only("title", "looking_for", "ends_on", "published_at")
    return {"posts": posts[:HOME_COUNT]}

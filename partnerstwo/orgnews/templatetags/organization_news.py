"""An organisation's published news on its profile, without the organisations app importing this one."""

from django import template

from partnerstwo.orgnews.models import Post

register = template.Library()

PROFILE_COUNT = 5


@register.inclusion_tag("orgnews/_organization_block.html")
def organization_news(organization):
    posts = Post.objects.published().filter(organization=organization).newest().only("title", "published_at")
    return {"posts": posts[:PROFILE_COUNT], "organization": organization}

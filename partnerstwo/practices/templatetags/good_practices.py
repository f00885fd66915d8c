"""Blocks other apps' pages show without importing this app: the home page's newest practices and an
organisation's practices on its profile (organizations sits below practices)."""

from django import template

from partnerstwo.practices.models import GoodPractice

register = template.Library()

HOME_COUNT = 3


@register.inclusion_tag("practices/_home_block.html")
def latest_practices():
    practices = GoodPractice.objects.published().newest().only("title", "slug", "summary", "kind", "published_at")
    return {"practices": practices[:HOME_COUNT]}


@register.inclusion_tag("practices/_organization_block.html")
def organization_practices(organization):
    practices = GoodPractice.objects.published().filter(organization=organization).newest()
    return {"practices": practices.only("title", "slug", "kind", "published_at"), "organization": organization}

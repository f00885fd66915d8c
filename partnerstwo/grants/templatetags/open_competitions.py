"""The home page's competitions open for offers: the pages app shows them without importing this app."""

from django import template

from partnerstwo.grants.competitions.models import Competition

register = template.Library()

HOME_COUNT = 5


@register.inclusion_tag("grants/_home_block.html")
def open_competitions():
    """Competitions calling for offers, the nearest deadline first; one query."""
    calling = Competition.objects.public().filter(
        status__in=[Competition.Status.ANNOUNCED, Competition.Status.ACCEPTING]
    ).only("title", "slug", "offer_deadline", "status").order_by("offer_deadline", "pk")
    return {"competitions": list(calling[:HOME_COUNT])}

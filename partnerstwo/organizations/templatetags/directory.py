from django import template

from partnerstwo.organizations import maps
from partnerstwo.organizations.public_data import sphere_name as localized_sphere_name

register = template.Library()


@register.filter
def sphere_name(sphere) -> str:
    """A sphere of public tasks in the reader's language."""
    return localized_sphere_name(sphere)


@register.inclusion_tag("organizations/_map_attrs.html")
def map_attrs():
    """The data attributes a map container needs (tiles, attribution, the city's centre)."""
    latitude, longitude = maps.city_centre()
    return {"tiles_url": maps.TILES_URL, "attribution": maps.TILES_ATTRIBUTION, "lat": latitude, "lng": longitude}

"""The home page's newsletter box: the pages app shows it without importing this app."""

from django import template

register = template.Library()


@register.inclusion_tag("newsletter/_home_block.html")
def newsletter_box():
    return {}

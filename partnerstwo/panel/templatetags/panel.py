from django import template

from partnerstwo.panel.sections import sections_for

register = template.Library()


@register.simple_tag(takes_context=True)
def panel_sections(context):
    """The sections the signed-in person may open: one list drives the dashboard and the menu."""
    return sections_for(context["request"].user)

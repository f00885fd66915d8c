from django import template
from django.urls import reverse, translate_url
from django.utils.html import format_html

from partnerstwo.lib.markdown import render_markdown

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_url(context, language_code: str) -> str:
    """The current page in another language (the slugs stay Polish, only the prefix changes)."""
    request = context["request"]
    return translate_url(request.get_full_path(), language_code)


@register.filter
def markdown(text: str):
    return render_markdown(text)


@register.filter
def startswith(value: str, prefix: str) -> bool:
    """For marking the current section in navigation: the path lies under the section's address."""
    return bool(prefix) and str(value).startswith(str(prefix))


@register.simple_tag(takes_context=True)
def nav_item(context, label: str, url_name: str, *args, section: bool = False) -> str:
    """A menu item, marked as the current page when the path is its address (or, for a section, lies under it).

    Reversed without `{% url ... as %}`, which swallows a missing route: a renamed one fails loudly here.
    """
    url = reverse(url_name, args=args)
    path = getattr(context.get("request"), "path", "")
    current = path.startswith(url) if section else path == url
    if current:
        return format_html('<li><a href="{}" aria-current="page">{}</a></li>', url, label)
    return format_html('<li><a href="{}">{}</a></li>', url, label)

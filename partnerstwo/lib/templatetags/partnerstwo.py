from django import template
from django.urls import translate_url

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

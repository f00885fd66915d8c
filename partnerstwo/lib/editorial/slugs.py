"""Addresses (slugs) of content pages and news items: Polish titles in, plain ASCII slugs out."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.text import fold


def polish_slugify(text: str, max_length: int = 100) -> str:
    """'Zażółć gęślą jaźń' -> 'zazolc-gesla-jazn', cut at a word boundary within max_length."""
    slug = slugify(fold(str(text)))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug.strip("-")


def _taken_outside_urlconf(slug: str) -> bool:
    """Static and media files are served before Django's URLs; /en/ is the English site's prefix."""
    prefixes = {settings.STATIC_URL, settings.MEDIA_URL}
    if any(prefix and prefix.strip("/").split("/")[0] == slug for prefix in prefixes):
        return True
    return slug in {code.lower() for code, _name in settings.LANGUAGES}


def route_is_free(view_name: str, slug: str) -> bool:
    """True when /<slug>/ really reaches view_name and is not taken by another part of the site.

    Content pages live at the root, so a page called "panel" or "konto" would be hidden behind
    those sections; asking the URL resolver keeps this right as new sections are added.
    """
    if _taken_outside_urlconf(slug):
        return False
    with translation.override(settings.LANGUAGE_CODE):
        try:
            path = reverse(view_name, kwargs={"slug": slug})
            match = resolve(path)
        except (NoReverseMatch, Resolver404):
            return False
    return match.view_name == view_name and match.kwargs.get("slug") == slug


class RouteValidator:
    """A model field validator: the slug must not shadow another address of the site."""

    def __init__(self, view_name: str):
        self.view_name = view_name

    def __call__(self, value):
        if value and not route_is_free(self.view_name, value):
            raise ValidationError(
                _("Adres „%(slug)s” jest zajęty przez inną część serwisu. Wybierz inny adres."),
                code="reserved",
                params={"slug": value},
            )

    def deconstruct(self):
        return ("partnerstwo.lib.editorial.slugs.RouteValidator", (self.view_name,), {})

    def __eq__(self, other):
        return isinstance(other, RouteValidator) and other.view_name == self.view_name

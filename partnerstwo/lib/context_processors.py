from django.conf import settings
from django.utils import translation

from partnerstwo.lib.display import display_preferences


def city_for_language(language: str) -> dict:
    """The city's configuration with its names in the given language.

    Polish sentences use the inflected forms (w Białymstoku); other languages take the plain
    name for every case and the translated names of the city's bodies from [translations.<lang>].
    """
    city = settings.CITY
    if language == settings.LANGUAGE_CODE:
        return city
    names = city.get("translations", {}).get(language, {})
    translated = {
        **city,
        "name_genitive": city["name"],
        "name_locative": city["name"],
        **{key: value for key, value in names.items() if key != "centre_name"},
    }
    if "centre_name" in names:
        translated["centre"] = {**city["centre"], "name": names["centre_name"]}
    return translated


def site(request):
    """The city's configuration and the reader's display preferences, for every template."""
    return {
        "city": city_for_language(translation.get_language() or settings.LANGUAGE_CODE),
        "display": display_preferences(request),
    }

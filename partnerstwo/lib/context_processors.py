from django.conf import settings

from partnerstwo.lib.display import display_preferences


def site(request):
    """The city's configuration and the reader's display preferences, for every template."""
    return {
        "city": settings.CITY,
        "display": display_preferences(request),
    }

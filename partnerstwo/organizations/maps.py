"""Map settings shared by the directory map and the pin picker of the edit form.

Tiles are a progressive enhancement: the pages work without them, and a city that runs its own
tile server (or has none) sets MAP_TILES_URL (an empty value shows markers on a blank map).
"""

from django.conf import settings

TILES_URL = getattr(settings, "MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
TILES_ATTRIBUTION = getattr(
    settings, "MAP_TILES_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)


def city_centre() -> tuple[float, float]:
    return float(settings.CITY.get("latitude", 52.2297)), float(settings.CITY.get("longitude", 21.0122))

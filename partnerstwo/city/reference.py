"""The city's reference rows that come from its configuration file (districts)."""

from django.conf import settings
from django.utils.text import slugify

from partnerstwo.city.models import District


def load_districts(names: list[str] | None = None) -> int:
    """Create the configured districts that are missing; existing rows (maybe edited) stay."""
    names = settings.CITY.get("districts", []) if names is None else names
    created = 0
    for name in names:
        slug = slugify(name.replace("ł", "l").replace("Ł", "L"))  # slugify drops ł instead of folding it
        _, was_created = District.objects.get_or_create(slug=slug, defaults={"name": name})
        created += was_created
    return created

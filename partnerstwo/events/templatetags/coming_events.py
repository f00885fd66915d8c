"""The home page's next events: the pages app shows them without importing this app."""

from django import template

from partnerstwo.events.models import EventStatus, Occurrence

register = template.Library()

HOME_COUNT = 5


@register.inclusion_tag("events/_home_block.html")
def coming_events():
    """The next dates of published events (a repeating event once per date), soonest first; one query."""
    occurrences = (
        Occurrence.objects.public().upcoming().filter(is_cancelled=False, event__status=EventStatus.PUBLISHED)
        .select_related("event").only("starts_at", "ends_at", "event__title", "event__slug", "event__all_day",
                                      "event__status")
        .order_by("starts_at", "pk")[:HOME_COUNT]
    )
    return {"occurrences": list(occurrences)}

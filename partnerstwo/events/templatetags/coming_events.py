"""The home page's next events: the pages app shows them without importing this app."""

import datetime as dt

from django import template
from django.utils import timezone

from partnerstwo.events.models import EventStatus, Occurrence

register = template.Library()

HOME_COUNT = 5
# The home page lists dates that have not ended and began at most this long ago. Without a lower bound on the start
# the database reads every past date to find the few still running (0.9 s at 200,000 events, bench/bench_events);
# an exhibition that began months ago and still runs is in the calendar, not among the next dates.
HOME_ONGOING_SINCE = dt.timedelta(days=31)


@register.inclusion_tag("events/_home_block.html")
def coming_events():
    """The next dates of published events (a repeating event once per date), soonest first; one query."""
    occurrences = (
        Occurrence.objects.public().upcoming()
        .filter(is_cancelled=False, event__status=EventStatus.PUBLISHED,
                starts_at__gte=timezone.now() - HOME_ONGOING_SINCE)
        .select_related("event").only("starts_at", "ends_at", "event__title", "event__slug", "event__all_day",
                                      "event__status")
        .order_by("starts_at", "pk")[:HOME_COUNT]
    )
    return {"occurrences": list(occurrences)}

"""The 1.5% campaign's block on the home page, in season only, without the home page's app importing this one.

Cheap whatever the size of the list: out of season one query (the Centre's seasons); in season two more (the ids
on the newest edition of the list, the edition found inside that query, and the organisations shown). The
organisations shown change daily, the same all day.
"""

import random

from django import template
from django.utils import timezone

from partnerstwo.campaigns import cards, season

register = template.Library()

HOME_COUNT = 3


@register.inclusion_tag("campaigns/_home_block.html")
def opp_campaign():
    today = timezone.localdate()
    current = season.current(today)
    if current is None:
        return {"season": None}
    listed = cards.organizations(cards.newest_edition_id())
    ids = sorted(listed.values_list("pk", flat=True))
    chosen = random.Random(today.toordinal()).sample(ids, min(HOME_COUNT, len(ids)))  # noqa: S311 - not security
    organizations = listed.filter(pk__in=chosen).only("name", "slug", "krs", "opp_purpose").order_by("name")
    return {"season": current, "organizations": organizations, "count": len(ids)}

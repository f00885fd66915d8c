"""The 1.5% campaign's block on the home page, in season only, without the home page's app importing this one.

Cheap whatever the size of the list: out of season one query (the Centre's seasons); in season two more (the
number on the newest edition of the list, found inside the query, and the few organisations shown). The
organisations shown are picked by the database in a shuffled order that changes daily and holds all day: no
row of the list travels to Python but those shown.
"""

from django import template
from django.db.models import F, Value
from django.utils import timezone

from partnerstwo.campaigns import cards, season

register = template.Library()

HOME_COUNT = 3
# A prime above any realistic number of organisations, and two multipliers: each day shifts every organisation's
# place by a large step, so the ones shown change from day to day.
SHUFFLE_MODULUS, SHUFFLE_STEP, DAY_STEP = 1_000_003, 7_919, 104_729


@register.inclusion_tag("campaigns/_home_block.html")
def opp_campaign():
    today = timezone.localdate()
    current = season.current(today)
    if current is None:
        return {"season": None}
    listed = cards.organizations(cards.newest_edition_id())
    shuffled = listed.annotate(
        place=(F("pk") * SHUFFLE_STEP + Value(today.toordinal() * DAY_STEP)) % SHUFFLE_MODULUS
    ).order_by("place", "pk").only("name", "slug", "krs")
    return {"season": current, "organizations": list(shuffled[:HOME_COUNT]), "count": listed.count()}

"""The 1.5% cards: who is on the campaign, whether a request counts as a person opening a card, and the count.

A view is counted as lib/ratelimit.py counts attempts: one INSERT … ON CONFLICT DO UPDATE on a row unique per
(organisation, day), so the database adds one per request however many arrive together
(docs/decisions/0008-atomic-rate-limit-counters.md). Nothing about the reader is stored or set: no address, no
cookie, only the day's number.
"""

import datetime
import re

from django.db import connection
from django.db.models import IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from partnerstwo.campaigns.models import CardView
from partnerstwo.organizations.models import OppListEdition, Organization

# Crawlers, link previews and monitoring: they open pages, but nobody reads the card.
ROBOT = re.compile(r"bot|crawl|spider|slurp|preview|facebookexternalhit|monitor|curl|wget|python-requests", re.I)


def current_edition() -> OppListEdition | None:
    return OppListEdition.objects.newest()


def newest_edition_id() -> Subquery:
    """The newest edition as a subquery (OppListEdition's ordering is newest first), for one query fewer."""
    return Subquery(OppListEdition.objects.values("pk")[:1])


def organizations(edition: OppListEdition | Subquery | None):
    """The city's organisations on the current official list: the campaign's, and the only ones with a card."""
    return Organization.objects.opp(edition)


def counts_as_reader(request) -> bool:
    """A person opening the card: not a robot, not the browser fetching it ahead in case it is opened."""
    agent = request.headers.get("User-Agent", "")
    if not agent or ROBOT.search(agent):
        return False
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    return "prefetch" not in purpose.lower() and "prerender" not in purpose.lower()


def _upsert_sql() -> str:
    quote = connection.ops.quote_name
    table = quote(CardView._meta.db_table)
    organization, day, views = (quote(name) for name in ("organization_id", "day", "views"))
    return (
        f"INSERT INTO {table} ({organization}, {day}, {views}) VALUES (%s, %s, 1) "  # noqa: S608 - names are ours, quoted
        f"ON CONFLICT ({organization}, {day}) DO UPDATE SET {views} = {table}.{views} + 1"
    )


def count_view(organization_id: int, day: datetime.date) -> None:
    """One more view of the organisation's card on `day`, added by the database in one statement."""
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(), [organization_id, day])


def with_views(queryset, starts_on: datetime.date, ends_on: datetime.date):
    """The organisations annotated with `card_views`, their card's views between the two days (both included)."""
    views = (
        CardView.objects.filter(organization=OuterRef("pk"), day__gte=starts_on, day__lte=ends_on)
        .order_by().values("organization").annotate(total=Sum("views")).values("total")
    )
    return queryset.annotate(card_views=Coalesce(Subquery(views, output_field=IntegerField()), Value(0)))


def views_total(starts_on: datetime.date, ends_on: datetime.date) -> int:
    return CardView.objects.filter(day__gte=starts_on, day__lte=ends_on).aggregate(total=Sum("views"))["total"] or 0


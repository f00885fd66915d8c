"""The published results of the competitions: the notice on a competition's page, the export rows and the yearly totals.

Only competitions whose results were published (status "results") are read here: nothing of a
competition still planned or being evaluated leaves through these functions. The points of an offer
are the committee's average — the average of the totals of the submitted cards of the voting members,
as in evaluation.ranking — stored with each offer when the results are published (store_points); only offers
that passed the formal assessment and have counted cards have them.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.committees import evaluation
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.organizations.public_data import sphere_name

Status = Competition.Status
CHUNK = 2000
CENT = Decimal("0.01")

HEADER = [
    _("rok"), _("konkurs"), _("wydział"), _("sfera zadań publicznych"), _("organizacja"), _("KRS"),
    _("tytuł zadania"), _("kwota wnioskowana (zł)"), _("kwota przyznana (zł)"), _("punkty"),
]


@dataclass
class NoticeRow:
    offer_id: int
    points: Decimal | None  # the committee's average; None when the offer was not scored
    granted: bool = False
    offer: Offer | None = None  # read for the rows shown (attach_offers)


def store_points(competition: Competition) -> None:
    """Stores each offer's points as the results publish them: the committee's averages, as in its ranking
    (one rule, Score.objects.counted); None for an offer without counted cards. Two queries, then one UPDATE
    per distinct average (a committee gives few distinct averages even to thousands of offers)."""
    averages = evaluation.averages(evaluation.passed_offers(competition))
    offers = Offer.objects.filter(competition=competition)
    by_points = defaultdict(list)
    for pk, average in ((pk, averages.get(pk, (None, 0))[0]) for pk in offers.values_list("pk", flat=True)):
        by_points[average].append(pk)
    for points, pks in by_points.items():
        for start in range(0, len(pks), CHUNK):
            Offer.objects.filter(pk__in=pks[start:start + CHUNK]).update(points=points)


def notice_rows(competition: Competition) -> list[NoticeRow]:
    """Every offer of the results notice in its order: those granted a subsidy first, then the others, each by
    points then amount. Read light (each offer's points as published, amount and organisation name, one
    query), so that a page of a notice of thousands of offers reads only the offers it shows."""
    keyed = []
    offers = Offer.objects.filter(competition=competition).order_by()
    for pk, awarded, name, points in offers.values_list("pk", "awarded_amount", "organization__name", "points"):
        key = (not awarded, points is None, -(points or 0), -(awarded or 0), name, pk)
        keyed.append((key, NoticeRow(pk, points, bool(awarded))))
    keyed.sort(key=lambda pair: pair[0])
    return [row for _key, row in keyed]


def attach_offers(rows) -> None:
    """Reads the offers (with their organisations) of these notice rows in one query, each with its `points`."""
    rows = list(rows)
    offers = Offer.objects.select_related("organization").in_bulk([row.offer_id for row in rows])
    for row in rows:
        row.offer = offers[row.offer_id]
        row.offer.points = row.points


def notice(competition: Competition) -> tuple[list[Offer], list[Offer]]:
    """The whole results notice: the offers granted a subsidy and then the others, each with `points`
    (None when the offer was not scored), by points then amount."""
    rows = notice_rows(competition)
    attach_offers(rows)
    offers = [row.offer for row in rows]
    return [offer for offer in offers if offer.awarded_amount], [offer for offer in offers if not offer.awarded_amount]


def published_competitions():
    return Competition.objects.filter(status=Status.RESULTS)


def years_with_results() -> list[int]:
    return list(published_competitions().order_by("-year").values_list("year", flat=True).distinct())


def granted_offers(year: int | None = None):
    """The offers granted a subsidy in published results (of `year`, or of every year), with their points as
    published; one query, read in chunks."""
    offers = Offer.objects.filter(competition__status=Status.RESULTS, awarded_amount__gt=0)
    if year is not None:
        offers = offers.filter(competition__year=year)
    return (
        offers.select_related("organization", "competition__department", "competition__sphere")
        .only(
            "title", "requested_amount", "awarded_amount", "points", "organization__name", "organization__krs",
            "competition__year", "competition__title", "competition__department__name",
            "competition__sphere__name_pl", "competition__sphere__name_en", "competition__sphere__point_label",
        )
        .order_by("-competition__year", "competition__title", "competition_id", "-awarded_amount",
                  "organization__name", "pk")
    )


def rows(offers):
    """The export's rows, one per granted offer, in the order of HEADER."""
    for offer in offers.iterator(chunk_size=CHUNK):
        competition = offer.competition
        yield [
            competition.year, competition.title, competition.department.name, sphere_name(competition.sphere),
            offer.organization.name, offer.organization.krs, offer.title, offer.requested_amount,
            offer.awarded_amount, offer.points,
        ]


def filename(fmt: str, *, competition: Competition | None = None, year: int | None = None) -> str:
    if competition is not None:
        return f"wyniki-{competition.slug}.{fmt}"
    return f"wyniki-konkursow-{year}.{fmt}" if year else f"wyniki-konkursow.{fmt}"


# --- Yearly totals ------------------------------------------------------------------------------


@dataclass
class Total:
    label: str
    amount: Decimal
    grants: int
    width: str = "0"  # the bar's length in percent of the largest amount, with a dot for CSS


def _with_widths(totals: list[Total]) -> list[Total]:
    largest = max((total.amount for total in totals), default=0)
    for total in totals:
        share = total.amount * 100 / largest if largest else 0
        total.width = f"{share:.1f}"
    return totals


def _totals(year: int, group_by: list[str]):
    return (
        Offer.objects.filter(competition__status=Status.RESULTS, competition__year=year, awarded_amount__gt=0)
        .order_by()
        .values(*group_by)
        .annotate(amount=Sum("awarded_amount"), grants=Count("pk"))
    )


def totals_by_sphere(year: int) -> list[Total]:
    fields = ["competition__sphere__name_pl", "competition__sphere__name_en", "competition__sphere__point_label"]
    totals = []
    for row in _totals(year, ["competition__sphere_id", *fields]):
        sphere = _SphereNames(*(row[field] for field in fields))
        totals.append(Total(sphere_name(sphere), row["amount"], row["grants"]))
    totals.sort(key=lambda total: (-total.amount, total.label))
    return _with_widths(totals)


def totals_by_department(year: int) -> list[Total]:
    totals = [
        Total(row["competition__department__name"], row["amount"], row["grants"])
        for row in _totals(year, ["competition__department_id", "competition__department__name"])
    ]
    totals.sort(key=lambda total: (-total.amount, total.label))
    return _with_widths(totals)


@dataclass
class _SphereNames:
    """What sphere_name reads of a sphere, from the values of a grouped query."""

    name_pl: str
    name_en: str
    point_label: str

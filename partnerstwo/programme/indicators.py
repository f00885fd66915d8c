"""The measures an indicator of the programme can be computed with, each counted from the platform's own data.

A measure is a function of the years asked for (and optionally one sphere of art. 4), returning {year: number}:
one grouped query for all the years, whatever the number of rows, so that the dashboard's queries do not grow
with the data. Each measure uses the same rule as the public list it matches (`list_url`), and a test counts
that list and compares: e.g. the competitions are `Competition.objects.public()` of the year, as on /konkursy/.
"""

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Count, Min, Q, Sum
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.consultations.models import Comment, Consultation
from partnerstwo.events.models import EventKind, EventStatus, Occurrence, Registration
from partnerstwo.grants.competitions import results as published
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.organizations.models import AnnualReport, Organization
from partnerstwo.small_grants.models import SmallGrantOffer
from partnerstwo.team.meetings.models import Meeting
from partnerstwo.team.positions.models import Position

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    unit: str
    compute: Callable  # (years, *, programme, sphere) -> {year: number}
    by_sphere: bool = False
    list_name: str = ""  # the URL name of the public list the numbers come from
    list_query: Callable | None = None  # (year, sphere) -> the list's GET parameters
    decimal_places: int = 0

    def list_url(self, year: int, sphere=None) -> str:
        if not self.list_name:
            return ""
        url = reverse(self.list_name)
        query = self.list_query(year, sphere) if self.list_query else {}
        return f"{url}?{urlencode(query)}" if query else url


def _by_year(rows) -> dict[int, Decimal]:
    return {year: Decimal(value or 0) for year, value in rows}


def _sphere(queryset, sphere, field="sphere"):
    return queryset.filter(**{field: sphere}) if sphere is not None else queryset


# --- Commissioning of public tasks ------------------------------------------------------------------------


def competitions(years, *, programme=None, sphere=None):
    """Announced competitions of the year (as the list /konkursy/?rok= shows them, cancelled ones included)."""
    rows = _sphere(Competition.objects.public().filter(year__in=years), sphere)
    return _by_year(rows.values("year").annotate(n=Count("pk")).values_list("year", "n").order_by())


def offers(years, *, programme=None, sphere=None):
    """Offers received in the competitions of the year."""
    rows = _sphere(Offer.objects.filter(competition__in=Competition.objects.public(), competition__year__in=years),
                   sphere, "competition__sphere")
    return _by_year(rows.values("competition__year").annotate(n=Count("pk"))
                    .values_list("competition__year", "n").order_by())


def _granted(years, sphere):
    return _sphere(published.granted_offers().filter(competition__year__in=years), sphere, "competition__sphere")


def funds_awarded(years, *, programme=None, sphere=None):
    """Subsidies granted in the published results of the year's competitions (as the results page sums them)."""
    return _by_year(_granted(years, sphere).values("competition__year").annotate(n=Sum("awarded_amount"))
                    .values_list("competition__year", "n").order_by())


def funds_planned(years, *, programme=None, sphere=None):
    """The funds the programme plans for the year (PlannedFunds)."""
    if programme is None:
        return {}
    rows = _sphere(programme.planned_funds.filter(year__in=years), sphere)
    return _by_year(rows.values("year").annotate(n=Sum("amount")).values_list("year", "n").order_by())


def funds_awarded_share(years, *, programme=None, sphere=None):
    """Subsidies granted as a percentage of the funds planned."""
    planned = funds_planned(years, programme=programme, sphere=sphere)
    awarded = funds_awarded(years, programme=programme, sphere=sphere)
    return {year: (awarded.get(year, 0) * HUNDRED / planned[year]).quantize(CENT)
            for year in years if planned.get(year)}


def first_funded(years, *, programme=None, sphere=None):
    """Organisations granted a subsidy in a competition for the first time ever that year (one query: each
    organisation's first year of a grant, counted by year)."""
    rows = published.granted_offers().order_by()
    if sphere is not None:
        rows = rows.filter(competition__sphere=sphere)
    firsts = Counter(first for _org, first in rows.values("organization").annotate(first=Min("competition__year"))
                     .values_list("organization", "first"))
    return {year: Decimal(firsts[year]) for year in years if firsts[year]}


def small_grants(years, *, programme=None, sphere=None):
    """Offers of art. 19a accepted, by the year they came in."""
    rows = _sphere(SmallGrantOffer.objects.filter(status=SmallGrantOffer.Status.ACCEPTED,
                                                  received_on__year__in=years), sphere)
    return _by_year(rows.annotate(y=ExtractYear("received_on")).values("y").annotate(n=Count("pk"))
                    .values_list("y", "n").order_by())


def small_grants_amount(years, *, programme=None, sphere=None):
    rows = _sphere(SmallGrantOffer.objects.filter(status=SmallGrantOffer.Status.ACCEPTED,
                                                  received_on__year__in=years), sphere)
    return _by_year(rows.annotate(y=ExtractYear("received_on")).values("y").annotate(n=Sum("amount"))
                    .values_list("y", "n").order_by())


def rejected_formally_share(years, *, programme=None, sphere=None):
    """Offers rejected formally, in percent of the offers formally assessed, in the year's competitions."""
    rows = _sphere(Offer.objects.filter(competition__in=Competition.objects.public(), competition__year__in=years)
                   .exclude(formal_status=Offer.Formal.PENDING), sphere, "competition__sphere")
    counts = rows.values("competition__year").annotate(
        assessed=Count("pk"), rejected=Count("pk", filter=Q(formal_status=Offer.Formal.REJECTED)),
    ).values_list("competition__year", "assessed", "rejected").order_by()
    return {year: (Decimal(rejected) * HUNDRED / assessed).quantize(CENT) for year, assessed, rejected in counts
            if assessed}


# --- Consultations, the advisory body, trainings, the directory -------------------------------------------


def _consultations(years, sphere):
    rows = Consultation.objects.public().filter(starts_on__year__in=years)
    return rows.filter(spheres=sphere).distinct() if sphere is not None else rows


def consultations(years, *, programme=None, sphere=None):
    """Consultations announced that start in the year (as /konsultacje/?rok= lists them)."""
    rows = _consultations(years, sphere).annotate(y=ExtractYear("starts_on"))
    return _by_year(rows.values("y").annotate(n=Count("pk", distinct=True)).values_list("y", "n").order_by())


def _comments(years, sphere):
    return Comment.objects.counted().filter(consultation__in=_consultations(years, sphere).values("pk"))


def comments(years, *, programme=None, sphere=None):
    """Comments made in the year's consultations (neither withdrawn nor removed: what their reports list)."""
    return _by_year(_comments(years, sphere).values("consultation__starts_on__year").annotate(n=Count("pk"))
                    .values_list("consultation__starts_on__year", "n").order_by())


def comments_answered(years, *, programme=None, sphere=None):
    """Of those, the comments the department answered."""
    return _by_year(_comments(years, sphere).filter(answer__isnull=False).values("consultation__starts_on__year")
                    .annotate(n=Count("pk")).values_list("consultation__starts_on__year", "n").order_by())


def body_meetings(years, *, programme=None, sphere=None):
    """Meetings of the advisory body held (not its groups'; not cancelled; already over)."""
    rows = Meeting.objects.past().filter(group=None, starts_at__year__in=years).exclude(
        status=Meeting.Status.CANCELLED)
    return _by_year(rows.annotate(y=ExtractYear("starts_at")).values("y").annotate(n=Count("pk"))
                    .values_list("y", "n").order_by())


def body_positions(years, *, programme=None, sphere=None):
    """Positions and opinions the body adopted (the register /zespol/stanowiska/)."""
    rows = Position.objects.adopted().filter(decided_at__year__in=years)
    return _by_year(rows.annotate(y=ExtractYear("decided_at")).values("y").annotate(n=Count("pk"))
                    .values_list("y", "n").order_by())


def _between(years) -> tuple:
    """The first instant of the first year and of the year after the last, in the city's time: a range the
    index on a date-time column serves (`__year__in` makes the database compute the year of every row)."""
    zone = timezone.get_current_timezone()
    return (dt.datetime(min(years), 1, 1, tzinfo=zone), dt.datetime(max(years) + 1, 1, 1, tzinfo=zone))


def _trainings(years):
    start, end = _between(years)
    return Occurrence.objects.filter(event__kind=EventKind.TRAINING, event__status=EventStatus.PUBLISHED,
                                     is_cancelled=False, starts_at__gte=start,
                                     starts_at__lt=min(end, timezone.now()))


def trainings(years, *, programme=None, sphere=None):
    """Trainings held: each date of a published training that has passed (not cancelled)."""
    return _by_year(_trainings(years).annotate(y=ExtractYear("starts_at")).values("y").annotate(n=Count("pk"))
                    .values_list("y", "n").order_by())


def training_participants(years, *, programme=None, sphere=None):
    """Confirmed registrations for those trainings: one row per training date, added up by year here (half the
    time of grouping the registrations by the year of their date in SQLite, bench_programme)."""
    confirmed = Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED))
    totals = Counter()
    for starts, n in _trainings(years).annotate(n=confirmed).values_list("starts_at", "n").order_by():
        totals[timezone.localtime(starts).year] += n
    return {year: Decimal(n) for year, n in totals.items() if n}


def organizations(years, *, programme=None, sphere=None):
    """Organisations in the public directory by the end of the year (this year: today, as the directory shows)."""
    rows = _sphere(Organization.objects.public(), sphere, "spheres")
    per_year = dict(rows.annotate(y=ExtractYear("created_at")).values("y").annotate(n=Count("pk", distinct=True))
                    .values_list("y", "n").order_by())
    return {year: Decimal(sum(n for y, n in per_year.items() if y <= year)) for year in years}


def organizations_with_report(years, *, programme=None, sphere=None):
    """Organisations of the directory that published an annual report for the year (/organizacje/?raport=)."""
    listed = _sphere(Organization.objects.public(), sphere, "spheres")
    rows = AnnualReport.objects.filter(year__in=years, organization__in=listed.values("pk"))
    return _by_year(rows.values("year").annotate(n=Count("organization", distinct=True))
                    .values_list("year", "n").order_by())


def _year(year, sphere):
    query = {"rok": year}
    if sphere is not None:
        query["sfera"] = sphere.slug
    return query


def _results_year(year, sphere):
    return {"rok": year}


MEASURES = {measure.key: measure for measure in [
    Measure("competitions", _("Otwarte konkursy ofert"), _("konkursów"), competitions, by_sphere=True,
            list_name="grants:list", list_query=_year),
    Measure("offers", _("Oferty złożone w konkursach"), _("ofert"), offers, by_sphere=True,
            list_name="grants:list", list_query=_year),
    Measure("funds_awarded", _("Dotacje przyznane w konkursach"), _("zł"), funds_awarded, by_sphere=True,
            list_name="grants:results", list_query=_results_year, decimal_places=2),
    Measure("funds_planned", _("Środki zaplanowane w programie"), _("zł"), funds_planned, by_sphere=True,
            decimal_places=2),
    Measure("funds_awarded_share", _("Dotacje przyznane wobec zaplanowanych"), "%", funds_awarded_share,
            by_sphere=True, list_name="grants:results", list_query=_results_year, decimal_places=2),
    Measure("first_funded", _("Organizacje z dotacją po raz pierwszy"), _("organizacji"), first_funded,
            by_sphere=True, list_name="grants:results", list_query=_results_year),
    Measure("small_grants", _("Małe granty (art. 19a) przyjęte"), _("ofert"), small_grants, by_sphere=True,
            list_name="small_grants:index"),
    Measure("small_grants_amount", _("Kwota małych grantów"), _("zł"), small_grants_amount, by_sphere=True,
            list_name="small_grants:index", decimal_places=2),
    Measure("rejected_formally_share", _("Oferty odrzucone formalnie"), "%", rejected_formally_share,
            by_sphere=True, list_name="grants:list", list_query=_year, decimal_places=2),
    Measure("consultations", _("Konsultacje przeprowadzone"), _("konsultacji"), consultations, by_sphere=True,
            list_name="consultations:index", list_query=_year),
    Measure("comments", _("Uwagi zgłoszone w konsultacjach"), _("uwag"), comments, by_sphere=True,
            list_name="consultations:index", list_query=_year),
    Measure("comments_answered", _("Uwagi, na które odpowiedziano"), _("uwag"), comments_answered,
            by_sphere=True, list_name="consultations:index", list_query=_year),
    Measure("body_meetings", _("Posiedzenia Zespołu Konsultacyjnego"), _("posiedzeń"), body_meetings,
            list_name="team:meetings"),
    Measure("body_positions", _("Stanowiska i opinie Zespołu przyjęte"), _("stanowisk"), body_positions,
            list_name="team:positions"),
    Measure("trainings", _("Szkolenia przeprowadzone"), _("szkoleń"), trainings, list_name="trainings:calendar"),
    Measure("training_participants", _("Uczestnicy szkoleń"), _("osób"), training_participants,
            list_name="trainings:calendar"),
    Measure("organizations", _("Organizacje w bazie"), _("organizacji"), organizations, by_sphere=True,
            list_name="organizations:list", list_query=lambda year, sphere: {"sfera": sphere.slug} if sphere else {}),
    Measure("organizations_with_report", _("Organizacje z opublikowanym sprawozdaniem za rok"), _("organizacji"),
            organizations_with_report, by_sphere=True, list_name="organizations:list",
            list_query=lambda year, sphere: {"raport": year, **({"sfera": sphere.slug} if sphere else {})}),
]}

MEASURE_CHOICES = [(key, measure.label) for key, measure in MEASURES.items()]


def compute(measure_key: str, years, *, programme=None, sphere=None) -> dict[int, Decimal]:
    measure = MEASURES[measure_key]
    return measure.compute(list(years), programme=programme, sphere=sphere if measure.by_sphere else None)

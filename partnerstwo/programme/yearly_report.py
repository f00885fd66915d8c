"""The yearly report on the programme (art. 5a ust. 3), generated for a year from the platform's data: each priority
task with the competitions in its sphere and their results, each form of cooperation with what was done, the
indicators against their targets, the funds planned against those awarded, contracted and settled, and the list of
competitions. The official's narrative of each part is in YearReport; its page, PDF and XLSX show the same tables.

Funds: planned from the programme (PlannedFunds); awarded from the published results of the year's competitions
(Offer.awarded_amount, as /konkursy/wyniki/ sums them); contracted from signed agreements (grants.agreements);
settled from the grant spent in accepted final reports (grants.reports); small grants from accepted offers of
art. 19a, by the year they came in.
"""

import hashlib
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.grants.agreements.models import Agreement
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.reports.models import Report
from partnerstwo.lib.pdf import tagged_pdf
from partnerstwo.lib.tabular.write import write_workbook
from partnerstwo.organizations.public_data import sphere_name
from partnerstwo.programme import indicators as measures
from partnerstwo.programme import monitoring
from partnerstwo.programme.models import Programme, YearReport
from partnerstwo.small_grants.models import SmallGrantOffer

ZERO = Decimal(0)

# The forms of cooperation of art. 5 ust. 2 that the platform keeps data of, with the measures that say what was
# done in each.
FORMS = [
    (gettext_lazy("Zlecanie realizacji zadań publicznych (otwarte konkursy ofert)"),
     ["competitions", "offers", "funds_awarded", "first_funded"]),
    (gettext_lazy("Zlecanie z pominięciem konkursu (art. 19a, małe granty)"), ["small_grants", "small_grants_amount"]),
    (gettext_lazy("Konsultowanie projektów aktów normatywnych"), ["consultations", "comments", "comments_answered"]),
    (gettext_lazy("Wspólny zespół o charakterze doradczym (Zespół Konsultacyjny)"),
     ["body_meetings", "body_positions"]),
    (gettext_lazy("Wzajemne informowanie i wsparcie organizacji (szkolenia, baza organizacji)"),
     ["trainings", "training_participants", "organizations", "organizations_with_report"]),
]


def report_published_on(programme: Programme, year: int) -> date | None:
    """The day the report for `year` was published (the duty of art. 5a ust. 3: by 31 May of the next year): the
    day in BIP the official recorded, else the day it was published here; None while it is not published. For
    the programme's calendar of duties (one query)."""
    row = (YearReport.objects.filter(programme=programme, year=year, published_at__isnull=False)
           .values_list("published_in_bip_on", "published_at").first())
    if row is None:
        return None
    in_bip, here = row
    return in_bip or timezone.localdate(here)


def reports_managed_by(user):
    return YearReport.objects.filter(programme__in=monitoring.programmes_managed_by(user).values("pk"))


def report_for(programme: Programme, year: int) -> YearReport:
    """The year's report, created empty the first time the official opens it."""
    report, _created = YearReport.objects.get_or_create(programme=programme, year=year)
    return report


def save(report: YearReport, *, data: dict, publish: bool, by) -> YearReport:
    with transaction.atomic():
        for name, value in data.items():
            setattr(report, name, value)
        if publish and report.published_at is None:
            report.published_at = timezone.now()
        if not publish:
            report.published_at = None
        report.updated_by = by
        report.full_clean()
        report.save()
    return report


@dataclass
class FundsRow:
    label: str
    planned: Decimal = ZERO
    awarded: Decimal = ZERO
    small_grants: Decimal = ZERO
    contracted: Decimal = ZERO
    settled: Decimal = ZERO

    @property
    def awarded_share(self) -> Decimal | None:
        total = self.awarded + self.small_grants
        return (total * 100 / self.planned).quantize(Decimal("0.1")) if self.planned else None

    def cells(self) -> list:
        return [self.label, self.planned, self.awarded, self.small_grants, self.contracted, self.settled,
                self.awarded_share]


@dataclass
class PriorityRow:
    priority: object
    planned: Decimal
    competitions: list = field(default_factory=list)
    small_grants: int = 0
    small_grants_amount: Decimal = ZERO

    @property
    def awarded(self) -> Decimal:
        return sum((c.granted_sum or ZERO for c in self.competitions), ZERO)


def _competitions(year: int) -> list[Competition]:
    """The year's announced competitions with their offers counted and granted sums (one query)."""
    granted = Q(offers__awarded_amount__gt=0, status=Competition.Status.RESULTS)
    return list(
        Competition.objects.public().filter(year=year).select_related("sphere", "department")
        .annotate(offer_count=Count("offers"), granted_count=Count("offers", filter=granted),
                  granted_sum=Sum("offers__awarded_amount", filter=granted))
        .order_by("sphere__point_label", "title", "pk")
    )


def _sum_by_sphere(queryset, sphere_field: str, amount_field: str) -> dict[int, Decimal]:
    return {sphere: total or ZERO for sphere, total in queryset.values(sphere_field).annotate(
        total=Sum(amount_field)).values_list(sphere_field, "total").order_by()}


def build(programme: Programme, year: int) -> dict:
    """Every table of the report for the year."""
    competitions = _competitions(year)
    by_sphere = defaultdict(list)
    for competition in competitions:
        by_sphere[competition.sphere_id].append(competition)
    small = SmallGrantOffer.objects.filter(status=SmallGrantOffer.Status.ACCEPTED, received_on__year=year)
    small_counts = {sphere: (n, amount) for sphere, n, amount in small.values("sphere").annotate(
        n=Count("pk"), amount=Sum("amount")).values_list("sphere", "n", "amount").order_by()}
    planned = list(programme.planned_funds.filter(year=year).select_related("sphere"))
    planned_by_priority = defaultdict(Decimal)
    planned_by_sphere = defaultdict(Decimal)
    for row in planned:
        planned_by_sphere[row.sphere_id] += row.amount
        if row.priority_id:
            planned_by_priority[row.priority_id] += row.amount
    priorities = []
    for priority in programme.priorities.select_related("sphere"):
        n, amount = small_counts.get(priority.sphere_id, (0, ZERO))
        priorities.append(PriorityRow(priority=priority, planned=planned_by_priority.get(priority.pk, ZERO),
                                      competitions=by_sphere.get(priority.sphere_id, []), small_grants=n,
                                      small_grants_amount=amount or ZERO))

    awarded = defaultdict(Decimal)
    for competition in competitions:
        awarded[competition.sphere_id] += competition.granted_sum or ZERO
    contracted = _sum_by_sphere(
        Agreement.objects.filter(status=Agreement.Status.SIGNED, offer__competition__year=year),
        "offer__competition__sphere", "amount")
    settled = _sum_by_sphere(
        Report.objects.filter(kind=Report.Kind.FINAL, status=Report.Status.ACCEPTED,
                              agreement__offer__competition__year=year),
        "agreement__offer__competition__sphere", "grant_spent")
    spheres = {c.sphere_id: c.sphere for c in competitions}
    spheres.update({row.sphere_id: row.sphere for row in planned})
    spheres.update({p.priority.sphere_id: p.priority.sphere for p in priorities})
    missing = (set(small_counts) | set(contracted) | set(settled)) - set(spheres)
    if missing:
        spheres.update(PublicTaskSphere.objects.in_bulk(missing))
    funds = []
    for sphere_id, sphere in sorted(spheres.items(), key=lambda pair: (pair[1].point_label, pair[0])):
        label = f"{sphere.point_label}. {sphere_name(sphere)}" if sphere.point_label else sphere_name(sphere)
        funds.append(FundsRow(
            label=label, planned=planned_by_sphere.get(sphere_id, ZERO), awarded=awarded.get(sphere_id, ZERO),
            small_grants=small_counts.get(sphere_id, (0, ZERO))[1] or ZERO,
            contracted=contracted.get(sphere_id, ZERO), settled=settled.get(sphere_id, ZERO),
        ))
    total = FundsRow(label=_("Razem"))
    for row in funds:
        for name in ("planned", "awarded", "small_grants", "contracted", "settled"):
            setattr(total, name, getattr(total, name) + getattr(row, name))

    keys = {key for _label, keys in FORMS for key in keys}
    numbers = {key: measures.compute(key, [year], programme=programme).get(year, ZERO) for key in sorted(keys)}
    forms = [(label, [(measures.MEASURES[key], numbers[key]) for key in keys]) for label, keys in FORMS]
    return {
        "year": year,
        "priorities": priorities,
        "forms": forms,
        "indicators": monitoring.series(programme, year, years=[year]),
        "funds": funds,
        "funds_total": total,
        "competitions": competitions,
    }


# --- The tables as rows (the XLSX) ------------------------------------------------------------------------


def _sheets(programme: Programme, tables: dict) -> list[tuple[str, list, list]]:
    year = tables["year"]
    priorities = [
        [row.priority.title, sphere_name(row.priority.sphere), row.planned, len(row.competitions), row.awarded,
         row.small_grants, row.small_grants_amount]
        for row in tables["priorities"]
    ]
    forms = [[str(label), str(measure.label), number, str(measure.unit)]
             for label, items in tables["forms"] for measure, number in items]
    indicators = [
        [item.indicator.name, item.indicator.unit, item.indicator.get_source_display(), item.indicator.baseline,
         item.indicator.target, item.value]
        for item in tables["indicators"]
    ]
    funds = [row.cells() for row in [*tables["funds"], tables["funds_total"]]]
    competitions = [
        [c.title, sphere_name(c.sphere), c.department.name, c.get_status_display(), c.public_funds, c.offer_count,
         c.granted_count, c.granted_sum or ZERO]
        for c in tables["competitions"]
    ]
    return [
        (_("Zadania priorytetowe"), [_("zadanie priorytetowe"), _("sfera"), _("środki planowane (zł)"),
                                     _("konkursy"), _("dotacje przyznane (zł)"), _("małe granty"),
                                     _("kwota małych grantów (zł)")], priorities),
        (_("Formy współpracy"), [_("forma współpracy"), _("miara"), str(year), _("jednostka")], forms),
        (_("Wskaźniki"), [_("wskaźnik"), _("jednostka"), _("źródło"), _("wartość bazowa"), _("wartość docelowa"),
                          str(year)], indicators),
        (_("Środki"), funds_header(), funds),
        (_("Konkursy"), [_("konkurs"), _("sfera"), _("wydział"), _("stan"), _("środki w ogłoszeniu (zł)"),
                         _("oferty"), _("dotacje"), _("kwota dotacji (zł)")], competitions),
    ]


def funds_header() -> list[str]:
    return [_("sfera"), _("zaplanowane (zł)"), _("przyznane w konkursach (zł)"), _("małe granty (zł)"),
            _("w umowach podpisanych (zł)"), _("rozliczone (zł)"), _("przyznane wobec zaplanowanych (%)")]


def xlsx(programme: Programme, tables: dict) -> bytes:
    output = io.BytesIO()
    write_workbook(output, _sheets(programme, tables))
    return output.getvalue()


def pdf_html(report: YearReport, tables: dict) -> str:
    return render_to_string("programme/report/report_pdf.html", {
        "report": report, "programme": report.programme, **tables, "funds_header": funds_header(),
    })


def pdf(report: YearReport, tables: dict) -> bytes:
    return tagged_pdf(pdf_html(report, tables))


def pdf_name(report: YearReport, html: str) -> str:
    """Where the report's PDF is kept, named after what it shows: any change of its data or text names a new one.
    A year's competitions make WeasyPrint take seconds, so the worker makes the file once (tasks.py)."""
    digest = hashlib.sha256(html.encode()).hexdigest()[:16]
    return f"programme/reports/sprawozdanie-{report.pk}-{digest}.pdf"


def ready_pdf(name: str) -> bytes | None:
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    return None


def store_pdf(report: YearReport) -> str:
    """Makes and keeps the report's PDF for its present state (the worker's task); returns its name."""
    html = pdf_html(report, build(report.programme, report.year))
    name = pdf_name(report, html)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(tagged_pdf(html)))
    return name

"""The officials' pages of reports, /panel/konkursy/sprawozdania/: the reports of a year by department (due,
late, accepted), one report with its decision (accept, or return with remarks) and its PDF as handed in, and a
partial report demanded on an agreement. Officials of the competition's department and administrators."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.city.models import Department
from partnerstwo.grants.agreements.models import Agreement
from partnerstwo.grants.competitions.panel_views import editor_required
from partnerstwo.grants.reports import reporting
from partnerstwo.grants.reports.forms import PartialReportForm, ReportDecisionForm, YearForm
from partnerstwo.grants.reports.manage_views import pdf_response, report_context
from partnerstwo.grants.reports.models import Report
from partnerstwo.lib.editorial.views import paginated
from partnerstwo.lib.forms import add_errors

REPORTS_PER_PAGE = 50

Status = Report.Status


@editor_required
def index(request):
    today = timezone.localdate()
    departments = Department.objects.order_by("name")
    if not request.user.is_administrator:
        departments = departments.filter(pk=request.user.department_id)
    form = YearForm(request.GET or None, departments=departments)
    year = today.year
    reports = Report.objects.managed_by(request.user)
    if form.is_valid():
        year = form.cleaned_data["rok"] or year
        if form.cleaned_data["wydzial"]:
            reports = reports.filter(agreement__offer__competition__department=form.cleaned_data["wydzial"])
    reports = reports.filter(agreement__offer__competition__year=year)
    late = Q(status=Status.DRAFT, due_on__lt=today)
    counts = reports.aggregate(
        due=Count("pk", filter=Q(status__in=[Status.DRAFT, Status.RETURNED]) & ~late),
        late=Count("pk", filter=late), submitted=Count("pk", filter=Q(status=Status.SUBMITTED)),
        accepted=Count("pk", filter=Q(status=Status.ACCEPTED)),
    )
    rows = reports.select_related(
        "agreement", "agreement__offer__organization", "agreement__offer__competition__department"
    ).order_by("due_on", "pk")
    # A page at a time: a large department has hundreds of reports a year (bench/bench_offers.py).
    return render(request, "grants/reports/panel/index.html", {
        **paginated(request, rows, REPORTS_PER_PAGE),
        "form": form, "year": year, "counts": counts, "today": today,
    })


def managed(request, pk) -> Report:
    reports = Report.objects.managed_by(request.user).select_related(
        "agreement", "agreement__offer", "agreement__offer__organization", "agreement__offer__competition")
    return get_object_or_404(reports, pk=pk)


@editor_required
@require_http_methods(["GET", "POST"])
def detail(request, pk):
    report = managed(request, pk)
    form = ReportDecisionForm(request.POST or None)
    if request.method == "POST" and report.status == Status.SUBMITTED and form.is_valid():
        decision = form.carry_out(
            approve=lambda: reporting.accept(report, by=request.user),
            reject=lambda reason: reporting.return_for_correction(report, by=request.user, reason=reason),
        )
        if decision == form.APPROVE:
            messages.success(request, _("Sprawozdanie przyjęte."))
        elif decision == form.REJECT:
            messages.success(request, _("Sprawozdanie zwrócone organizacji do poprawy."))
        if decision:
            return redirect("panel:grants_panel:report", pk=report.pk)
    return render(request, "grants/reports/panel/detail.html", {**report_context(report), "form": form,
                                                                 "today": timezone.localdate()})


@editor_required
@require_http_methods(["GET", "POST"])
def demand_partial(request, pk):
    agreement = get_object_or_404(Agreement.objects.managed_by(request.user).select_related("offer"), pk=pk)
    form = PartialReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = reporting.demand_partial(agreement, by=request.user, **form.cleaned_data)
        except reporting.ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Organizacja otrzyma wezwanie do złożenia sprawozdania częściowego."))
            return redirect("panel:grants_panel:report", pk=report.pk)
    return render(request, "grants/reports/panel/demand.html", {"agreement": agreement, "form": form})


@editor_required
def pdf(request, pk):
    return pdf_response(managed(request, pk))

"""The yearly report on the programme: its public page, PDF and XLSX once published, and the panel's page where
the official writes its narrative and records the dates."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from partnerstwo.lib.tabular.write import XLSX_TYPE
from partnerstwo.programme import monitoring, tasks, yearly_report
from partnerstwo.programme.models import YearReport
from partnerstwo.programme.monitoring_forms import YearReportForm
from partnerstwo.programme.monitoring_views import official_or_administrator_required


def _published(slug, year) -> YearReport:
    return get_object_or_404(YearReport.objects.select_related("programme__department"),
                             programme__slug=slug, year=year, published_at__isnull=False)


@require_safe
def report_page(request, slug, year):
    report = _published(slug, year)
    return render(request, "programme/report/page.html", {
        "report": report, "programme": report.programme, **yearly_report.build(report.programme, year),
        "funds_header": yearly_report.funds_header(),
    })


@require_safe
def report_pdf(request, slug, year):
    report = _published(slug, year)
    content = tasks.report_pdf_or_queue(report, yearly_report.build(report.programme, year))
    if content is None:  # being made by the worker: the reader is told so (202 Accepted), with the page to read
        response = render(request, "programme/report/pdf_pending.html", {
            "report": report, "programme": report.programme, "year": year}, status=202)
        response["Retry-After"] = "30"
        return response
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="sprawozdanie-{slug}-{year}.pdf"'
    return response


@require_safe
def report_xlsx(request, slug, year):
    report = _published(slug, year)
    content = yearly_report.xlsx(report.programme, yearly_report.build(report.programme, year))
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="sprawozdanie-{slug}-{year}.xlsx"'
    return response


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def report_edit(request, slug, year):
    programme = get_object_or_404(monitoring.programmes_managed_by(request.user), slug=slug)
    if year not in programme.years:
        raise Http404
    report = YearReport.objects.filter(programme=programme, year=year).first() or YearReport(
        programme=programme, year=year)
    form = YearReportForm(request.POST or None, instance=report)
    if form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name != "publish"}
        yearly_report.save(report, data=data, publish=form.cleaned_data["publish"], by=request.user)
        messages.success(request, _saved_message(report))
        return redirect("panel:programme_monitoring:report", slug=slug, year=year)
    return render(request, "programme/report/panel_edit.html", {
        "programme": programme, "report": report, "form": form, "year": year,
        **yearly_report.build(programme, year), "funds_header": yearly_report.funds_header(),
    })


def _saved_message(report) -> str:
    return _("Zapisano i opublikowano sprawozdanie.") if report.is_published else _("Zapisano sprawozdanie.")

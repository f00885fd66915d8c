"""The public monitoring dashboard of a programme, its CSV, and the panel's indicators and manual values.

Panel pages: officials of the programme's department and administrators (others 403; another department's
programme is a 404, monitoring.programmes_managed_by)."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from partnerstwo.lib.access import role_required
from partnerstwo.lib.tabular import write
from partnerstwo.lib.views import confirm_delete, submitted
from partnerstwo.programme import monitoring
from partnerstwo.programme.models import Indicator, Programme, YearReport
from partnerstwo.programme.monitoring_forms import IndicatorForm, IndicatorValueForm, YearForm

official_or_administrator_required = role_required(lambda user: user.is_official or user.is_administrator)


def _year(request, programme) -> tuple[int, YearForm]:
    form = YearForm(request.GET or None)
    year = monitoring.default_year(programme, timezone.localdate())
    if form.is_bound and form.is_valid() and form.cleaned_data["rok"]:
        year = form.cleaned_data["rok"]
    return year, form


@require_safe
def dashboard(request, slug):
    programme = get_object_or_404(Programme.objects.select_related("department"), slug=slug)
    year, form = _year(request, programme)
    return render(request, "programme/monitoring/dashboard.html", {
        "programme": programme, "year": year, "form": form, "series": monitoring.series(programme, year),
        "reports": YearReport.objects.filter(programme=programme, published_at__isnull=False).order_by("-year"),
        "is_current_year": year == timezone.localdate().year,
    })


@require_safe
def dashboard_csv(request, slug, pk=None):
    programme = get_object_or_404(Programme, slug=slug)
    year, _form = _year(request, programme)
    indicators = programme.indicators.all()
    if pk is not None:
        indicators = indicators.filter(pk=pk)
        get_object_or_404(indicators)
    rows = monitoring.csv_rows(monitoring.series(programme, year, indicators=indicators))
    suffix = f"-{pk}" if pk else ""
    return write.csv_response(write.csv_lines(monitoring.CSV_HEADER, rows),
                              f"wskazniki-{programme.slug}{suffix}-{year}.csv")


# --- Panel -----------------------------------------------------------------------------------------------


def _programme(request, slug) -> Programme:
    return get_object_or_404(monitoring.programmes_managed_by(request.user), slug=slug)


def _indicator(request, slug, pk) -> Indicator:
    return get_object_or_404(Indicator.objects.managed_by(request.user).select_related("programme"),
                             programme__slug=slug, pk=pk)


def _to_list(programme):
    return redirect("panel:programme_monitoring:indicators", slug=programme.slug)


@official_or_administrator_required
def index(request):
    programmes = monitoring.programmes_managed_by(request.user).select_related("department")
    return render(request, "programme/monitoring/panel/index.html", {"programmes": programmes})


@official_or_administrator_required
def indicators(request, slug):
    programme = _programme(request, slug)
    year = monitoring.default_year(programme, timezone.localdate())
    return render(request, "programme/monitoring/panel/indicators.html", {
        "programme": programme, "year": year, "series": monitoring.series(programme, year),
        "report_years": list(programme.years),
    })


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def indicator_form(request, slug, pk=None):
    programme = _programme(request, slug)
    indicator = _indicator(request, slug, pk) if pk else Indicator(programme=programme)
    form = IndicatorForm(*submitted(request), instance=indicator)
    if form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Zapisano wskaźnik."))
        return _to_list(programme)
    return render(request, "programme/monitoring/panel/indicator_form.html", {
        "programme": programme, "form": form, "indicator": indicator if pk else None,
    })


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def indicator_delete(request, slug, pk):
    indicator = _indicator(request, slug, pk)
    back = reverse("panel:programme_monitoring:indicators", args=[slug])
    return confirm_delete(
        request, delete=indicator.delete, done_url=back, back_url=back,
        done_message=_("Usunięto wskaźnik."),
        context={"heading": _("Usunąć wskaźnik?"),
                 "question": _("Wskaźnik „%(name)s” zniknie z programu razem z wpisanymi wartościami.")
                 % {"name": indicator.name},
                 "button": _("Usuń wskaźnik")},
    )


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def indicator_values(request, slug, pk):
    indicator = _indicator(request, slug, pk)
    if indicator.is_computed:
        messages.info(request, _("Ten wskaźnik jest liczony z danych serwisu; nie wpisuje się jego wartości."))
        return _to_list(indicator.programme)
    form = IndicatorValueForm(*submitted(request), indicator=indicator,
                              initial={"year": monitoring.default_year(indicator.programme, timezone.localdate())})
    if form.is_valid():
        data = form.cleaned_data
        monitoring.save_value(indicator, year=data["year"], value=data["value"], note=data["note"], by=request.user)
        messages.success(request, _("Zapisano wartość za rok %(year)s.") % {"year": data["year"]})
        return redirect("panel:programme_monitoring:values", slug=slug, pk=indicator.pk)
    return render(request, "programme/monitoring/panel/values.html", {
        "programme": indicator.programme, "indicator": indicator, "form": form,
        "values": indicator.values.select_related("entered_by"),
    })

"""The programme's monitoring: each indicator's values over the years (computed from the platform's data or entered
by hand), as charts with their tables and as CSV rows. A constant number of queries: one for the indicators, one
for their manual values, and one or two per distinct measure (indicators.py), whatever the amount of data."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.charts import BarChart, bar_chart
from partnerstwo.programme import indicators as measures
from partnerstwo.programme.models import Indicator, IndicatorValue, Programme, managing_condition

YEARS_SHOWN = 5

CSV_HEADER = [_("wskaźnik"), _("jednostka"), _("źródło"), _("rok"), _("wartość"), _("wartość bazowa"),
              _("wartość docelowa")]


def programmes_managed_by(user):
    """Administrators manage every programme's indicators and reports, officials their department's."""
    condition = managing_condition(user)
    return Programme.objects.none() if condition is None else Programme.objects.filter(condition)


def default_year(programme: Programme, today) -> int:
    """The programme's year that is running now, or its last one when it is over, its first when not yet begun."""
    return max(programme.year_from, min(today.year, programme.year_to))


def years_up_to(year: int, span: int = YEARS_SHOWN) -> list[int]:
    return list(range(year - span + 1, year + 1))


@dataclass
class IndicatorSeries:
    indicator: Indicator
    years: list[int]
    values: dict[int, Decimal]
    year: int
    list_url: str = ""
    chart: BarChart | None = None
    decimal_places: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def chart_id(self) -> str:
        return f"indicator-{self.indicator.pk}"

    @property
    def value(self) -> Decimal | None:
        return self.values.get(self.year)

    @property
    def target_met(self) -> bool | None:
        target = self.indicator.target
        if target is None or self.value is None:
            return None
        return self.value >= target


def _places(indicator: Indicator) -> int:
    if indicator.is_computed:
        return measures.MEASURES[indicator.measure].decimal_places
    return 2


def series(programme: Programme, year: int, *, years: list[int] | None = None,
           indicators=None) -> list[IndicatorSeries]:
    """Every indicator of the programme (or those given) with its values for `years` (default: the five up to
    `year`); each computed measure is counted once for all the indicators that use it."""
    years = years or years_up_to(year)
    if indicators is None:
        indicators = programme.indicators.all()
    indicators = list(indicators.select_related("sphere").prefetch_related(
        Prefetch("values", queryset=IndicatorValue.objects.filter(year__in=years), to_attr="year_values"),
    ))
    computed = {}
    result = []
    for indicator in indicators:
        if indicator.is_computed:
            key = (indicator.measure, indicator.sphere_id)
            if key not in computed:
                computed[key] = measures.compute(indicator.measure, years, programme=programme,
                                                 sphere=indicator.sphere)
            values = computed[key]
            list_url = measures.MEASURES[indicator.measure].list_url(year, indicator.sphere)
        else:
            values = {entry.year: entry.value for entry in indicator.year_values}
            list_url = ""
        places = _places(indicator)
        item = IndicatorSeries(indicator=indicator, years=years, values=values, year=year, list_url=list_url,
                               decimal_places=places)
        item.chart = bar_chart(
            [(str(y), values.get(y, 0)) for y in years], title=indicator.name,
            columns=(str(_("rok")), indicator.unit or str(_("wartość"))), decimal_places=places,
            highlight=str(year), target=indicator.target,
        )
        result.append(item)
    return result


def csv_rows(all_series: list[IndicatorSeries]):
    for item in all_series:
        indicator = item.indicator
        for year in item.years:
            yield [indicator.name, indicator.unit, indicator.get_source_display(), year, item.values.get(year),
                   indicator.baseline, indicator.target]


# --- Changes by the officials -----------------------------------------------------------------------------


def save_value(indicator: Indicator, *, year: int, value: Decimal, note: str, by) -> IndicatorValue:
    """A manual indicator's value for the year: entered, or corrected (who and when are the last change's)."""
    if indicator.is_computed:
        raise ValueError("a computed indicator takes no values")
    with transaction.atomic():
        entry, _created = IndicatorValue.objects.update_or_create(
            indicator=indicator, year=year, defaults={"value": value, "note": note, "entered_by": by},
        )
    return entry

"""The public monitoring dashboard: each indicator for the year and the years before, as a chart with its table and
a CSV, in a number of queries that does not grow with the data."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnerstwo.programme import monitoring
from partnerstwo.programme.models import IndicatorValue
from partnerstwo.programme.tests import monitoring_factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(department_x, official_x):
    year = timezone.localdate().year
    item = f.programme(department_x, year=year)
    f.priority(item, planned="4000")
    f.indicator(item, "competitions", name="Liczba konkursów", unit="konkursów", baseline=Decimal(1),
                baseline_year=year - 1, target=Decimal(3))
    f.indicator(item, "funds_awarded_share", name="Dotacje wobec planu", unit="%", target=Decimal(90))
    f.indicator(item, "offers", name="Oferty w sferze", sphere=f.sphere())
    manual = f.indicator(item, name="Wolontariusze w zadaniach", unit="osób", target=Decimal(500))
    IndicatorValue.objects.create(indicator=manual, year=year, value=Decimal(420), entered_by=official_x)
    IndicatorValue.objects.create(indicator=manual, year=year - 1, value=Decimal(300), entered_by=official_x)
    return item


def test_it_shows_each_indicator_with_a_chart_its_table_and_the_list_it_comes_from(client, programme, department_x):
    year = programme.year_from
    f.year_of_grants(department_x, year, competitions=2)
    f.year_of_grants(department_x, year - 2, competitions=1)
    response = client.get(f"/program-wspolpracy/{programme.slug}/monitoring/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<svg class="chart-svg"') == 4 and page.count('class="chart-table"') == 4
    assert "Liczba konkursów" in page and "Wolontariusze w zadaniach" in page
    assert f"/konkursy/?rok={year}" in page
    rows = {item.indicator.name: item for item in response.context["series"]}
    assert rows["Liczba konkursów"].values == {year: 2, year - 2: 1}
    assert rows["Liczba konkursów"].target_met is False
    assert rows["Dotacje wobec planu"].value == Decimal("100.00")  # 4 × 1,000 zł of 4,000 planned
    assert rows["Wolontariusze w zadaniach"].values == {year: 420, year - 1: 300}
    assert [bar.label for bar in rows["Wolontariusze w zadaniach"].chart.bars] == [str(y) for y in range(year - 4,
                                                                                                        year + 1)]


def test_a_past_year_is_chosen_and_a_bad_year_is_reported_next_to_the_field(client, programme):
    year = programme.year_from
    response = client.get(f"/program-wspolpracy/{programme.slug}/monitoring/?rok={year - 1}")
    assert response.context["year"] == year - 1
    response = client.get(f"/program-wspolpracy/{programme.slug}/monitoring/?rok=dwa")
    assert response.status_code == 200 and response.context["year"] == year
    assert 'aria-invalid="true"' in response.content.decode()
    assert response.content.decode().count("<title>Błąd: ") == 1


def test_the_csv_has_every_indicator_year_by_year_and_one_indicators_alone(client, programme, department_x):
    year = programme.year_from
    f.year_of_grants(department_x, year, competitions=2)
    content = b"".join(client.get(f"/program-wspolpracy/{programme.slug}/monitoring/wskazniki.csv").streaming_content)
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("wskaźnik,jednostka,źródło,rok,wartość")
    assert len(lines) == 1 + 4 * monitoring.YEARS_SHOWN
    assert f"Liczba konkursów,konkursów,liczony z danych serwisu,{year},2," in content.decode("utf-8-sig")
    manual = programme.indicators.get(name="Wolontariusze w zadaniach")
    one = b"".join(client.get(
        f"/program-wspolpracy/{programme.slug}/monitoring/wskaznik-{manual.pk}.csv").streaming_content)
    assert len(one.decode("utf-8-sig").splitlines()) == 1 + monitoring.YEARS_SHOWN
    other = f.programme(programme.department, slug="inny")
    assert client.get(f"/program-wspolpracy/{other.slug}/monitoring/wskaznik-{manual.pk}.csv").status_code == 404


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_dashboard_takes_the_same_number_of_queries_for_little_data_as_for_much(client, programme, department_x,
                                                                                   official_x):
    from partnerstwo.consultations.tests import factories as consultations

    path = f"/program-wspolpracy/{programme.slug}/monitoring/"
    year = programme.year_from
    f.year_of_grants(department_x, year, competitions=1, offers=2)
    consultations.consultation(department_x, by=official_x, title="A")
    few = _queries(client, path)
    for back in range(4):
        f.year_of_grants(department_x, year - back, competitions=3, offers=4)
        consultations.consultation(department_x, by=official_x, title=f"B{back}", starts=-40 * (back + 1))
    f.annual_reports(year - 1, 5)
    assert _queries(client, path) == few


def test_the_programmes_page_links_its_dashboard_and_published_reports(client, department_x):
    from partnerstwo.programme.models import YearReport

    programme = f.programme(department_x, year=2025)
    page = client.get(programme.get_absolute_url()).content.decode()
    assert reverse("programme:monitoring", args=[programme.slug]) not in page
    f.indicator(programme, "competitions")
    YearReport.objects.create(programme=programme, year=2025)  # not published: not linked
    page = client.get(programme.get_absolute_url()).content.decode()
    assert reverse("programme:monitoring", args=[programme.slug]) in page
    assert reverse("programme:report", args=[programme.slug, 2025]) not in page
    YearReport.objects.filter(programme=programme).update(published_at=timezone.now())
    page = client.get(programme.get_absolute_url()).content.decode()
    assert reverse("programme:report", args=[programme.slug, 2025]) in page

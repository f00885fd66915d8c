"""The demo's indicators and last year's report: made for the programmes there are, nothing without them, and
nothing more on a second run."""

import io

import pytest
from django.utils import timezone

from partnerstwo.programme import monitoring_demo, yearly_report
from partnerstwo.programme.models import Indicator, IndicatorValue, YearReport
from partnerstwo.programme.tests import monitoring_factories as f

pytestmark = pytest.mark.django_db


def test_without_programmes_it_makes_nothing():
    monitoring_demo.load(io.StringIO())
    assert not Indicator.objects.exists() and not YearReport.objects.exists()


def test_it_gives_each_programme_indicators_and_last_years_a_published_report_once(client, department_x):
    today = timezone.localdate()
    last, current = (f.programme(department_x, year=year) for year in (today.year - 1, today.year))
    for _run in range(2):
        monitoring_demo.load(io.StringIO())
    assert Indicator.objects.filter(programme=last).count() == len(monitoring_demo.INDICATORS)
    assert Indicator.objects.filter(programme=current).count() == len(monitoring_demo.INDICATORS)
    assert IndicatorValue.objects.count() == 2
    report = YearReport.objects.get()
    assert report.programme == last and report.is_published
    published = yearly_report.report_published_on(last, today.year - 1)
    assert report.submitted_to_council_on <= published < today
    assert client.get(f"/program-wspolpracy/{last.slug}/sprawozdanie/{today.year - 1}/").status_code == 200
    assert client.get(f"/program-wspolpracy/{current.slug}/monitoring/").status_code == 200

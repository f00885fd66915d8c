"""Builders for the programme's monitoring and report tests: a programme, its indicators, and data of a year."""

import datetime as dt
import itertools
from decimal import Decimal

from django.utils import timezone

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.tests import factories as grants
from partnerstwo.organizations.models import AnnualReport
from partnerstwo.organizations.tests import factories as directory
from partnerstwo.programme.models import Indicator, PlannedFunds, Priority, Programme

_numbers = itertools.count(1)


def sphere(slug="ecology-animals"):
    return PublicTaskSphere.objects.get(slug=slug)


def programme(department, *, year=None, slug=None, **fields) -> Programme:
    year = year or timezone.localdate().year
    return Programme.objects.create(
        title=f"Program współpracy na rok {year}", slug=slug or f"program-{year}-{next(_numbers)}", year_from=year,
        year_to=year, department=department, status=Programme.Status.ADOPTED, **fields)


def priority(programme, *, sphere_slug="ecology-animals", planned="100000", year=None, title="Ochrona przyrody"):
    item = Priority.objects.create(programme=programme, sphere=sphere(sphere_slug), title=title)
    PlannedFunds.objects.create(programme=programme, year=year or programme.year_from, sphere=item.sphere,
                                priority=item, amount=Decimal(planned))
    return item


def indicator(programme, measure="", **fields) -> Indicator:
    values = {"name": f"Wskaźnik {measure or 'ręczny'}", "measure": measure,
              "source": Indicator.Source.COMPUTED if measure else Indicator.Source.MANUAL,
              "source_description": "" if measure else "sprawozdania wydziałów"}
    values.update(fields)
    return Indicator.objects.create(programme=programme, **values)


def year_of_grants(department, year: int, *, competitions: int = 2, offers: int = 3, sphere_slug="ecology-animals"):
    """`competitions` competitions of `year` with published results, each with `offers` offers: the first rejected
    formally, the others granted 1,000 zł each; plus one planned competition that no list shows."""
    made = []
    for _n in range(competitions):
        competition = grants.competition(department=department, status=Competition.Status.RESULTS, year=year,
                                         sphere=sphere(sphere_slug))
        for index in range(offers):
            rejected = index == 0
            grants.offer(competition, with_file=False,
                         formal=Offer.Formal.REJECTED if rejected else Offer.Formal.PASSED,
                         awarded_amount=None if rejected else Decimal("1000.00"))
        made.append(competition)
    grants.competition(department=department, status=Competition.Status.PLANNED, year=year)
    return made


def annual_reports(year: int, count: int):
    for _n in range(count):
        AnnualReport.objects.create(organization=directory.organization(), year=year,
                                    kind=AnnualReport.Kind.ANNUAL_REPORT, url="https://example.org/raport.pdf")


def days_ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)

"""The competitions' list and the yearly schedule are rendered once per content (lib/fragments.py, issue 18)
and never served stale: what an official changes shows on the very next request."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.cache import caches
from django.urls import reverse

from partnerstwo.city.models import Department
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.schedule import planning
from partnerstwo.grants.tests import factories
from partnerstwo.grants.tests.competition_factories import competition

pytestmark = pytest.mark.django_db
LIST = reverse("grants:list")
SCHEDULE = reverse("grants:schedule")


def _html(client, url, **query) -> str:
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def _entries(prefix) -> int:
    return len([key for key in caches["fragments"]._cache if f"fragment:grants/{prefix}" in key])


def test_the_list_shows_every_change_on_the_next_request(client, department_x):
    caches["fragments"].clear()
    shown = competition(department_x, status=Competition.Status.ACCEPTING, title="Kluby seniora 2027")
    assert "Kluby seniora 2027" in _html(client, LIST)
    assert _entries("competitions/") == 2
    _html(client, LIST)
    assert _entries("competitions/") == 2  # served from the cache

    shown.title, shown.public_funds = "Kluby seniora i wolontariat 2027", Decimal("275000.00")
    shown.save()
    html = _html(client, LIST)
    assert "Kluby seniora i wolontariat 2027" in html and "275" in html

    shown.status = Competition.Status.EVALUATION
    shown.save()
    assert "ocena ofert" in _html(client, LIST) or shown.get_status_display() in _html(client, LIST)

    department_x.name = "Departament Przemianowany"
    department_x.save()
    html = _html(client, LIST)
    assert "Departament Przemianowany" in html  # in the card and in the filter's choices
    assert f'<option value="{department_x.pk}">Departament Przemianowany</option>' in html

    Department.objects.create(name="Departament Nowy")
    assert "Departament Nowy" in _html(client, LIST)
    shown.delete()
    assert "Kluby seniora i wolontariat 2027" not in _html(client, LIST)


def test_the_countdown_moves_with_the_day(client, department_x):
    shown = competition(department_x, status=Competition.Status.ACCEPTING, title="Konkurs z terminem")
    day = shown.offer_deadline - dt.timedelta(days=3)
    with time_machine.travel(day, tick=False):
        first = _html(client, LIST)
    with time_machine.travel(day + dt.timedelta(days=1), tick=False):
        second = _html(client, LIST)
    assert first != second
    assert "jeszcze 2 dni" in second or "jeszcze 3 dni" in second


def test_the_schedule_shows_an_officials_change_on_the_next_request(client, department_x, official_x):
    year = factories.schedule_year(2027)
    row = factories.planned(year, department_x, task="Festiwal", month=3, amount="50000")
    assert "Festiwal" in _html(client, SCHEDULE, rok=2027)
    assert "marzec" in _html(client, SCHEDULE, rok=2027)

    before = planning.snapshot(row)
    row.planned_month, row.planned_amount = 4, 60000
    planning.update_row(row=row, before=before, user=official_x)
    html = _html(client, SCHEDULE, rok=2027)
    assert "przesunięto z marca na kwiecień" in html

    other = factories.planned(year, department_x, task="Kluby seniora", month=5)
    assert "Kluby seniora" in _html(client, SCHEDULE, rok=2027)
    announced = factories.competition(department=department_x, status=Competition.Status.ACCEPTING, planned=other)
    assert announced.get_absolute_url() in _html(client, SCHEDULE, rok=2027)

    planning.withdraw_row(row=row, user=official_x)
    assert "<del>Festiwal</del>" in _html(client, SCHEDULE, rok=2027)

"""The public yearly schedule: only published years, a table and a timeline, filters, sorting, changes."""

import datetime as dt

import pytest
from django.urls import reverse

from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.schedule import planning
from partnerstwo.grants.schedule.models import ScheduleYear
from partnerstwo.grants.tests import factories

pytestmark = pytest.mark.django_db
URL = reverse("grants:schedule")


def page(client, **query):
    response = client.get(URL, query)
    assert response.status_code == 200
    return response.content.decode()


def test_a_draft_schedule_is_not_public(client, department_x):
    draft = factories.schedule_year(2027, status="draft")
    factories.planned(draft, department_x, task="Tajny projekt zadania")
    assert "Tajny projekt zadania" not in page(client)
    assert "nie został jeszcze opublikowany" in page(client)
    assert client.get(URL, {"rok": 2027}).status_code == 404


def test_a_schedule_in_consultation_is_not_public(client, department_x):
    factories.planned(factories.schedule_year(2027, status="consultation"), department_x, task="Zadanie w konsultacji")
    assert client.get(URL, {"rok": 2027}).status_code == 404
    assert "Zadanie w konsultacji" not in page(client)


def test_it_shows_the_published_rows_with_polish_amounts_and_month_names(client, department_x):
    year = factories.schedule_year(2027)
    factories.planned(year, department_x, task="Kluby seniora", sphere="seniors", month=4, amount="1250000")
    html = page(client, rok=2027)
    assert "Kluby seniora" in html
    assert "1\xa0250\xa0000\xa0zł" in html
    assert "kwiecień" in html
    assert "wspieranie" in html
    assert department_x.name in html
    assert 'scope="col"' in html and "<caption" in html
    assert "timeline__m4" in html  # the same row on the timeline, in April's column


def test_it_shows_next_years_schedule_by_default_once_published(client, department_x):
    today = dt.date.today()
    factories.planned(factories.schedule_year(today.year), department_x, task="Zadanie bieżącego roku")
    factories.planned(factories.schedule_year(today.year + 1), department_x, task="Zadanie przyszłego roku")
    assert "Zadanie przyszłego roku" in page(client)
    assert "Zadanie bieżącego roku" in page(client, rok=today.year)


def test_default_year_prefers_next_then_current_then_latest():
    today = dt.date(2026, 11, 28)
    assert planning.default_public_year([2027, 2026], today) == 2027
    assert planning.default_public_year([2026, 2025], today) == 2026
    assert planning.default_public_year([2024, 2023], today) == 2024
    assert planning.default_public_year([], today) is None


def test_it_filters_by_department_and_sphere(client, department_x, department_y):
    year = factories.schedule_year(2027)
    factories.planned(year, department_x, task="Pomoc społeczna X", sphere="social-assistance")
    factories.planned(year, department_y, task="Kultura Y", sphere="culture")
    html = page(client, rok=2027, wydzial=department_y.pk)
    assert "Kultura Y" in html and "Pomoc społeczna X" not in html
    html = page(client, rok=2027, sfera="social-assistance")
    assert "Pomoc społeczna X" in html and "Kultura Y" not in html


def test_an_unknown_filter_value_is_ignored_not_an_error(client, department_x):
    factories.planned(factories.schedule_year(2027), department_x, task="Zadanie A")
    html = page(client, rok=2027, wydzial="nie-ma", sfera="xyz", sortuj="zle")
    assert "Zadanie A" in html


def test_it_sorts_by_month_or_by_department(client, department_x, department_y):
    year = factories.schedule_year(2027)
    # department_y's name ("Departament Kultury…") sorts before department_x's ("Departament Spraw…").
    factories.planned(year, department_x, task="Styczniowe X", month=1)
    factories.planned(year, department_y, task="Listopadowe Y", month=11)
    by_month = page(client, rok=2027)
    assert by_month.index("Styczniowe X") < by_month.index("Listopadowe Y")
    by_department = page(client, rok=2027, sortuj="wydzial")
    assert by_department.index("Listopadowe Y") < by_department.index("Styczniowe X")
    assert 'aria-sort="ascending"' in by_department


def test_a_changed_row_shows_its_change_and_the_changes_list(client, department_x, official_x):
    year = factories.schedule_year(2027)
    row = factories.planned(year, department_x, task="Festiwal", month=3, amount="50000")
    before = planning.snapshot(row)
    row.planned_month, row.planned_amount = 4, 60000
    planning.update_row(row=row, before=before, user=official_x)
    html = page(client, rok=2027)
    assert "przesunięto z marca na kwiecień" in html
    assert "zmieniono kwotę z 50\xa0000\xa0zł na 60\xa0000\xa0zł" in html
    assert "Zmiany w harmonogramie" in html


def test_a_withdrawn_row_is_marked_withdrawn(client, department_x, official_x):
    row = factories.planned(factories.schedule_year(2027), department_x, task="Zadanie wycofane")
    planning.withdraw_row(row=row, user=official_x)
    html = page(client, rok=2027)
    assert "<del>Zadanie wycofane</del>" in html
    assert "wycofano (" in html


def test_it_links_the_announced_competition_with_its_status(client, department_x):
    row = factories.planned(factories.schedule_year(2027), department_x, task="Kluby seniora")
    competition = factories.competition(department=department_x, status=Competition.Status.ACCEPTING, planned=row)
    html = page(client, rok=2027)
    assert competition.get_absolute_url() in html
    assert "nabór ofert" in html


def test_a_competition_still_planned_is_not_linked(client, department_x):
    row = factories.planned(factories.schedule_year(2027), department_x)
    competition = factories.competition(department=department_x, status=Competition.Status.PLANNED, planned=row)
    html = page(client, rok=2027)
    assert competition.get_absolute_url() not in html
    assert "jeszcze nie ogłoszony" in html


def test_the_page_links_the_ical_feed(client, department_x):
    factories.planned(factories.schedule_year(2027), department_x)
    assert reverse("grants:schedule_ical", args=[2027]) in page(client, rok=2027)


def make_rows(year, departments, count):
    for n in range(count):
        row = factories.planned(year, departments[n % 2], task=f"Zadanie {n}", month=n % 12 + 1)
        before = planning.snapshot(row)
        row.planned_month = (n + 1) % 12 + 1
        planning.update_row(row=row, before=before, user=None)
        if n % 3 == 0:
            factories.competition(department=row.department, status=Competition.Status.ACCEPTING, planned=row)


def test_the_table_takes_the_same_number_of_queries_for_few_and_many_rows(
    client, department_x, department_y, django_assert_num_queries
):
    year = factories.schedule_year(2027)
    make_rows(year, [department_x, department_y], 2)
    with django_assert_num_queries(7) as few:
        page(client, rok=2027, sortuj="wydzial", wydzial=department_x.pk)
    make_rows(year, [department_x, department_y], 30)
    with django_assert_num_queries(len(few.captured_queries)):
        page(client, rok=2027, sortuj="wydzial", wydzial=department_x.pk)
    assert ScheduleYear.objects.count() == 1


def test_the_timeline_keeps_the_first_published_month_of_a_moved_row(client, department_x, official_x):
    row = factories.planned(factories.schedule_year(2027), department_x, month=3)
    before = planning.snapshot(row)
    row.planned_month = 5
    planning.update_row(row=row, before=before, user=official_x)
    html = page(client, rok=2027)
    assert "timeline__bar--moved timeline__m3" in html
    assert "pierwotnie: marzec" in html


def test_the_demo_loads_twice_without_duplicates():
    import io

    from partnerstwo.grants.schedule import demo as demo_schedule
    from partnerstwo.grants.schedule.models import PlannedCompetition, PlannedCompetitionChange

    demo_schedule.load(io.StringIO())
    demo_schedule.load(io.StringIO())
    assert set(ScheduleYear.objects.values_list("year", "status")) == {(2026, "published"), (2027, "published")}
    assert PlannedCompetition.objects.filter(schedule__year=2027).count() == 12
    assert PlannedCompetitionChange.objects.count() == 1
    assert len({row.department_id for row in PlannedCompetition.objects.all()}) >= 4

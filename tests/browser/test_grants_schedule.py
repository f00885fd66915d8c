"""The yearly schedule of competitions in a real browser: axe on the table and the timeline in every display
mode, the filters and sorting without JavaScript, and the panel page of a draft under consultation."""

import io
import re

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


@pytest.fixture
def schedule_data(demo_data):
    """The schedule's demo (published 2027 with one row moved, published 2026) even before `manage.py demo`
    lists it, and a competition announced from one row."""
    from partnerstwo.grants.competitions.models import Competition
    from partnerstwo.grants.schedule import demo as demo_schedule
    from partnerstwo.grants.schedule.models import PlannedCompetition
    from partnerstwo.grants.tests import factories

    demo_schedule.load(io.StringIO())
    row = PlannedCompetition.objects.filter(schedule__year=2027).order_by("planned_month", "pk").first()
    if not row.competitions.exists():
        factories.competition(department=row.department, status=Competition.Status.ACCEPTING, planned=row,
                              title="Kluby seniora 2027", slug="kluby-seniora-2027-przegladarka")


PAGES = {
    "table-and-timeline": "/konkursy/harmonogram/?rok=2027",
    "sorted-by-department": "/konkursy/harmonogram/?rok=2027&sortuj=wydzial",
    "filtered-with-error": "/konkursy/harmonogram/?rok=2027&sfera=nie-ma-takiej",
    "previous-year": "/konkursy/harmonogram/?rok=2026",
}
CASES = [(name, mode) for name in PAGES for mode in (MODES if name == "table-and-timeline" else ["default"])]


@pytest.mark.parametrize(("name", "mode"), CASES, ids=[f"{name}-{mode}" for name, mode in CASES])
def test_axe_finds_no_wcag_a_or_aa_violation_in_the_schedule(open_in_mode, axe_violations, schedule_data,
                                                               name, mode):
    page = open_in_mode(mode)
    response = page.goto(PAGES[name])
    assert response.status == 200
    violations = axe_violations(page)
    assert not violations, f"{name} ({mode}, {page.url}):\n" + "\n".join(violations)


def test_the_schedule_shows_table_timeline_and_changes(page, schedule_data):
    page.goto("/konkursy/harmonogram/?rok=2027")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("table.schedule-table caption")).to_contain_text("2027")
    expect(page.locator(".timeline__rows li")).to_have_count(12)
    expect(page.locator(".schedule-changes")).to_contain_text("przesunięto z marca na kwiecień")
    expect(page.get_by_role("link", name=re.compile("iCal"))).to_have_count(1)


def test_filters_and_sorting_work_without_javascript(browser, base_url, schedule_data):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto("/konkursy/harmonogram/?rok=2027")
    page.get_by_label("Wydział").select_option(label="Departament Zdrowia")
    page.get_by_role("button", name="Pokaż").click()
    expect(page).to_have_url(re.compile(r"wydzial=\d+"))
    expect(page.locator("table.schedule-table tbody tr")).to_have_count(2)
    page.get_by_role("link", name=re.compile("Wydział")).click()
    expect(page).to_have_url(re.compile(r"sortuj=wydzial"))
    expect(page.locator("table.schedule-table tbody tr")).to_have_count(2)
    context.close()


def test_the_panel_page_of_a_draft_under_consultation_is_accessible(new_context, log_in, axe_violations,
                                                                    schedule_data, demo_official):
    from partnerstwo.grants.schedule.models import ScheduleComment
    from partnerstwo.grants.tests import factories

    year = factories.schedule_year(2028, status="consultation")
    row = factories.planned(year, demo_official.department, task="Kluby seniora 2028")
    ScheduleComment.objects.create(schedule=year, row=row, text="Prosimy o wyższą kwotę.")
    context = new_context()
    log_in(context, demo_official)
    page = context.new_page()
    page.goto("/panel/konkursy/harmonogram/2028/")
    expect(page.locator("main")).to_contain_text("Prosimy o wyższą kwotę.")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)

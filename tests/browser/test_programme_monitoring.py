"""The programme's monitoring dashboard (its server-drawn charts included) and the published yearly report in a
real browser, with axe in every display mode; the official's indicators and report pages once."""

import io

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


def _report():
    """Last year's published report of the demo; before the programmes' own demo is there, one programme of last
    year made here with this area's demo rows (the browser tests' database is put back after each test)."""
    from django.utils import timezone

    from partnerstwo.accounts.models import User
    from partnerstwo.programme import monitoring_demo
    from partnerstwo.programme.models import Programme, YearReport

    report = YearReport.objects.filter(published_at__isnull=False).select_related("programme").first()
    if report is None:
        year = timezone.localdate().year - 1
        official = User.objects.get(email=monitoring_demo.OFFICIAL)
        Programme.objects.create(title=f"Program współpracy na rok {year}", slug=f"program-{year}", year_from=year,
                                 year_to=year, department_id=official.department_id, status="adopted")
        monitoring_demo.load(io.StringIO())
        report = YearReport.objects.filter(published_at__isnull=False).select_related("programme").get()
    return report


NAMES = ["dashboard", "report"]
CASES = [(name, mode) for name in NAMES for mode in MODES]


@pytest.mark.parametrize(("name", "mode"), CASES, ids=[f"{name}-{mode}" for name, mode in CASES])
def test_axe_finds_no_wcag_a_or_aa_violation(open_in_mode, axe_violations, demo_data, name, mode):
    report = _report()
    slug = report.programme.slug
    path = {"dashboard": f"/program-wspolpracy/{slug}/monitoring/?rok={report.year}",
            "report": f"/program-wspolpracy/{slug}/sprawozdanie/{report.year}/"}[name]
    page = open_in_mode(mode)
    assert page.goto(path).status == 200
    expect(page.locator("h1")).to_have_count(1)
    if name == "dashboard":
        expect(page.locator("svg.chart-svg").first).to_be_visible()
        assert page.locator("table.chart-table").count() == page.locator("svg.chart-svg").count() > 0
    violations = axe_violations(page)
    assert not violations, f"{name} ({mode}, {page.url}):\n" + "\n".join(violations)


def test_axe_on_the_officials_pages_and_an_error_next_to_the_field(new_context, log_in, axe_violations, demo_data):
    from partnerstwo.accounts.models import User

    report = _report()
    slug = report.programme.slug
    context = new_context()
    log_in(context, User.objects.get(email="urzednik@example.org"))
    page = context.new_page()
    for path in (f"/panel/program-wspolpracy/{slug}/wskazniki/", f"/panel/program-wspolpracy/{slug}/wskazniki/nowy/",
                 f"/panel/program-wspolpracy/{slug}/sprawozdanie/{report.year}/"):
        assert page.goto(path).status == 200, path
        violations = axe_violations(page)
        assert not violations, f"{path}:\n" + "\n".join(violations)
    page.goto(f"/panel/program-wspolpracy/{slug}/wskazniki/nowy/")
    page.get_by_label("Nazwa wskaźnika").fill("Wskaźnik bez miary")
    page.get_by_role("button", name="Zapisz wskaźnik").click()
    expect(page.locator("#id_measure_error")).to_contain_text("potrzebuje miary")
    assert not axe_violations(page)
    context.close()

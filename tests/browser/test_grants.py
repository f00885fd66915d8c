"""The competitions in a real browser: axe on the list, a competition page (open, cancelled, with results),
the results page and the panel's announcement form."""

import pytest

from .conftest import MODES

pytestmark = pytest.mark.browser


@pytest.fixture
def competitions(demo_data, settings, tmp_path):
    """The demo competitions, loaded here too while the demo command does not list them yet."""
    import io

    from partnerstwo.grants.competitions import demo as demo_competitions

    settings.MEDIA_ROOT = tmp_path
    demo_competitions.load(io.StringIO())


PAGES = {
    "list": "/konkursy/",
    "list-filtered": "/konkursy/?stan=results&rok=abc&q=kultura",
    "open": "/konkursy/seniorzy-2027/",
    "changed": "/konkursy/profilaktyka-uzaleznien-2027/",
    "cancelled": "/konkursy/turystyka-2026/",
    "with-results": "/konkursy/kultura-na-osiedlach-2026/",
    "results": "/konkursy/wyniki/",
}
CASES = [(name, mode) for name in PAGES for mode in (MODES if name in ("list", "open") else ["default"])]


@pytest.mark.parametrize(("name", "mode"), CASES, ids=[f"{name}-{mode}" for name, mode in CASES])
def test_axe_finds_no_wcag_a_or_aa_violation_on_the_competition_pages(open_in_mode, axe_violations, competitions,
                                                                      name, mode):
    page = open_in_mode(mode)
    response = page.goto(PAGES[name])
    assert response.status == 200
    violations = axe_violations(page)
    assert not violations, f"{name} ({mode}, {page.url}):\n" + "\n".join(violations)


def test_axe_finds_no_violation_in_the_panel_announcement_form(new_context, log_in, axe_violations, competitions,
                                                               demo_official):
    from partnerstwo.grants.competitions.models import Competition

    context = new_context()
    log_in(context, demo_official)
    page = context.new_page()
    competition = Competition.objects.filter(department=demo_official.department).order_by("pk").first()
    for url in ["/panel/konkursy/", "/panel/konkursy/nowy/", f"/panel/konkursy/{competition.pk}/"]:
        response = page.goto(url)
        assert response.status == 200, url
        violations = axe_violations(page)
        assert not violations, f"{url}:\n" + "\n".join(violations)


def test_the_countdown_is_in_the_page_without_javascript(browser, base_url, competitions):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto("/konkursy/seniorzy-2027/")
    text = page.locator(".countdown").inner_text()
    context.close()
    assert "Do końca naboru: 14 dni" in text

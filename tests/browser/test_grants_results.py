"""The grant results in a real browser: axe on the results page with its chart (default and high contrast),
on a competition page with its results notice, and the bars still drawn in high contrast."""

import pytest

from .conftest import MODES

pytestmark = pytest.mark.browser

PAGES = {
    "results": ("/konkursy/wyniki/", ["default", "high-contrast"]),
    "results-year-error": ("/konkursy/wyniki/?rok=abc", ["default"]),
    "competition-with-results": ("/konkursy/kultura-na-osiedlach-2026/", ["default", "high-contrast"]),
}
CASES = [(name, mode) for name, (_, modes) in PAGES.items() for mode in modes]


@pytest.mark.parametrize(("name", "mode"), CASES, ids=[f"{name}-{mode}" for name, mode in CASES])
def test_axe_finds_no_wcag_a_or_aa_violation_on_the_results(open_in_mode, axe_violations, demo_data, name, mode):
    assert mode in MODES
    page = open_in_mode(mode)
    response = page.goto(PAGES[name][0])
    assert response.status == 200
    violations = axe_violations(page)
    assert not violations, f"{name} ({mode}, {page.url}):\n" + "\n".join(violations)


@pytest.mark.parametrize("mode", ["default", "high-contrast"])
def test_the_bars_are_visible_in_every_mode(open_in_mode, demo_data, mode):
    page = open_in_mode(mode)
    page.goto("/konkursy/wyniki/")
    bar = page.locator(".bar-chart__bar").first
    box = bar.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    colours = bar.evaluate("""element => {
        const style = getComputedStyle(element);
        return [style.borderTopColor, getComputedStyle(document.body).backgroundColor];
    }""")
    assert colours[0] != colours[1]

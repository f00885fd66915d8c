"""axe-core finds no WCAG 2.0/2.1 A or AA violation on any public page pattern, in any display mode.

Each test names the page and the mode: `test_…[news-item-high-contrast]`.
"""

from urllib.parse import urlsplit

import pytest

from .conftest import MODES

pytestmark = pytest.mark.browser

NOT_FOUND = 404


def first_news_item(page):
    page.goto("/aktualnosci/")
    return page.eval_on_selector(
        "main",
        """main => [...main.querySelectorAll('a[href^="/aktualnosci/"]')]
            .map(a => a.getAttribute('href'))
            .find(href => /^\\/aktualnosci\\/[^?#]+\\/$/.test(href) && !/\\/(rss|atom)\\/$/.test(href))""",
    )


def submit_empty_form(page):
    """Sends the form as it is, past the browser's own checks, to see the server's error messages."""
    form = page.locator("main form[method='post' i]").last
    with page.expect_navigation():
        form.evaluate("form => HTMLFormElement.prototype.submit.call(form)")


# Each public page pattern: how to reach it and the status it answers with.
PAGES = {
    "home": {"path": "/"},
    "content-page": {"path": "/misja-i-cele/"},
    "accessibility-statement": {"path": "/deklaracja-dostepnosci/"},
    "news-list": {"path": "/aktualnosci/"},
    "news-item": {"path": first_news_item},
    "feedback-form": {"path": "/uwagi/?strona=/misja-i-cele/"},
    "feedback-form-with-errors": {"path": "/uwagi/", "then": submit_empty_form},
    "login": {"path": "/konto/login/"},
    "signup": {"path": "/konto/signup/"},
    "staff-panel": {"path": "/panel/", "as": "official"},
    "not-found": {"path": "/nie-ma-takiej-strony/", "status": NOT_FOUND},
}


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_wcag_a_or_aa_violation(open_in_mode, log_in, axe_violations, demo_official, name, mode):
    spec = PAGES[name]
    page = open_in_mode(mode)
    if spec.get("as") == "official":
        log_in(page.context, demo_official)
    path = spec["path"](page) if callable(spec["path"]) else spec["path"]
    assert path, f"{name}: no address to open"

    response = page.goto(path)
    assert response.status == spec.get("status", 200), f"{name}: {path} answered {response.status}"
    assert urlsplit(page.url).path == urlsplit(path).path, f"{name}: {path} sent the browser to {page.url}"
    if "then" in spec:
        spec["then"](page)
        assert page.locator(".error-summary").count() == 1, f"{name}: the form shows no error summary"

    violations = axe_violations(page)
    assert not violations, f"{name} ({mode}, {page.url}):\n" + "\n".join(violations)


@pytest.mark.parametrize("mode", ["default", "high-contrast", "phone-390px"])
def test_axe_finds_no_wcag_a_or_aa_violation_in_the_open_share_panel(open_in_mode, axe_violations, demo_data, mode):
    page = open_in_mode(mode)
    page.goto("/misja-i-cele/")
    if mode == "phone-390px":  # the display toolbar is folded on a phone
        page.get_by_role("region", name="Ustawienia wyświetlania").locator("summary").first.click()
    page.get_by_text("Poleć znajomemu").click()
    page.get_by_role("button", name="Kopiuj link").click()
    violations = axe_violations(page)
    assert not violations, f"share panel ({mode}):\n" + "\n".join(violations)

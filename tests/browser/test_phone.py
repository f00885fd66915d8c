"""The site on a phone (390 × 844 pixels): no page is wider than the screen, the main menu and the
display toolbar fold without JavaScript, and the content starts within the first screen.

The pages are the ones the valid-HTML test finds (tests/test_html_validity.py): links followed from the
home page as a visitor and as each demo role, in Polish and in English, one page per URL pattern.
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from partnerstwo.lib.testing import TwoFactorClient
from tests.test_html_validity import SIGNED_IN, crawl

from .conftest import PHONE_VIEWPORT

pytestmark = pytest.mark.browser

SCREEN = PHONE_VIEWPORT["width"]
STARTS = ["/", "/konto/", "/panel/", "/en/", "/en/konto/", "/en/panel/"]

# What sticks out, for the failure message: the elements past the screen's edge (that no scrolling box
# of their own clips) inside a parent that is not, or else the innermost ones.
WHAT_STICKS_OUT = """screen => {
  const past = e => e.getBoundingClientRect().right > screen + 1;
  const clipped = element => {
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      if (getComputedStyle(box).overflowX !== 'visible') return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll('*')]
    .filter(e => past(e) && (!clipped(e) || getComputedStyle(e).position === 'absolute'));
  const origins = wide.filter(e => !past(e.parentElement));
  return (origins.length ? origins : wide.filter(e => ![...e.children].some(past))).slice(0, 3)
    .map(e => `<${e.tagName.toLowerCase()} class="${e.className}"> to `
      + `${Math.round(e.getBoundingClientRect().right)} px`);
}"""


def pages_by_role() -> list[tuple[Client, list[str]]]:
    """Each role's session with the page patterns first found as that role (a visitor first)."""
    from partnerstwo.accounts.models import User

    checked, found = set(), []
    visitor = Client()
    pages = {}
    crawl(visitor, ["/", "/en/"], pages, checked)
    found.append((visitor, sorted(pages)))
    for email in SIGNED_IN:
        client = TwoFactorClient()  # the demo's staff have passed their second factor
        client.force_login(User.objects.get(email=email))
        pages = {}
        crawl(client, STARTS, pages, checked)
        found.append((client, sorted(pages)))
    return found


def test_no_page_pattern_is_wider_than_a_phone(new_context, base_url, demo_data):
    found = pages_by_role()
    assert sum(len(paths) for _client, paths in found) > 60  # the crawl reached the site

    context = new_context(viewport=PHONE_VIEWPORT)
    page = context.new_page()
    too_wide, unreachable = [], []
    for client, paths in found:
        context.clear_cookies()
        if settings.SESSION_COOKIE_NAME in client.cookies:
            session = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}])
        for path in paths:
            response = page.goto(path)
            if response is None or response.status != 200:
                unreachable.append(f"{path}: {response and response.status}")
                continue
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if width > SCREEN:
                too_wide.append(f"{path}: {width} px; " + "; ".join(page.evaluate(WHAT_STICKS_OUT, SCREEN)))
    assert not too_wide, "\n".join(too_wide)
    # A page the crawl saw but the browser did not (a link used up by the crawl) would go unchecked.
    assert len(unreachable) <= 3, "\n".join(unreachable)


def tab_to(page, locator, presses: int = 40) -> None:
    for _ in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def test_on_a_phone_the_menu_opens_and_closes_by_keyboard_and_the_content_starts_on_the_first_screen(
    open_in_mode, demo_data
):
    page = open_in_mode("phone-390px")
    page.goto("/wydarzenia/")
    menu = page.get_by_role("navigation", name="Menu główne")
    fold, summary = menu.locator("details"), menu.locator("summary")
    link = menu.get_by_role("link", name="Organizacje")
    expect(link).to_be_hidden()
    # The content (its heading) is on the first screen, above its middle.
    assert page.locator("main").evaluate("main => main.getBoundingClientRect().top") < PHONE_VIEWPORT["height"] / 2
    heading = page.locator("main h1").bounding_box()
    assert heading["y"] + heading["height"] < PHONE_VIEWPORT["height"] / 2

    tab_to(page, summary)
    assert summary.evaluate("element => element.matches(':focus-visible')"), "the focused summary shows no focus"
    assert summary.evaluate("element => getComputedStyle(element).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(fold).to_have_attribute("open", "")
    expect(link).to_be_visible()
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Start")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(summary).to_be_focused()
    page.keyboard.press("Space")
    expect(fold).not_to_have_attribute("open", "")
    expect(link).to_be_hidden()


def test_on_a_phone_the_display_toolbar_folds_and_keeps_the_language_at_hand(open_in_mode, demo_data):
    page = open_in_mode("phone-390px")
    page.goto("/")
    toolbar = page.get_by_role("region", name="Ustawienia wyświetlania")
    contrast = toolbar.get_by_role("button", name="Wysoki kontrast")
    expect(contrast).to_be_hidden()
    expect(toolbar.get_by_role("link", name="English")).to_be_visible()
    assert toolbar.bounding_box()["height"] < 70  # one row
    toolbar.locator("summary").first.click()
    contrast.click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bhigh-contrast\b"))


def test_on_a_wide_screen_nothing_is_folded(page, demo_data):
    page.goto("/wydarzenia/")
    menu = page.get_by_role("navigation", name="Menu główne")
    expect(menu.locator("summary")).to_be_hidden()
    expect(menu.get_by_role("link", name="Organizacje")).to_be_visible()
    expect(page.get_by_role("button", name="Wysoki kontrast")).to_be_visible()
    expect(page.get_by_role("button", name="Pokaż")).to_be_visible()  # the calendar's filters
    expect(page.locator(".calendar-month")).to_be_visible()
    expect(page.locator(".calendar-days")).to_be_hidden()
    tab_to(page, menu.get_by_role("link", name="Organizacje"))


def test_on_a_phone_the_month_lists_its_busy_days_with_the_grid_one_tap_away(open_in_mode, demo_data):
    page = open_in_mode("phone-390px")
    page.goto("/wydarzenia/")
    days = page.locator(".calendar-days")
    expect(days).to_be_visible()
    expect(page.locator(".calendar-month")).to_be_hidden()
    assert days.locator("h3").count() >= 1  # the demo has events this month
    page.get_by_text("Siatka miesiąca").click()
    expect(page.locator(".calendar-month")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= SCREEN


# On a phone, with every fold open: the menu and toolbar, the calendar's grid and filters, the directory's filters.
OPEN_FOLDS = {
    "menu-and-toolbar": "/misja-i-cele/",
    "calendar": "/wydarzenia/",
    "directory": "/organizacje/",
}


@pytest.mark.parametrize("name", list(OPEN_FOLDS))
def test_axe_finds_no_wcag_a_or_aa_violation_with_the_folds_open_on_a_phone(open_in_mode, axe_violations,
                                                                              demo_data, name):
    page = open_in_mode("phone-390px")
    page.goto(OPEN_FOLDS[name])
    for summary in page.locator("details.fold > summary").all():
        summary.click()
    assert page.locator("details.fold:not([open])").count() == 0
    assert page.evaluate("() => document.documentElement.scrollWidth") <= SCREEN
    violations = axe_violations(page)
    assert not violations, f"{name} (phone, folds open):\n" + "\n".join(violations)

"""The official's desk (/panel/) in a real browser: the demo official's queues with their counts, axe in every
display mode, no page wider than a phone, and the e-mail choice on the account page."""

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("mode", list(MODES))
def test_the_desk_shows_what_waits_and_axe_finds_nothing(open_in_mode, log_in, axe_violations, demo_official, mode):
    page = open_in_mode(mode)
    log_in(page.context, demo_official)

    assert page.goto("/panel/").status == 200

    desk = page.locator("section[aria-labelledby=desk]")
    expect(desk.get_by_role("heading", name="Czeka na Ciebie")).to_be_visible()
    expect(desk.get_by_role("heading", name="Wydarzenia do akceptacji: 2")).to_be_visible()
    expect(desk.get_by_role("heading", name="Zgłoszenia organizacji do zatwierdzenia: 1")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    violations = axe_violations(page)
    assert not violations, f"/panel/ ({mode}):\n" + "\n".join(violations)
    page.context.close()


def test_an_official_chooses_the_daily_digest_on_the_account_page(open_in_mode, log_in, axe_violations,
                                                                  demo_official):
    page = open_in_mode("default")
    log_in(page.context, demo_official)
    page.goto("/panel/")

    page.get_by_role("link", name="Możesz dostawać powiadomienia e-mail o nowych sprawach.").click()
    page.get_by_label("Powiadomienia e-mail o sprawach czekających w panelu").select_option("daily")
    page.get_by_role("button", name="Zapisz").first.click()

    expect(page.locator(".message--success")).to_contain_text("Zapisaliśmy Twoje dane.")
    demo_official.refresh_from_db()
    assert demo_official.desk_alerts == "daily"
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
    page.context.close()

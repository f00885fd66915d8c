"""Polish at /, English under /en/ with the same Polish slugs, and a switch between them on every page."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/", "/misja-i-cele/", "/aktualnosci/"])
def test_the_language_switch_moves_between_polish_and_english_versions_of_the_same_page(page, demo_data, path):
    page.goto(path)
    expect(page.locator("html")).to_have_attribute("lang", "pl")

    page.get_by_role("navigation", name="Język").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(rf"/en{re.escape(path)}$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.locator("nav.languages").get_by_role("link", name="Polski").click()
    expect(page).to_have_url(re.compile(rf"://[^/]+{re.escape(path)}$"))
    expect(page.locator("html")).to_have_attribute("lang", "pl")


def test_the_english_home_page_declares_english_and_offers_polish(page, demo_data):
    response = page.goto("/en/")
    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "en")
    polish = page.locator('nav.languages a[hreflang="pl"]')
    expect(polish).to_have_attribute("href", "/")
    expect(polish).to_have_attribute("lang", "pl")

"""The NGO directory in a real browser: axe on its pages, htmx search, the map without tiles, the 1.5% list."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser

TILES = re.compile(r"^https?://[^/]*tile\.openstreetmap\.org/")


@pytest.fixture
def directory_demo(demo_data):
    """The demo directory (idempotent: a no-op when `manage.py demo` already loaded it)."""
    import io

    from partnerstwo.organizations import demo

    demo.load(io.StringIO())


def block_tiles(page) -> None:
    """The test machine has no network; make the tile requests fail fast, as they would offline."""
    page.route(TILES, lambda route: route.abort())


def demo_organization_with_everything():
    from partnerstwo.organizations.models import Organization

    return (
        Organization.objects.public()
        .filter(is_opp=True, looking_for_volunteers=True)
        .exclude(website="")
        .order_by("pk")
        .first()
    )


def profile_path(page):
    return demo_organization_with_everything().get_absolute_url()


def edit_form_path(page):
    return f"/moje-organizacje/{demo_organization_with_everything().slug}/edytuj/"


PAGES = {
    "directory": {"path": "/organizacje/"},
    "directory-filtered": {"path": "/organizacje/?q=fundacja&sfera=culture&opp=1&raport=abc"},
    "profile": {"path": profile_path},
    "opp-list": {"path": "/1-5-procent/"},
    "opp-leaflet": {"path": "/1-5-procent/ulotka/", "modes": ["default"]},
    "map": {"path": "/organizacje/mapa/", "modes": ["default", "high-contrast"]},
    "edit-form": {"path": edit_form_path, "as": "official", "modes": ["default", "high-contrast"]},
}
CASES = [(name, mode) for name, spec in PAGES.items() for mode in spec.get("modes", MODES)]


@pytest.mark.parametrize(("name", "mode"), CASES, ids=[f"{name}-{mode}" for name, mode in CASES])
def test_axe_finds_no_wcag_a_or_aa_violation_in_the_directory(
    open_in_mode, log_in, axe_violations, demo_official, directory_demo, name, mode
):
    spec = PAGES[name]
    page = open_in_mode(mode)
    block_tiles(page)
    if spec.get("as") == "official":
        log_in(page.context, demo_official)
    path = spec["path"](page) if callable(spec["path"]) else spec["path"]

    response = page.goto(path)
    assert response.status == 200, f"{name}: {path} answered {response.status}"
    if name == "map":
        expect(page.locator(".leaflet-marker-icon").first).to_be_visible()

    violations = axe_violations(page)
    assert not violations, f"{name} ({mode}, {page.url}):\n" + "\n".join(violations)


def test_typing_a_search_refreshes_the_results_in_place_and_keeps_a_shareable_address(page, directory_demo):
    page.goto("/organizacje/")
    page.evaluate("window.marker = 'same page'")
    count = page.locator("#result-count")
    expect(count).to_contain_text("Znaleziono organizacji:")

    page.get_by_role("searchbox", name="Szukaj").fill("zwierzat")

    expect(page.locator("#results")).to_contain_text("Azyl Podlaski")
    expect(page.locator("#results")).not_to_contain_text("Stowarzyszenie Seniorów")
    expect(page).to_have_url(re.compile(r"q=zwierzat"))
    assert page.evaluate("window.marker") == "same page"  # no reload: htmx swapped the results
    assert page.locator("#result-count").count() == 1

    page.get_by_role("searchbox", name="Szukaj").fill("ekologiczn")
    page.get_by_label("Sfera zadań publicznych").select_option("education")
    expect(page).to_have_url(re.compile(r"q=ekologiczn&sfera=education"))
    expect(page.locator("#results")).to_contain_text("Fundacja Edukacji Ekologicznej Podlasie")


def test_the_directory_filters_work_without_javascript(browser, base_url, directory_demo):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto("/organizacje/")

    page.get_by_role("searchbox", name="Szukaj").fill("dojlidy")
    page.get_by_label("tylko szukające wolontariuszy").check()
    page.get_by_role("button", name="Pokaż wyniki").click()

    expect(page).to_have_url(re.compile(r"q=dojlidy.*wolontariat=on"))
    expect(page.locator("#results")).to_contain_text("Stowarzyszenie Przyjaciół Osiedla Dojlidy")
    context.close()


def test_the_map_shows_markers_even_when_no_tile_loads(page, directory_demo):
    block_tiles(page)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto("/organizacje/mapa/?opp=1")

    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    expect(page.locator("#map-status")).to_contain_text("Organizacji na mapie:")
    expect(page.get_by_role("link", name="Pokaż wyniki jako listę")).to_have_attribute("href", "/organizacje/?opp=1")
    assert not errors
    page.locator(".leaflet-marker-icon").first.focus()  # markers are buttons: the keyboard opens them too
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content a")).to_contain_text("Zobacz profil")


def test_the_krs_copy_button_copies_the_number(browser, base_url, directory_demo):
    context = browser.new_context(base_url=base_url, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto("/1-5-procent/")
    first_row = page.locator("table.opp-table tbody tr").first
    number = first_row.locator(".krs-number").inner_text()

    first_row.get_by_role("button", name=re.compile("Kopiuj")).click()

    expect(first_row.locator(".copy-status")).to_have_text("Skopiowano numer KRS")
    assert page.evaluate("navigator.clipboard.readText()") == number
    context.close()


def test_the_pin_picker_fills_the_coordinates(page, log_in, demo_official, directory_demo):
    block_tiles(page)
    log_in(page.context, demo_official)
    page.goto(edit_form_path(page))
    latitude = page.get_by_label("szerokość geograficzna")
    before = latitude.input_value()

    picker = page.locator("[data-pin-picker]")
    box = picker.bounding_box()
    picker.click(position={"x": box["width"] * 0.75, "y": box["height"] * 0.3})  # off the pin and the controls

    expect(latitude).not_to_have_value(before)
    assert re.fullmatch(r"5\d\.\d{6}", latitude.input_value())

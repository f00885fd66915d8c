"""On paper: the content without navigation or switches, and the address of every link."""

import pytest

pytestmark = pytest.mark.browser

HIDDEN_ON_PAPER = {
    "the main navigation": ".main-nav",
    "the display toolbar": ".toolbar",
    "the account links": ".account-links",
    "the footer navigation": ".site-footer nav",
    "the skip link": ".skip-link",
}


def display_of(page, selector):
    return page.eval_on_selector(selector, "el => getComputedStyle(el).display")


@pytest.mark.parametrize("path", ["/aktualnosci/", "/misja-i-cele/"])
def test_printing_leaves_out_navigation_and_switches_and_shows_link_addresses(page, demo_data, path):
    page.goto(path)
    for selector in HIDDEN_ON_PAPER.values():
        assert display_of(page, selector) != "none", f"{selector} should be on screen"

    page.emulate_media(media="print")
    shown = {name: selector for name, selector in HIDDEN_ON_PAPER.items() if display_of(page, selector) != "none"}
    assert not shown, f"printed although it should not be: {shown}"
    assert display_of(page, "main") != "none"
    assert display_of(page, ".site-footer address") != "none", "the contact details belong on paper"

    link = page.evaluate(
        """() => {
            const link = [...document.querySelectorAll('main a[href^="/"]')].find(a => a.getClientRects().length);
            return link && {href: link.getAttribute('href'), after: getComputedStyle(link, '::after').content};
        }"""
    )
    assert link, "the page should have a printed link inside <main>"
    assert link["href"] in link["after"], f"the printed link does not show its address: {link}"

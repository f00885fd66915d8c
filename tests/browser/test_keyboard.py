"""A keyboard-only reader: the skip link comes first and leads into the content; focus is always visible."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FOCUSED_ELEMENT = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        element: `<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}`
            + `${el.className ? ' class=' + el.className : ''}>`
            + ` "${(el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`,
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth) || 0,
        boxShadow: style.boxShadow,
        inMain: document.querySelector('main').contains(el) && el !== document.querySelector('main'),
    };
}"""


@pytest.mark.parametrize("path", ["/", "/misja-i-cele/"])
def test_a_keyboard_user_reaches_the_main_content_through_the_skip_link(page, demo_data, path):
    page.goto(path)

    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    expect(skip_link).to_have_text("Przejdź do treści")
    expect(skip_link).to_be_in_viewport(ratio=1)
    box = skip_link.bounding_box()
    assert box["width"] > 50 and box["height"] > 20, f"the focused skip link is too small to see: {box}"

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()

    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED_ELEMENT)
    assert focused["inMain"], f"the Tab after the skip link went to {focused['element']}, outside <main>"


@pytest.mark.parametrize("mode", ["default", "high-contrast"])
def test_every_link_and_button_shows_where_the_keyboard_focus_is(open_in_mode, demo_data, mode):
    page = open_in_mode(mode)
    page.goto("/misja-i-cele/")
    invisible, seen = [], set()
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_ELEMENT)
        if focused["element"] in seen:
            break
        seen.add(focused["element"])
        has_outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] > 0
        if not has_outline and focused["boxShadow"] in ("", "none"):
            invisible.append(focused["element"])
    assert len(seen) > 10
    assert not invisible, "no visible focus indicator on:\n" + "\n".join(invisible)

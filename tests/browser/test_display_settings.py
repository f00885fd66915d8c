"""The text-size and contrast switches: chosen once, kept on every following page, with or without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

HTML_STYLE = """() => ({
    fontSize: getComputedStyle(document.documentElement).fontSize,
    background: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.body).color,
})"""


def toolbar_button(page, name):
    return page.get_by_role("region", name="Ustawienia wyświetlania").get_by_role("button", name=name)


def expect_display(page, *, high_contrast: bool, text_size: str):
    html = page.locator("html")
    expect(html).to_have_class(re.compile(rf"(^|\s)text-{text_size}(\s|$)"))
    if high_contrast:
        expect(html).to_have_class(re.compile(r"(^|\s)high-contrast(\s|$)"))
    else:
        expect(html).not_to_have_class(re.compile(r"(^|\s)high-contrast(\s|$)"))
    expect(toolbar_button(page, "Wysoki kontrast")).to_have_attribute("aria-pressed", str(high_contrast).lower())
    size_names = {"normal": "normalny", "large": "większy", "largest": "największy"}
    expect(toolbar_button(page, size_names[text_size])).to_have_attribute("aria-pressed", "true")
    style = page.evaluate(HTML_STYLE)
    assert style["fontSize"] == {"normal": "16px", "large": "19px", "largest": "22px"}[text_size]
    if high_contrast:
        assert (style["background"], style["text"]) == ("rgb(0, 0, 0)", "rgb(255, 255, 255)")
    else:
        assert style["background"] == "rgb(255, 255, 255)"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_contrast_and_text_size_chosen_in_the_toolbar_are_kept_on_the_next_page(new_context, demo_data, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto("/misja-i-cele/")
    expect_display(page, high_contrast=False, text_size="normal")

    toolbar_button(page, "Wysoki kontrast").click()
    expect_display(page, high_contrast=True, text_size="normal")
    toolbar_button(page, "największy").click()
    expect_display(page, high_contrast=True, text_size="largest")
    # The switch sends the reader back to the page they were reading.
    expect(page).to_have_url(re.compile(r"/misja-i-cele/$"))

    page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Aktualności").click()
    expect(page).to_have_url(re.compile(r"/aktualnosci/$"))
    expect_display(page, high_contrast=True, text_size="largest")

    toolbar_button(page, "Wysoki kontrast").click()
    toolbar_button(page, "normalny").click()
    expect(page).to_have_url(re.compile(r"/aktualnosci/$"))
    page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Start").click()
    expect_display(page, high_contrast=False, text_size="normal")

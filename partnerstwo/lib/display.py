"""The reader's display preferences (text size, high contrast), kept in a cookie.

A cookie rather than the session: it works for anonymous readers without creating sessions,
and the server renders the right class on the first byte, so nothing flickers and no
JavaScript is needed.
"""

from dataclasses import dataclass

COOKIE_NAME = "display"
TEXT_SIZES = ("normal", "large", "largest")
COOKIE_MAX_AGE = 60 * 60 * 24 * 365


@dataclass(frozen=True)
class DisplayPreferences:
    text_size: str = "normal"
    high_contrast: bool = False

    def as_cookie(self) -> str:
        return f"{self.text_size}.{'hc' if self.high_contrast else 'std'}"

    @property
    def css_classes(self) -> str:
        classes = [f"text-{self.text_size}"]
        if self.high_contrast:
            classes.append("high-contrast")
        return " ".join(classes)


def parse_cookie(value: str | None) -> DisplayPreferences:
    size, _, contrast = (value or "").partition(".")
    if size not in TEXT_SIZES:
        size = "normal"
    return DisplayPreferences(text_size=size, high_contrast=contrast == "hc")


def display_preferences(request) -> DisplayPreferences:
    return parse_cookie(request.COOKIES.get(COOKIE_NAME))

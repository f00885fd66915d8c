"""Markdown as plain text, for calendar apps: the words stay, the marks go, links keep their address."""

import pytest

from partnerstwo.lib.markdown import plain_text


def test_marks_are_gone_and_blocks_are_separated_by_a_blank_line():
    text = "# Tytuł\n\nAkapit z **pogrubieniem**, _kursywą_ i `kodem`.\nDruga linia.\n\n> cytat"

    assert plain_text(text) == "Tytuł\n\nAkapit z pogrubieniem, kursywą i kodem.\nDruga linia.\n\ncytat"


def test_lists_keep_their_order_and_numbers_line_by_line():
    text = "Przed.\n\n- jeden\n- dwa\n  - zagnieżdżone\n\n3. trzy\n4. cztery\n\nPo."

    assert plain_text(text) == "Przed.\n\n– jeden\n– dwa\n  – zagnieżdżone\n\n3. trzy\n4. cztery\n\nPo."


def test_a_link_keeps_its_address_and_an_autolink_is_written_once():
    assert plain_text("[Zapisy](https://example.org/z) i <https://example.org/a>") == (
        "Zapisy (https://example.org/z) i https://example.org/a")


def test_a_table_is_one_line_a_row():
    assert plain_text("| Dzień | Godzina |\n|---|---|\n| wtorek | 10:00 |") == "Dzień | Godzina\nwtorek | 10:00"


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_nothing_gives_nothing(text):
    assert plain_text(text) == ""

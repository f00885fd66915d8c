"""Headings of Markdown start at h2 (the page owns h1), or lower when the text sits under a heading of the page."""

from partnerstwo.lib.markdown import render_markdown

TEXT = "# Jeden\n\n## Dwa\n\n### Trzy\n\n###### Sześć\n"


def test_headings_start_at_h2():
    html = str(render_markdown(TEXT))

    assert "<h2>Jeden</h2>" in html and "<h2>Dwa</h2>" in html and "<h3>Trzy</h3>" in html
    assert "<h6>Sześć</h6>" in html


def test_under_a_heading_of_the_page_they_start_one_lower_and_stop_at_h6():
    html = str(render_markdown(TEXT, top_heading=3))

    assert "<h3>Jeden</h3>" in html and "<h3>Dwa</h3>" in html and "<h4>Trzy</h4>" in html
    assert "<h6>Sześć</h6>" in html and "<h2>" not in html and "<h7>" not in html

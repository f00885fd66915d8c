"""A table written in Markdown scrolls sideways on a phone inside a region that takes keyboard focus."""

from partnerstwo.lib.markdown import render_markdown

TABLE = "| Dane | Okres |\n|---|---|\n| zgłoszenia | 2 lata |\n\nTekst.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"


def test_every_table_on_screen_sits_in_a_focusable_labelled_region():
    html = str(render_markdown(TABLE))

    assert html.count('<div class="table-wrap" tabindex="0" role="region" aria-label="Tabela"><table>') == 2
    assert html.count("</table></div>") == 2
    assert "<p>Tekst.</p>" in html


def test_an_email_keeps_bare_tables():
    html = str(render_markdown(TABLE, for_screen=False))

    assert "table-wrap" not in html
    assert html.count("<table>") == 2


def test_text_that_only_mentions_a_table_tag_is_not_wrapped():
    html = str(render_markdown("Znacznik `<table>` w tekście i <table> wpisany ręcznie."))

    assert "table-wrap" not in html
    assert "&lt;table&gt;" in html

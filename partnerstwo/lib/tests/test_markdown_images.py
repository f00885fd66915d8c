"""User Markdown shows only the site's own images, so no outside server learns who reads a page."""

import pytest

from partnerstwo.lib.markdown import render_markdown


def rendered(text):
    return str(render_markdown(text))


def test_an_uploaded_image_is_shown():
    assert rendered("![Plakat Forum](/media/pages/plakat.png)") == (
        '<p><img src="/media/pages/plakat.png" alt="Plakat Forum"></p>\n'
    )


def test_an_image_addressed_by_the_sites_own_url_is_shown(settings):
    settings.SITE_URL = "https://partnerstwo.example.org"
    html = rendered("![Mapa](https://partnerstwo.example.org/media/mapa-tylko-tu.png)")
    assert '<img src="https://partnerstwo.example.org/media/mapa-tylko-tu.png" alt="Mapa">' in html


def test_an_image_from_another_host_becomes_a_plain_link_with_its_description():
    html = rendered("![Zdjęcie z festynu](https://evil.example/x.png)")
    assert "<img" not in html
    assert '<a href="https://evil.example/x.png" rel="noopener noreferrer">Zdjęcie z festynu</a>' in html


@pytest.mark.parametrize("src", [
    "//evil.example/x.png",
    "HTTPS://EVIL.EXAMPLE/x.png",
    "http://127.0.0.1.evil.example/x.png",
    "https://evil.example/x.png \"tytuł\"",
])
def test_protocol_relative_and_disguised_foreign_images_are_never_loaded(src):
    html = rendered(f"![opis]({src})")
    assert "<img" not in html
    assert "evil.example" in html.lower()  # as a link the reader may follow, not as a request made for them


def test_a_foreign_image_without_a_description_links_with_its_address():
    html = rendered("![](//evil.example/x.png)")
    assert "<img" not in html
    assert ">//evil.example/x.png</a>" in html


def test_an_inline_data_image_is_reduced_to_its_description():
    html = rendered("![Wykres](data:image/png;base64,iVBORw0KGgo=)")
    assert "<img" not in html
    assert "data:" not in html
    assert "Wykres" in html


def test_raw_html_images_are_shown_as_text_not_loaded():
    for raw in ('<img src="https://evil.example/x.png">', "<img src=//evil.example/x.png>",
                '<img src="data:image/png;base64,iVBORw0KGgo=">'):
        assert "<img" not in rendered(raw)


def test_a_foreign_image_inside_a_link_leaves_one_link_and_loads_nothing():
    html = rendered("[![logo](https://evil.example/logo.png)](https://fundacja.example.org)")
    assert "<img" not in html
    assert html.count("<a ") == 1
    assert 'href="https://fundacja.example.org"' in html


def test_a_backslash_cannot_smuggle_another_host_into_an_image():
    html = rendered("![x](/\\evil.example/x.png)")
    assert 'src="//' not in html and 'src="/\\' not in html


def test_the_sanitiser_drops_a_foreign_image_address_whatever_produced_the_img_tag():
    from partnerstwo.lib.markdown import _keep_own_images

    assert _keep_own_images("img", "src", "https://evil.example/x.png") is None
    assert _keep_own_images("img", "src", "//evil.example/x.png") is None
    assert _keep_own_images("img", "src", "/\\evil.example/x.png") is None
    assert _keep_own_images("img", "src", "/media/x.png") == "/media/x.png"
    assert _keep_own_images("a", "href", "https://evil.example/") == "https://evil.example/"

import pytest

from partnerstwo.lib.editorial.slugs import polish_slugify, route_is_free


def test_polish_letters_become_their_plain_counterparts():
    assert polish_slugify("Zażółć gęślą jaźń – Łódź!") == "zazolc-gesla-jazn-lodz"


def test_a_long_title_is_cut_at_a_word_boundary():
    slug = polish_slugify("współpraca " * 30, max_length=40)

    assert len(slug) <= 40
    assert slug.endswith("wspolpraca")


@pytest.mark.parametrize("slug", ["panel", "konto", "aktualnosci", "uwagi", "admin", "wyglad", "en", "static", "media"])
def test_addresses_of_other_sections_are_not_free_for_pages(slug):
    assert not route_is_free("pages:page", slug)


def test_an_ordinary_address_is_free_for_pages():
    assert route_is_free("pages:page", "misja-i-cele")


@pytest.mark.parametrize("slug", ["rss", "atom"])
def test_feed_addresses_are_not_free_for_news(slug):
    assert not route_is_free("news:detail", slug)

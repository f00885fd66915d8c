"""The main menu: each item marks the current page or section, and a renamed route fails loudly."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import NoReverseMatch


def render(source: str, path: str) -> str:
    return Template("{% load partnerstwo %}" + source).render(Context({"request": RequestFactory().get(path)}))


def test_an_item_is_the_current_page_only_at_its_own_address():
    item = '{% nav_item "Kontakt" "pages:page" "kontakt" %}'

    assert render(item, "/kontakt/") == '<li><a href="/kontakt/" aria-current="page">Kontakt</a></li>'
    assert render(item, "/") == '<li><a href="/kontakt/">Kontakt</a></li>'


def test_a_section_is_current_on_every_page_under_it():
    item = '{% nav_item "Organizacje" "organizations:list" section=True %}'

    assert 'aria-current="page"' in render(item, "/organizacje/fundacja-alfa/")
    assert 'aria-current="page"' not in render(item, "/wydarzenia/")


def test_a_route_that_does_not_exist_fails_instead_of_dropping_the_item():
    with pytest.raises(NoReverseMatch):
        render('{% nav_item "Brak" "pages:does_not_exist" %}', "/")

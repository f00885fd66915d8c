"""The directory map: a page with Leaflet and a small JSON of markers for the current filters."""

import pytest

from partnerstwo.organizations import views
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db


def test_the_map_page_loads_leaflet_and_offers_the_list_as_the_accessible_alternative(client):
    body = client.get("/organizacje/mapa/", {"sfera": "culture"}).content.decode()

    assert "vendor/leaflet/leaflet.js" in body and "vendor/leaflet/leaflet.css" in body
    assert "js/directory-map.js" in body
    assert 'data-points-url="/organizacje/mapa/punkty.json?sfera=culture"' in body
    assert 'href="/organizacje/?sfera=culture">Pokaż wyniki jako listę' in body
    assert "czytników ekranu" in body
    assert "Mapa potrzebuje JavaScriptu" in body  # what shows when the script does not run
    assert "htmx" not in body


def test_markers_carry_only_what_a_marker_needs_and_honour_the_filters(client):
    make.organization("Alfa", latitude="53.120000", longitude="23.150000", spheres=["culture"])
    make.organization("Beta", latitude="53.130000", longitude="23.160000", spheres=["sport"])
    make.organization("Bez pinezki", spheres=["culture"])
    make.organization("Ukryta", latitude="53.1", longitude="23.1", spheres=["culture"], is_published=False)

    data = client.get("/organizacje/mapa/punkty.json", {"sfera": "culture"}).json()

    assert data["truncated"] is False
    assert data["profile_url"] == "/organizacje/__slug__/"
    assert [set(marker) for marker in data["markers"]] == [{"id", "name", "slug", "lat", "lng"}]
    assert data["markers"][0]["name"] == "Alfa"
    assert data["markers"][0]["lat"] == 53.12


def test_too_many_markers_are_cut_and_flagged(client, monkeypatch):
    monkeypatch.setattr(views, "MAP_MARKER_LIMIT", 2)
    for n in range(3):
        make.organization(f"Org {n}", latitude="53.12", longitude="23.15")

    data = client.get("/organizacje/mapa/punkty.json").json()

    assert len(data["markers"]) == 2
    assert data["truncated"] is True


@pytest.mark.parametrize("rows", [3, 30])
def test_markers_take_a_constant_number_of_queries(client, django_assert_num_queries, rows):
    for n in range(rows):
        make.organization(f"Org {n}", latitude="53.12", longitude="23.15", spheres=["culture"])

    with django_assert_num_queries(5):  # the form's four choice lists, then the markers
        assert len(client.get("/organizacje/mapa/punkty.json").json()["markers"]) == rows


def test_the_pin_picker_partial_points_at_the_coordinate_inputs(rf):
    from django import forms
    from django.template.loader import render_to_string

    class CoordinatesForm(forms.Form):
        latitude = forms.DecimalField()
        longitude = forms.DecimalField()

    form = CoordinatesForm()
    html = render_to_string(
        "organizations/_pin_picker.html", {"lat_field": form["latitude"], "lng_field": form["longitude"]},
        request=rf.get("/"),
    )

    assert 'data-lat-input="#id_latitude" data-lng-input="#id_longitude"' in html
    assert "js/pin-picker.js" in html and "vendor/leaflet/leaflet.js" in html
    assert 'data-center="53.132500,23.168800"' in html

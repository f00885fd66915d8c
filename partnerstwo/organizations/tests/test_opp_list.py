"""The 1.5% list /1-5-procent/ and its printable leaflet."""

import pytest

from partnerstwo.organizations.models import RegisterStatus
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [org.name for org in response.context["page_obj"].object_list]


def test_it_lists_published_public_benefit_organisations_that_were_not_removed(client):
    make.organization("Alfa OPP", is_opp=True, opp_purpose="leczenie dzieci", spheres=["health"])
    make.organization("Beta zwykła")
    make.organization("Gamma ukryta", is_opp=True, is_published=False)
    make.organization("Delta wykreślona", is_opp=True, register_status=RegisterStatus.REMOVED)

    response = client.get("/1-5-procent/")

    assert names(response) == ["Alfa OPP"]
    body = response.content.decode()
    assert "leczenie dzieci" in body
    assert "Ochrony i promocji zdrowia" in body


def test_the_krs_number_is_selectable_text_with_a_copy_button_for_javascript(client):
    org = make.organization("Alfa OPP", is_opp=True, krs="0000012345")

    body = client.get("/1-5-procent/").content.decode()

    assert f'<span class="krs-number" id="krs-{org.pk}">0000012345</span>' in body
    assert f'data-copy="#krs-{org.pk}"' in body
    assert 'class="js-only copy-button"' in body and "hidden>" in body  # shown by site.js only
    assert f'<a href="{org.get_absolute_url()}">Alfa OPP</a>' in body


def test_the_search_folds_diacritics_and_reads_the_purpose(client):
    make.organization("Fundacja Łąki", is_opp=True, opp_purpose="ochrona ptaków")
    make.organization("Fundacja Rzeki", is_opp=True, opp_purpose="sprzątanie")

    assert names(client.get("/1-5-procent/", {"q": "laki"})) == ["Fundacja Łąki"]
    assert names(client.get("/1-5-procent/", {"q": "PTAKOW"})) == ["Fundacja Łąki"]


def test_the_leaflet_lists_them_all_with_the_instructions_on_one_printable_page(client):
    for n in range(60):
        make.organization(f"Fundacja {n:02d}", is_opp=True, opp_purpose=f"cel {n}")

    response = client.get("/1-5-procent/ulotka/")
    body = response.content.decode()

    assert "Przekaż 1,5% podatku organizacjom z Białegostoku" in body
    assert body.count('class="krs-number"') == 60
    assert "W rocznym zeznaniu podatkowym PIT wpisz jej numer KRS" in body
    assert "Narodowy Instytut Wolności" in body
    assert "copy-button" not in body  # paper needs no buttons
    assert 'class="main-nav"' not in body


def test_the_leaflet_keeps_the_search(client):
    make.organization("Fundacja Łąki", is_opp=True)
    make.organization("Fundacja Rzeki", is_opp=True)

    body = client.get("/1-5-procent/ulotka/", {"q": "laki"}).content.decode()

    assert "Fundacja Łąki" in body and "Fundacja Rzeki" not in body


@pytest.mark.parametrize("rows", [3, 40])
@pytest.mark.parametrize(("url", "queries"), [("/1-5-procent/", 3), ("/1-5-procent/ulotka/", 2)])
def test_the_lists_run_a_constant_number_of_queries(client, django_assert_num_queries, rows, url, queries):
    for n in range(rows):
        make.organization(f"Fundacja {n:02d}", is_opp=True, spheres=["health", "culture"])

    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200

"""The public directory /organizacje/: search, filters, sorting, pagination, htmx and query counts."""

import datetime
import re

import pytest
from django.utils import timezone

from partnerstwo.organizations.models import AnnualReport, LegalForm, Organization, RegisterStatus
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db
URL = "/organizacje/"


def names(response) -> list[str]:
    return [org.name for org in response.context["page_obj"].object_list]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("bialystok", "Stowarzyszenie Przyjaciół Białegostoku Białystok"),
        ("lodz", "Fundacja Łódź Kaliska"),
        ("zwierzat", "Fundacja Ochrony Zwierząt"),
        ("ZWIERZĄT", "Fundacja Ochrony Zwierząt"),
        ("Łódź", "Fundacja Łódź Kaliska"),
    ],
)
def test_search_ignores_polish_diacritics_and_case(client, query, name):
    make.organization("Stowarzyszenie Przyjaciół Białegostoku Białystok")
    make.organization("Fundacja Łódź Kaliska")
    make.organization("Fundacja Ochrony Zwierząt")
    make.organization("Klub Szachowy")

    assert names(client.get(URL, {"q": query})) == [name]


def test_search_requires_every_word_and_reads_the_krs_district_and_description(client):
    dojlidy = make.district("Dojlidy")
    make.organization("Fundacja Alfa", district=dojlidy, description="Sprzątamy brzegi stawów.")
    make.organization("Fundacja Beta", krs="0000123456")
    make.organization("Fundacja Gamma", description="Sprzątamy parki.")

    assert names(client.get(URL, {"q": "fundacja dojlidy"})) == ["Fundacja Alfa"]
    assert names(client.get(URL, {"q": "0000123456"})) == ["Fundacja Beta"]
    assert names(client.get(URL, {"q": "sprzatamy stawow"})) == ["Fundacja Alfa"]


def test_search_finds_organisations_by_the_names_of_their_spheres_and_target_groups(client):
    make.organization("Fundacja Alfa", spheres=["children-and-youth"])
    make.organization("Klub Beta", target_groups=["seniorzy"], description="Spotkania przy kawie.")
    make.organization("Fundacja Gamma", spheres=["culture"], target_groups=["dzieci"])
    make.organization("Fundacja Delta", description="Zajęcia dla dzieci.")

    assert names(client.get(URL, {"q": "dzieci i młodzieży"})) == ["Fundacja Alfa"]
    assert names(client.get(URL, {"q": "seniorzy"})) == ["Klub Beta"]
    assert names(client.get(URL, {"q": "dzieci"})) == ["Fundacja Alfa", "Fundacja Delta", "Fundacja Gamma"]
    # Every word still has to match somewhere: the sphere's name, a group's name or the text.
    assert names(client.get(URL, {"q": "fundacja mlodziezy"})) == ["Fundacja Alfa"]
    assert names(client.get(URL, {"q": "klub dzieci"})) == []
    # The English name of a sphere is searched too.
    assert names(client.get(URL, {"q": "youth"})) == ["Fundacja Alfa"]


def test_each_filter_narrows_the_list(client):
    dojlidy, centrum = make.district("Dojlidy"), make.district("Centrum")
    make.organization("Alfa", spheres=["ecology-animals"], district=dojlidy, target_groups=["zwierzeta"])
    make.organization("Beta", spheres=["culture"], district=centrum, legal_form=LegalForm.FOUNDATION,
                      is_opp=True, target_groups=["dzieci"])
    make.organization("Gamma", spheres=["culture", "sport"], district=centrum, looking_for_volunteers=True)

    assert names(client.get(URL, {"sfera": "culture"})) == ["Beta", "Gamma"]
    assert names(client.get(URL, {"osiedle": "dojlidy"})) == ["Alfa"]
    assert names(client.get(URL, {"forma": "fundacja"})) == ["Beta"]
    assert names(client.get(URL, {"grupa": "zwierzeta"})) == ["Alfa"]
    assert names(client.get(URL, {"opp": "1"})) == ["Beta"]
    assert names(client.get(URL, {"wolontariat": "on"})) == ["Gamma"]
    assert names(client.get(URL, {"sfera": "culture", "osiedle": "centrum", "wolontariat": "1"})) == ["Gamma"]


def test_the_report_filter_shows_organisations_that_published_a_report_for_that_year(client):
    alfa = make.organization("Alfa")
    beta = make.organization("Beta")
    AnnualReport.objects.create(organization=alfa, year=2025, kind=AnnualReport.Kind.ANNUAL_REPORT,
                                url="https://example.org/r.pdf")
    AnnualReport.objects.create(organization=beta, year=2024, kind=AnnualReport.Kind.FINANCIAL_STATEMENT,
                                url="https://example.org/f.pdf")

    assert names(client.get(URL, {"raport": "2025"})) == ["Alfa"]
    assert names(client.get(URL, {"raport": "2024"})) == ["Beta"]


def test_unpublished_organisations_are_not_listed_and_removed_ones_are_marked(client):
    make.organization("Ukryta", is_published=False)
    make.organization("Wykreślona", register_status=RegisterStatus.REMOVED)
    make.organization("W likwidacji", register_status=RegisterStatus.IN_LIQUIDATION)

    response = client.get(URL)

    assert names(response) == ["W likwidacji", "Wykreślona"]
    assert "wykreślona z rejestru" in response.content.decode()
    assert "w likwidacji</span>" in response.content.decode()


def test_it_sorts_by_name_both_ways_and_by_last_update(client):
    make.organization("Beta")
    alfa = make.organization("Alfa")
    make.organization("Gamma")
    Organization.objects.filter(pk=alfa.pk).update(updated_at=timezone.now() + datetime.timedelta(days=1))

    assert names(client.get(URL)) == ["Alfa", "Beta", "Gamma"]
    assert names(client.get(URL, {"sortuj": "nazwa-malejaco"})) == ["Gamma", "Beta", "Alfa"]
    assert names(client.get(URL, {"sortuj": "aktualizacja"}))[0] == "Alfa"


def test_it_shows_twenty_per_page_and_the_page_links_keep_the_filters(client):
    for n in range(45):
        make.organization(f"Fundacja Kultury {n:02d}", spheres=["culture"])
    make.organization("Klub Sportowy", spheres=["sport"])

    first = client.get(URL, {"q": "kultury", "sfera": "culture", "osiedle": ""})
    body = first.content.decode()

    assert len(names(first)) == 20
    assert "Znaleziono organizacji: 45" in body
    next_link = re.search(r'href="([^"]+)" rel="next"', body).group(1).replace("&amp;", "&")
    assert next_link == "?q=kultury&sfera=culture&page=2"  # empty parameters dropped, filters kept
    third = client.get(URL + next_link.replace("page=2", "page=3"))
    assert names(third) == [f"Fundacja Kultury {n:02d}" for n in range(40, 45)]
    assert 'href="?q=kultury&amp;sfera=culture&amp;page=2" rel="prev"' in third.content.decode()


def test_export_and_map_links_carry_the_current_filters(client):
    make.organization("Alfa", spheres=["culture"])

    body = client.get(URL, {"q": "alfa", "sfera": "culture", "sortuj": "nazwa"}).content.decode()

    assert 'href="/organizacje/eksport.csv?q=alfa&amp;sfera=culture"' in body
    assert 'href="/organizacje/eksport.xlsx?q=alfa&amp;sfera=culture"' in body
    assert 'href="/organizacje/eksport.json?q=alfa&amp;sfera=culture"' in body
    assert 'href="/organizacje/mapa/?q=alfa&amp;sfera=culture"' in body


def test_the_page_works_without_javascript_and_loads_htmx_only_as_an_enhancement(client):
    body = client.get(URL).content.decode()

    assert '<form class="directory__filters" method="get" action="/organizacje/"' in body
    assert '<button type="submit" class="button">Pokaż wyniki</button>' in body
    assert "vendor/htmx/htmx.min.js" in body
    assert "leaflet" not in body


def test_an_htmx_request_gets_only_the_results_and_the_count_out_of_band(client):
    make.organization("Alfa")

    response = client.get(URL, {"q": "alfa"}, headers={"HX-Request": "true"})
    body = response.content.decode()

    assert "<html" not in body
    assert "Alfa" in body
    assert 'id="result-count"' in body and 'hx-swap-oob="innerHTML"' in body
    assert "HX-Request" in response["Vary"]


def test_sphere_names_follow_the_language(client):
    make.organization("Alfa", spheres=["culture"])

    polish = client.get(URL).content.decode()
    english = client.get("/en" + URL).content.decode()

    assert "Kultury, sztuki, ochrony dóbr kultury i dziedzictwa narodowego" in polish
    assert "Culture, arts, cultural heritage" in english


def test_invalid_parameters_are_reported_and_ignored_without_an_error(client):
    make.organization("Alfa")

    response = client.get(URL, {"sfera": "nie-ma-takiej", "raport": "dwa tysiące", "sortuj": "losowo", "page": "x"})

    assert response.status_code == 200
    assert names(response) == ["Alfa"]
    assert response.content.decode().count('class="errorlist"') == 3


@pytest.mark.parametrize("rows", [5, 50])
def test_the_list_runs_a_constant_number_of_queries(client, django_assert_num_queries, rows):
    dojlidy = make.district("Dojlidy")
    for n in range(rows):
        make.organization(f"Fundacja {n:02d}", spheres=["culture", "sport"], district=dojlidy, is_opp=n % 2 == 0)

    # the form's four choice lists (spheres, districts, target groups, the Team's groups); the names of the
    # spheres and target groups the search reads; count; page; spheres
    with django_assert_num_queries(8):
        response = client.get(URL, {"sfera": "culture", "q": "fundacja"})
    assert response.status_code == 200

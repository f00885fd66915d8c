"""The 1.5% list /1-5-procent/ and its printable leaflet: the organisations named in the newest official list."""

import datetime as dt

import pytest

from partnerstwo.organizations.models import OppListEdition, OppListEntry, Organization, RegisterStatus
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [org.name for org in response.context["page_obj"].object_list]


def on_the_list(*organizations, year=2025, as_of=dt.date(2025, 12, 15)) -> OppListEdition:
    """An edition of the official list naming these organisations (and all marked OPP when none are given)."""
    organizations = organizations or Organization.objects.filter(is_opp=True)
    edition = OppListEdition.objects.create(year=year, as_of=as_of, source_name="wykaz.xlsx",
                                            source_url="https://niw.gov.pl/opp/wykaz-opp/")
    for number, organization in enumerate(organizations, start=1):
        OppListEntry.objects.create(edition=edition, krs=organization.krs or f"{number:010d}",
                                    name=organization.name.upper(), organization=organization)
    return edition


def test_it_lists_published_public_benefit_organisations_that_were_not_removed(client):
    make.organization("Alfa OPP", is_opp=True, opp_purpose="leczenie dzieci", spheres=["health"])
    make.organization("Beta zwykła")
    make.organization("Gamma ukryta", is_opp=True, is_published=False)
    make.organization("Delta wykreślona", is_opp=True, register_status=RegisterStatus.REMOVED)
    on_the_list()

    response = client.get("/1-5-procent/")

    assert names(response) == ["Alfa OPP"]
    body = response.content.decode()
    assert "leczenie dzieci" in body
    assert "Ochrony i promocji zdrowia" in body


def test_the_krs_number_is_selectable_text_with_a_copy_button_for_javascript(client):
    org = make.organization("Alfa OPP", is_opp=True, krs="0000012345")
    on_the_list()

    body = client.get("/1-5-procent/").content.decode()

    assert f'<span class="krs-number" id="krs-{org.pk}">0000012345</span>' in body
    assert f'data-copy="#krs-{org.pk}"' in body
    assert 'class="js-only copy-button"' in body and "hidden>" in body  # shown by site.js only
    assert f'<a href="{org.get_absolute_url()}">Alfa OPP</a>' in body


def test_the_search_folds_diacritics_and_reads_the_purpose(client):
    make.organization("Fundacja Łąki", is_opp=True, opp_purpose="ochrona ptaków")
    make.organization("Fundacja Rzeki", is_opp=True, opp_purpose="sprzątanie")
    on_the_list()

    assert names(client.get("/1-5-procent/", {"q": "laki"})) == ["Fundacja Łąki"]
    assert names(client.get("/1-5-procent/", {"q": "PTAKOW"})) == ["Fundacja Łąki"]


def test_the_leaflet_lists_them_all_with_the_instructions_on_one_printable_page(client):
    for n in range(60):
        make.organization(f"Fundacja {n:02d}", is_opp=True, opp_purpose=f"cel {n}")
    on_the_list()

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
    on_the_list()

    body = client.get("/1-5-procent/ulotka/", {"q": "laki"}).content.decode()

    assert "Fundacja Łąki" in body and "Fundacja Rzeki" not in body


def test_only_organisations_named_in_the_newest_edition_are_listed_with_its_year_and_date(client):
    alfa = make.organization("Alfa na liście", is_opp=True)
    beta = make.organization("Beta z KRS, spoza wykazu", is_opp=True)
    gamma = make.organization("Gamma bez flagi, w wykazie")
    on_the_list(alfa, beta, year=2024, as_of=dt.date(2024, 11, 30))
    on_the_list(alfa, gamma, year=2025, as_of=dt.date(2025, 11, 30))
    on_the_list(alfa, year=2024, as_of=dt.date(2025, 12, 15))  # a later update of an older year is not newer

    response = client.get("/1-5-procent/")

    assert names(response) == ["Alfa na liście", "Gamma bez flagi, w wykazie"]
    body = response.content.decode()
    assert "za rok 2025, wydanie z 30 listopada 2025" in body
    assert 'href="https://niw.gov.pl/opp/wykaz-opp/"' in body
    assert "Dla pracowników" not in body and beta.name not in body
    leaflet = client.get("/1-5-procent/ulotka/").content.decode()
    assert "za rok 2025" in leaflet and beta.name not in leaflet


def test_without_any_edition_the_list_is_empty_and_says_why(client):
    make.organization("Alfa OPP", is_opp=True)

    response = client.get("/1-5-procent/")

    assert names(response) == []
    assert "nie został jeszcze wczytany" in response.content.decode()


@pytest.mark.parametrize("role", ["official_x", "administrator"])
def test_staff_see_the_organisations_marked_opp_that_the_newest_edition_leaves_out(client, request, role):
    alfa = make.organization("Alfa na liście", is_opp=True)
    make.organization("Beta spoza wykazu", is_opp=True, krs="0000222222")
    make.organization("Delta wykreślona", is_opp=True, register_status=RegisterStatus.REMOVED)
    on_the_list(alfa)
    client.force_login(request.getfixturevalue(role))

    body = client.get("/1-5-procent/").content.decode()

    assert "Dla pracowników" in body
    assert "1 organizacja ma w katalogu status OPP" in body
    assert "Beta spoza wykazu</a> (KRS 0000222222)" in body
    assert "Delta wykreślona" not in body


@pytest.mark.parametrize("role", ["resident", "representative_a", "team_member"])
def test_others_do_not_see_the_staff_note(client, request, role):
    make.organization("Beta spoza wykazu", is_opp=True)
    on_the_list(make.organization("Alfa na liście", is_opp=True))
    client.force_login(request.getfixturevalue(role))

    assert "Beta spoza wykazu" not in client.get("/1-5-procent/").content.decode()


@pytest.mark.parametrize("rows", [3, 40])
@pytest.mark.parametrize(("url", "queries"), [("/1-5-procent/", 4), ("/1-5-procent/ulotka/", 3)])
def test_the_lists_run_a_constant_number_of_queries(client, django_assert_num_queries, rows, url, queries):
    for n in range(rows):
        make.organization(f"Fundacja {n:02d}", is_opp=True, spheres=["health", "culture"])
    on_the_list()

    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("rows", [3, 80])
def test_the_staff_view_of_the_list_runs_a_constant_number_of_queries(client, official_x, rows,
                                                                      django_assert_max_num_queries):
    for n in range(rows):
        make.organization(f"Fundacja {n:02d}", is_opp=True, spheres=["health"])
    on_the_list(*Organization.objects.all()[: rows // 2])
    client.force_login(official_x)

    with django_assert_max_num_queries(12):  # session, user, 2FA state, edition, page, spheres, the missing ones
        assert client.get("/1-5-procent/").status_code == 200

"""The public pages: the list (in force, next year's, archive), a programme with its sections, funds, duties,
consultation, adoption and versions, the versions and their comparison; drafts stay out; the list's queries do not
grow with the number of programmes."""

import pytest

from partnerstwo.programme.tests import factories as f

pytestmark = pytest.mark.django_db


def test_the_list_shows_this_years_programme_first_then_next_years_then_the_archive(client, department_x,
                                                                                   official_x):
    past = f.adopted(department_x, by=official_x, year=2025)
    current = f.adopted(department_x, by=official_x, year=2026)
    coming = f.in_consultation(department_x, by=official_x, year=2027)
    draft = f.programme(department_x, year=2028, title="Roboczy projekt 2028")
    html = client.get("/program-wspolpracy/").content.decode()
    assert html.index(current.title) < html.index(coming.title) < html.index(past.title)
    assert draft.title not in html
    assert "<title>Program współpracy z organizacjami pozarządowymi – " in html
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_programme_page_shows_its_sections_funds_duties_consultation_and_versions(client, department_x,
                                                                                      official_x):
    programme = f.in_consultation(department_x, by=official_x)
    html = client.get(programme.get_absolute_url()).content.decode()
    assert f"<title>{programme.title} – " in html
    for text in ["Spis treści", 'href="#objectives"', "1. Cel główny i cele szczegółowe programu",
                 "11. Tryb powoływania", "Festiwal kultury", "100 000,00", "Konsultacje projektu programu z "
                 "organizacjami", "30 listopada 2026", "31 maja 2028", programme.consultation.get_absolute_url(),
                 "Wersje", "Projekt skierowany do konsultacji"]:
        assert text.replace(" ", "\xa0") in html or text in html, text
    # The working versions before the consultation are the department's.
    assert "Utworzenie programu" not in html


def test_the_bodys_opinion_shows_once_decided(client, department_x, official_x):
    from partnerstwo.team.models import Position

    programme = f.in_consultation(department_x, by=official_x)
    consultation = programme.consultation
    position = Position.objects.create(body=_body(), kind="opinion", title="Opinia o programie 2027",
                                       concerns="programme", text="Opinia.", status="draft")
    consultation.team_position = position
    consultation.save()
    html = client.get(programme.get_absolute_url()).content.decode()
    assert "w przygotowaniu" in html and "Opinia o programie 2027" not in html
    Position.objects.filter(pk=position.pk).update(status="adopted", register_year=2026, register_number=7)
    html = client.get(programme.get_absolute_url()).content.decode()
    assert "Opinia o programie 2027" in html and position.get_absolute_url() in html


def _body():
    from partnerstwo.team.models import Body

    return Body.objects.the_body()


def test_versions_and_their_comparison(client, department_x, official_x):
    from partnerstwo.programme import editing

    programme = f.in_consultation(department_x, by=official_x)
    programme.objectives = "Cel zmieniony po konsultacjach."
    programme.save()
    editing.record_version(programme, by=official_x, note="Po konsultacjach")
    html = client.get(f"{programme.get_absolute_url()}wersje/").content.decode()
    assert "Po konsultacjach" in html and "Utworzenie programu" not in html
    first, last = programme.versions.order_by("number").filter(status="consultation")[0], programme.versions.first()
    response = client.get(f"{programme.get_absolute_url()}wersje/porownanie/?od={first.number}&do={last.number}")
    html = response.content.decode()
    assert response.status_code == 200 and "<ins>" in html and "<del>" in html and "Cel główny i cele" in html
    assert f"Porównanie wersji {first.number} i {last.number}" in html
    # A draft version is not public, and nonsense gives 404, not 500.
    draft_version = programme.versions.get(number=1)
    assert client.get(f"{programme.get_absolute_url()}wersje/porownanie/?od={draft_version.number}").status_code == 404
    assert client.get(f"{programme.get_absolute_url()}wersje/porownanie/?od=abc").status_code == 404


def test_the_consultation_page_links_to_its_programme(client, department_x, official_x):
    programme = f.in_consultation(department_x, by=official_x)
    html = client.get(programme.consultation.get_absolute_url()).content.decode()
    assert programme.get_absolute_url() in html


def test_the_footer_links_to_the_programme(client, db):
    assert 'href="/program-wspolpracy/"' in client.get("/").content.decode()


def test_the_list_runs_a_constant_number_of_queries(client, department_x, official_x, django_assert_max_num_queries):
    f.adopted(department_x, by=official_x, year=2026)
    client.get("/program-wspolpracy/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get("/program-wspolpracy/")
    for year in range(2010, 2026):
        f.adopted(department_x, by=official_x, year=year)
    f.in_consultation(department_x, by=official_x, year=2027)
    with django_assert_max_num_queries(len(small)):
        assert client.get("/program-wspolpracy/").status_code == 200


def test_the_programme_page_runs_a_constant_number_of_queries(client, department_x, official_x,
                                                              django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from partnerstwo.programme.models import PlannedFunds, Priority

    programme = f.adopted(department_x, by=official_x, year=2026)
    client.get(programme.get_absolute_url())
    with CaptureQueriesContext(connection) as small:
        client.get(programme.get_absolute_url())
    for position in range(2, 20):
        priority = Priority.objects.create(programme=programme, position=position, sphere=f.sphere("sport"),
                                           title=f"Zadanie {position}")
        PlannedFunds.objects.create(programme=programme, year=2026, sphere=f.sphere("sport"), priority=priority,
                                    amount=position)
    with django_assert_max_num_queries(len(small)):
        assert client.get(programme.get_absolute_url()).status_code == 200

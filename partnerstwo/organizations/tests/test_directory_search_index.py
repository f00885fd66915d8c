"""The search runs on one folded column: a trigram index serves it on PostgreSQL, an FTS5 trigram table on
SQLite (docs/decisions/0014), with the same results as the LIKE scan it replaces."""

import pytest
from django.db import connection

from partnerstwo.lib import substring_index
from partnerstwo.organizations.models import SEARCH_INDEX, Organization
from partnerstwo.organizations.tests import factories as make

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own substring index")

pytestmark = pytest.mark.django_db


def test_the_search_is_served_by_the_trigram_index_on_postgresql_and_by_like_on_sqlite():
    make.organization("Fundacja Ochrony Zwierząt")
    make.organization("Klub Szachowy")
    search = Organization.objects.public().search("zwierzat")

    assert [org.name for org in search] == ["Fundacja Ochrony Zwierząt"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'organization_search_trgm'")
            (definition,) = cursor.fetchone()
            assert "gin (search_text gin_trgm_ops)" in definition
            # With a handful of rows a sequential scan is cheaper; forbid it to see the index serve the query.
            cursor.execute("SET LOCAL enable_seqscan = off")
        plan = Organization.objects.search("zwierzat").order_by().explain()
        assert "organization_search_trgm" in plan, plan
    else:
        assert "MATCH" in str(search.query)
        assert "LIKE" not in str(search.query)
        assert "LIKE" in str(Organization.objects.search("zo").query)  # two letters have no trigram


DESCRIPTIONS = [
    ("Fundacja Ochrony Zwierząt „Łapa”", "Schronisko dla psów i kotów, Białystok-Dojlidy."),
    ("Stowarzyszenie Przyjaciół Łodzi", "Żeglarstwo na Zalewie Siemianówka; kursy 100% praktyczne."),
    ("Klub Sportowy \"Żubry\"", "Hokej na lodzie, ŁÓDŹ i okolice, drużyna_młodzieżowa."),
    ("Uczniowski Klub Szachowy Gambit", "Szachy dla dzieci i młodzieży; turnieje w Zespole Szkół nr 5."),
    ("Fundacja Rozwoju Przedsiębiorczości", "Doradztwo, szkolenia, mikropożyczki dla kobiet 50+."),
    ("Koło Gospodyń Wiejskich w Dojlidach", "Tradycje kulinarne Podlasia: babka ziemniaczana, kartacze."),
    ("Stowarzyszenie Zwierzęta i Ludzie", "Adopcje zwierząt, edukacja, wolontariat weekendowy."),
    ("Spółdzielnia Socjalna Ekologia", "Ogrody społeczne i kompostowanie; ekologia w mieście."),
]
QUERIES = [
    "zwierzat", "ZWIERZĄT", "zwierz", "lodz", "Łódź", "łodzi", "lo", "zu", "żubry", "\"zubry\"", "100%",
    "drużyna_młodzieżowa", "druzyna_mlodziezowa", "fundacja rozwoju", "klub sza", "dla", "dojlid", "ekologia",
    "ekolog miescie", "szkol", "50+", "babka ziemniaczana", "nr 5", "nieistniejace", "a b", "ą", "gosp wiej",
    "przyjaciol", "la", "psow kotow", "mikropozyczki",
]


@on_sqlite
def test_the_index_finds_exactly_what_the_like_scan_finds(monkeypatch):
    for name, description in DESCRIPTIONS:
        make.organization(name, description=description, town="Białystok")
    with_index = {q: sorted(Organization.objects.public().search(q).values_list("pk", flat=True)) for q in QUERIES}
    monkeypatch.setattr(substring_index, "trigram_supported", lambda connection: False)
    with_like = {q: sorted(Organization.objects.public().search(q).values_list("pk", flat=True)) for q in QUERIES}

    assert "LIKE" in str(Organization.objects.search("zwierzat").query)
    assert with_index == with_like
    assert sum(bool(found) for found in with_like.values()) >= 20, "the queries should find something"
    assert with_like["nieistniejace"] == []


@on_sqlite
def test_the_index_follows_every_write():
    org = make.organization("Fundacja Ochrony Zwierząt")
    assert list(Organization.objects.search("zwierzat")) == [org]

    org.name = "Fundacja Ochrony Przyrody"
    org.save()
    assert list(Organization.objects.search("zwierzat")) == []
    assert list(Organization.objects.search("przyrod")) == [org]

    Organization.objects.filter(pk=org.pk).update(search_text="klub kolarski")  # a bulk write skipping save()
    assert list(Organization.objects.search("kolarsk")) == [org]
    assert list(Organization.objects.search("przyrod")) == []

    (other,) = Organization.objects.bulk_create([Organization(
        name="Klub Kolarski Koło", slug="kolo", legal_form="stowarzyszenie", is_published=True,
        search_text="klub kolarski kolo")])
    assert Organization.objects.search("kolarsk").count() == 2

    org.delete()
    assert list(Organization.objects.search("kolarsk").values_list("name", flat=True)) == ["Klub Kolarski Koło"]


@on_sqlite
def test_ensure_puts_back_triggers_a_table_rebuild_dropped_and_refills_the_index():
    org = make.organization("Fundacja Ochrony Zwierząt")
    with connection.cursor() as cursor:  # what Django's SQLite schema editor does when it rebuilds the table
        for name in SEARCH_INDEX.triggers():
            cursor.execute(f"DROP TRIGGER {name}")
    Organization.objects.filter(pk=org.pk).update(search_text="klub szachowy")
    assert list(Organization.objects.search("szachow")) == []  # the index missed the write

    assert SEARCH_INDEX.ensure(connection) is True
    assert list(Organization.objects.search("szachow")) == [org]
    assert list(Organization.objects.search("zwierzat")) == []
    assert SEARCH_INDEX.ensure(connection) is False  # all in place: nothing to do


@on_sqlite
def test_a_database_without_the_index_is_searched_with_like_not_an_error():
    org = make.organization("Fundacja Ochrony Zwierząt")
    SEARCH_INDEX.drop(connection)  # as before migration 0008 (the test's transaction puts it back)
    search = Organization.objects.search("zwierzat")
    assert "LIKE" in str(search.query)
    assert list(search) == [org]
    SEARCH_INDEX.ensure(connection)
    assert "MATCH" in str(Organization.objects.search("zwierzat").query)

"""The search runs on one folded column: a trigram index serves it on PostgreSQL, LIKE scans on SQLite."""

import pytest
from django.db import connection

from partnerstwo.organizations.models import Organization
from partnerstwo.organizations.tests import factories as make

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
        assert "LIKE" in str(search.query)

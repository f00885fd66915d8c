"""The index behind the directory search, on PostgreSQL only.

search_text holds folded text and the search filters it with LIKE '%term%'; a trigram GIN index
serves those conditions. pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner
may create it; SQLite has no such index and scans (fine at a city's scale).
"""

from django.db import migrations


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS organization_search_trgm "
        "ON organizations_organization USING gin (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS organization_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("organizations", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]

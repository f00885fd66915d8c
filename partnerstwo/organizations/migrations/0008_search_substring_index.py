"""SQLite's substring index behind the directory search (docs/decisions/0013).

An FTS5 table with the trigram tokenizer over search_text, kept in step by triggers, serves the
search's words of three letters or more as pg_trgm's GIN index (migration 0002) does on PostgreSQL.
Nothing on PostgreSQL, nor on a SQLite older than 3.34 (the search then stays a LIKE). The app also
calls SEARCH_INDEX.ensure() after every migrate: a later migration that rebuilds the table drops the
triggers.
"""

from django.db import migrations

from partnerstwo.organizations.models import SEARCH_INDEX


def create_index(apps, schema_editor):
    SEARCH_INDEX.ensure(schema_editor.connection)


def drop_index(apps, schema_editor):
    SEARCH_INDEX.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("organizations", "0007_opp_list_editions")]

    operations = [migrations.RunPython(create_index, drop_index)]

"""A substring index for a folded search column on SQLite (docs/decisions/0014).

PostgreSQL serves `LIKE '%term%'` on a folded column with a pg_trgm GIN index (decision 0005). SQLite
reads every row for it; its own substring index is an FTS5 table with the trigram tokenizer (SQLite
3.34 or later). index_for() names such a table over one column of one table: an external-content
FTS5 table (it keeps the trigrams, the text stays in the table) kept in step by three triggers, so
every write (save(), update(), bulk_create, raw SQL) updates it in the same transaction.

A term of three characters or more is looked up as a phrase of the trigram index, which matches
exactly the rows whose column contains the term (case_sensitive 1: the column and the term are both
folded to lower case already, so this is the same as LIKE); a shorter term has no trigram and stays
a LIKE. ensure() creates what is missing and refills the index then: Django's SQLite schema editor
rebuilds a table to alter it, which drops its triggers, so the app calls ensure() after every migrate.
"""
# ruff: noqa: S608  (the SQL names tables and columns given in code, never anything a user typed)

import sqlite3
from dataclasses import dataclass

from django.db.models import BigIntegerField, F, Func, Q
from django.db.models.expressions import RawSQL
from django.db.models.lookups import In

MIN_TERM = 3  # the trigram tokenizer needs three characters


# Whether the index table is there, per database file: looked up once per process (a database migrated
# later is searched with LIKE until the app servers restart, which a deployment does anyway).
_present: dict[tuple[str, str], bool] = {}


def trigram_supported(connection) -> bool:
    return connection.vendor == "sqlite" and sqlite3.sqlite_version_info >= (3, 34, 0)


@dataclass(frozen=True)
class SubstringIndex:
    table: str  # the model's table
    column: str  # its folded search column
    pk: str = "id"

    @property
    def name(self) -> str:
        return f"{self.table}_{self.column}_fts"

    def triggers(self) -> dict[str, str]:
        fts, table, column, pk = self.name, self.table, self.column, self.pk
        insert = f"INSERT INTO {fts}(rowid, {column}) VALUES (new.{pk}, new.{column});"
        delete = f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.{pk}, old.{column});"
        return {
            f"{fts}_ai": f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
            f"{fts}_ad": f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
            f"{fts}_au": (
                f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {column}, {pk} ON {table} BEGIN {delete} {insert} END"
            ),
        }

    def _key(self, connection) -> tuple[str, str]:
        return (str(connection.settings_dict["NAME"]), self.name)

    def present(self, connection) -> bool:
        """The index exists in this database (an unmigrated one is searched with LIKE, never an error)."""
        if not trigram_supported(connection):
            return False
        key = self._key(connection)
        if key not in _present:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [self.name])
                _present[key] = cursor.fetchone() is not None
        return _present[key]

    def ensure(self, connection) -> bool:
        """Creates the index and its triggers where missing; refills the index if anything was missing
        (a write made while a trigger was gone would otherwise be left out). True if it did something."""
        if not trigram_supported(connection):
            return False
        triggers = self.triggers()
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
            existing = {row[0] for row in cursor.fetchall()} & {self.name, *triggers}
            _present[self._key(connection)] = True
            if existing == {self.name, *triggers}:
                return False
            if self.name not in existing:
                cursor.execute(
                    f"CREATE VIRTUAL TABLE {self.name} USING fts5({self.column}, content='{self.table}', "
                    f"content_rowid='{self.pk}', tokenize='trigram case_sensitive 1')"
                )
            for name, statement in triggers.items():
                if name not in existing:
                    cursor.execute(statement)
            cursor.execute(f"INSERT INTO {self.name}({self.name}) VALUES ('rebuild')")
        return True

    def drop(self, connection) -> None:
        if connection.vendor != "sqlite":
            return
        _present.pop(self._key(connection), None)
        with connection.cursor() as cursor:
            for name in self.triggers():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {self.name}")

    def contains(self, connection, term: str, *, lookup: str = "search_text") -> Q:
        """The rows whose column contains `term` (already folded): the index's phrase for three characters
        or more on SQLite, LIKE otherwise (and on PostgreSQL, where the trigram GIN index serves it)."""
        if len(term) < MIN_TERM or not self.present(connection):
            return Q(**{f"{lookup}__contains": term})
        phrase = '"' + term.replace('"', '""') + '"'
        matches = RawSQL(f"SELECT rowid FROM {self.name} WHERE {self.name} MATCH %s", [phrase])  # noqa: S611
        # "+id IN (…)": the unary plus keeps SQLite from driving the query by the primary key from the index's
        # matches and sorting them all (tens of thousands for a common word); it walks the name or date index
        # instead and looks each row up in the matches, which it reads once (bench_directory at 150,000:
        # "fundacja" 124 -> 56 ms of CPU, "przyjaciol" 71 -> 55 ms, a rare word with two filters 105 -> 116 ms).
        return Q(In(Func(F("pk"), template="+%(expressions)s", output_field=BigIntegerField()), matches))

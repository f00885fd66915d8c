"""Create or update organisations from a CSV/XLSX spreadsheet: `manage.py import_organizations FILE`."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from partnerstwo.lib.tabular.read import TableError
from partnerstwo.organizations import bulk_import


class Command(BaseCommand):
    help = "Importuje organizacje z arkusza CSV/XLSX (kolumny rozpoznawane po nagłówkach)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Sprawdź plik i pokaż błędy, niczego nie zapisując.")
        parser.add_argument("--only-valid", action="store_true",
                            help="Zaimportuj poprawne wiersze, nawet jeśli inne zawierają błędy.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Nie można odczytać pliku {path}: {error}") from error
        try:
            if options["dry_run"]:
                result = bulk_import.preview(content, path.name)
            else:
                result = bulk_import.apply(content, path.name, user=None, only_valid=options["only_valid"])
        except TableError as error:
            raise CommandError(str(error)) from error
        except ValidationError as error:
            result = bulk_import.preview(content, path.name)
            self._errors(result)
            raise CommandError(" ".join(error.messages)) from error
        self._errors(result)
        self.stdout.write(
            f"Wierszy: {result.rows}; nowe: {len(result.create)}; aktualizacje: {len(result.update)}; "
            f"bez zmian: {result.unchanged}; z błędami: {result.error_rows}."
        )
        if options["dry_run"]:
            self.stdout.write("Próba (--dry-run): niczego nie zapisano.")

    def _errors(self, result):
        for error in result.errors:
            column = f" [{error['column']}]" if error["column"] else ""
            self.stderr.write(f"Wiersz {error['row']}{column}: {error['message']}")

"""Load an edition of the official OPP list and mark the directory's organisations found in it:
`manage.py import_opp_list FILE --year 2025 --as-of 2025-12-15 [--source-url URL] [--dry-run]`."""

import datetime as dt
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from partnerstwo.lib.tabular.read import TableError
from partnerstwo.organizations import opp_list


class Command(BaseCommand):
    help = "Importuje wykaz OPP (XLSX lub CSV) z NIW-CRSO: oznacza organizacje z katalogu jako OPP."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--year", type=int, required=True, help="Rok podatkowy wykazu.")
        parser.add_argument("--as-of", type=dt.date.fromisoformat, required=True,
                            help="Data wydania (RRRR-MM-DD).")
        parser.add_argument("--source-url", default="", help="Adres dokumentu źródłowego.")
        parser.add_argument("--dry-run", action="store_true", help="Pokaż, co by się zmieniło, niczego nie zapisując.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Nie można odczytać pliku {path}: {error}") from error
        edition = {"year": options["year"], "as_of": options["as_of"].isoformat(), "source_url": options["source_url"]}
        try:
            opp_list.check_edition(options["year"], options["as_of"], today=timezone.localdate())
            if options["dry_run"]:
                result = opp_list.preview(content, path.name, edition=edition)
            else:
                result = opp_list.apply(content, path.name, user=None, edition=edition)
        except TableError as error:
            raise CommandError(str(error)) from error
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        verb = "Zmieniłoby się" if options["dry_run"] else "Zmieniono"
        self.stdout.write(f"Wierszy: {result.rows}; pozycji wykazu: {result.entries}; "
                          f"organizacji z katalogu w wykazie: {result.on_list}.")
        for item in result.changes:
            fields = ", ".join(item["changes"])
            self.stdout.write(f"  {item['krs']} {item['name']}: {fields}")
        self.stdout.write(f"{verb}: {len(result.changes)}; bez zmian: {result.unchanged}.")
        if result.absent_count:
            self.stdout.write(f"OPP w katalogu, których nie ma w wykazie (nie zmieniono): {result.absent_count}")
            for item in result.absent:
                self.stdout.write(f"  {item['krs'] or '—'} {item['name']}")
        if result.city_missing_count:
            self.stdout.write(f"OPP z miasta w wykazie, których nie ma w katalogu: {result.city_missing_count}")
        for item in result.invalid:
            self.stderr.write(f"Wiersz {item['row']}: „{item['value']}” — {item['message']}")
        if options["dry_run"]:
            self.stdout.write("Próba (--dry-run): niczego nie zapisano.")

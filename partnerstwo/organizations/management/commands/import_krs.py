"""Update (or add) many organisations from the KRS open API: `manage.py import_krs --file numbers.txt`.

Each number is a row (KrsImportItem) with a status, so running the same file again resumes where an
interrupted run stopped: done numbers are skipped, pending and failed ones are fetched again.
"""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.organizations import krs
from partnerstwo.organizations.models import KrsImportItem


class Command(BaseCommand):
    help = "Pobiera aktualne odpisy KRS dla numerów z pliku i aktualizuje katalog (wznawia przerwany import)."

    def add_arguments(self, parser):
        parser.add_argument("--file", required=True, help="Plik tekstowy: jeden numer KRS w wierszu.")
        parser.add_argument("--create-missing", action="store_true",
                            help="Dodaj do katalogu organizacje, których w nim jeszcze nie ma.")
        parser.add_argument("--delay", type=float, default=getattr(settings, "KRS_API_DELAY", 1.5),
                            help="Przerwa między zapytaniami do API KRS w sekundach (domyślnie 1,5).")
        parser.add_argument("--restart", action="store_true", help="Zacznij od nowa zamiast wznawiać.")
        parser.add_argument("--user", help="Adres e-mail konta, któremu przypisać zmiany w historii.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Nie można odczytać pliku {path}: {error}") from error
        user = None
        if options["user"]:
            user = User.objects.filter(email__iexact=options["user"]).first()
            if user is None:
                raise CommandError(f"Nie ma konta {options['user']}.")
        numbers, invalid = krs.read_numbers(text)
        for line, value, message in invalid:
            self.stderr.write(f"Wiersz {line}: „{value}” pominięty — {message}")
        if not numbers:
            raise CommandError("W pliku nie ma żadnego poprawnego numeru KRS.")

        run, resumed = krs.start_or_resume(
            numbers, source_name=path.name, create_missing=options["create_missing"], restart=options["restart"]
        )
        items = list(run.items.exclude(status__in=KrsImportItem.DONE).order_by("position"))
        total = run.items.count()
        if resumed:
            self.stdout.write(f"Wznawiam import z {run.started_at:%Y-%m-%d %H:%M}: zostało {len(items)} z {total}.")
        for index, item in enumerate(items):
            if index and options["delay"] > 0:
                time.sleep(options["delay"])
            status, message = krs.import_one(item, create_missing=run.create_missing, user=user)
            item.status, item.message, item.processed_at = status, message, timezone.now()
            item.save(update_fields=["status", "message", "processed_at"])
            label = KrsImportItem.Status(status).label
            self.stdout.write(f"[{item.position}/{total}] {item.krs}: {label}" + (f" — {message}" if message else ""))

        counts = dict.fromkeys(KrsImportItem.Status.values, 0)
        for status in run.items.values_list("status", flat=True):
            counts[status] += 1
        if not counts[KrsImportItem.Status.PENDING] and not counts[KrsImportItem.Status.ERROR]:
            run.finished_at = timezone.now()
            run.save(update_fields=["finished_at"])
        summary = ", ".join(f"{KrsImportItem.Status(s).label}: {n}" for s, n in counts.items() if n or s in (
            KrsImportItem.Status.UPDATED, KrsImportItem.Status.UNCHANGED, KrsImportItem.Status.NOT_FOUND,
            KrsImportItem.Status.ERROR,
        ))
        self.stdout.write(f"Podsumowanie ({total} numerów): {summary}.")
        if counts[KrsImportItem.Status.ERROR]:
            self.stdout.write("Numery z błędami zostaną pobrane ponownie po uruchomieniu z tym samym plikiem.")

"""Scheduled: moves competitions on with the calendar (announced → accepting on the last announcement day,
accepting → closed after the offer deadline). Idempotent: a second run in the same minute changes nothing."""

from django.core.management.base import BaseCommand

from partnerstwo.grants.competitions.lifecycle import advance_all


class Command(BaseCommand):
    help = "Otwiera nabór ofert w dniu ostatniego ogłoszenia i zamyka go po terminie składania ofert."

    def handle(self, *args, **options):
        moved = advance_all()
        if moved and options["verbosity"] > 1:
            self.stdout.write(f"advance_competitions: {moved} zmian stanu")

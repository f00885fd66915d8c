from django.core.management.base import BaseCommand

from partnerstwo.team.positions import voting


class Command(BaseCommand):
    help = "Closes the advisory body's electronic votes whose deadline passed (safe to run again)."

    def handle(self, *args, **options):
        closed = voting.close_due_votes()
        if closed:
            self.stdout.write(f"Zamknięte głosowania: {closed}")

from django.core.management.base import BaseCommand

from partnerstwo.newsletter.one_off import start_due


class Command(BaseCommand):
    help = "Starts the scheduled one-off mailings whose time has come (safe to run any time, and twice)."

    def handle(self, *args, **options):
        for mailing in start_due():
            self.stdout.write(f"Rozpoczęto zaplanowaną wysyłkę: {mailing.subject}")

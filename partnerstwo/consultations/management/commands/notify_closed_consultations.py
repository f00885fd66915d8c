from django.core.management.base import BaseCommand

from partnerstwo.consultations.notifications import notify_closed


class Command(BaseCommand):
    help = "Tells the followers of each consultation whose period has ended (once; safe to run every minute)."

    def handle(self, *args, **options):
        count = notify_closed()
        self.stdout.write(f"Consultations closed and announced to followers: {count}")

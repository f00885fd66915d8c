from django.core.management.base import BaseCommand

from partnerstwo.lib import ratelimit


class Command(BaseCommand):
    help = "Deletes the rate-limit counters of windows that have closed (safe to run any time)."

    def handle(self, *args, **options):
        deleted = ratelimit.purge_expired()
        if deleted:
            self.stdout.write(f"Usunięto liczniki limitów: {deleted}")

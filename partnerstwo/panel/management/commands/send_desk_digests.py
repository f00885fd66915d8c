from django.core.management.base import BaseCommand

from partnerstwo.panel import desk


class Command(BaseCommand):
    help = (
        "E-mails each official who chose the daily digest what waits in their queues, once a day from "
        "DESK_DIGEST_HOUR, and nothing when nothing waits (safe to run any time)."
    )

    def handle(self, *args, **options):
        queued = desk.send_daily_digests()
        if queued:
            self.stdout.write(f"Zestawienia spraw w panelu w kolejce do wysłania: {queued}")

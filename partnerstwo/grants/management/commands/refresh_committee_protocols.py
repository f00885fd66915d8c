from django.core.management.base import BaseCommand

from partnerstwo.grants.committees import protocol


class Command(BaseCommand):
    help = (
        "Queues again the stored protocols of committees whose data changed since they were made (at most every "
        f"{protocol.REFRESH_MINUTES} minutes each; safe to run any time)."
    )

    def handle(self, *args, **options):
        queued = protocol.refresh()
        if queued:
            self.stdout.write(f"Części protokołów komisji w kolejce do sporządzenia: {queued}")

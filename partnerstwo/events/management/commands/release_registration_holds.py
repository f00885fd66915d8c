from django.core.management.base import BaseCommand

from partnerstwo.events.registration import release_expired_holds


class Command(BaseCommand):
    help = (
        "Deletes event registrations whose address was not confirmed in time and moves the waiting list up "
        "into the places they held (safe to run any time)."
    )

    def handle(self, *args, **options):
        released = release_expired_holds()
        if released:
            self.stdout.write(f"Zwolniono niepotwierdzone zgłoszenia na wydarzenia: {released}")

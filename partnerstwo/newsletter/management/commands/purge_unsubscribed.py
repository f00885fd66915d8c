from django.core.management.base import BaseCommand

from partnerstwo.newsletter import subscriptions


class Command(BaseCommand):
    help = (
        "Deletes subscribers unsubscribed more than NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS (default 30) ago, "
        "keeping their consent records as proof (safe to run any time)."
    )

    def handle(self, *args, **options):
        deleted = subscriptions.purge_unsubscribed()
        if deleted:
            self.stdout.write(f"Usunięto wypisanych subskrybentów: {deleted}")

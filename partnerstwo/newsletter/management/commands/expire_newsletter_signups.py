from django.core.management.base import BaseCommand

from partnerstwo.newsletter import subscriptions


class Command(BaseCommand):
    help = "Deletes newsletter sign-ups (and their consent rows) not confirmed within 7 days (safe to run any time)."

    def handle(self, *args, **options):
        recipients, consents = subscriptions.expire_unconfirmed()
        if recipients or consents:
            self.stdout.write(f"Usunięto niepotwierdzone zapisy: {recipients}, zgody: {consents}")

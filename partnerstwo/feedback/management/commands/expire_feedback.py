from django.core.management.base import BaseCommand

from partnerstwo.feedback.models import FeedbackMessage


class Command(BaseCommand):
    help = "Deletes unconfirmed feedback whose confirmation link has expired (safe to run any time)."

    def handle(self, *args, **options):
        deleted, _ = FeedbackMessage.objects.expired().delete()
        if deleted:
            self.stdout.write(f"Usunięto niepotwierdzone uwagi: {deleted}")

from django.core.management.base import BaseCommand

from partnerstwo.newsletter import digest


class Command(BaseCommand):
    help = (
        "Sends the weekly events digest when it is due (NEWSLETTER_DIGEST_WEEKDAY, NEWSLETTER_DIGEST_HOUR, "
        "Europe/Warsaw); once a week however often it runs. Safe to run every minute."
    )

    def handle(self, *args, **options):
        mailing = digest.send_due()
        if mailing is not None:
            self.stdout.write(f"Przegląd wydarzeń od {mailing.period_start}: {mailing.deliveries.count()} odbiorców")

from django.core.management.base import BaseCommand

from partnerstwo.newsletter import alerts


class Command(BaseCommand):
    help = (
        "E-mails what was published or changed since the last look (events, competitions, deadline reminders), "
        "each item version once. Safe to run every minute, twice at once, or late."
    )

    def handle(self, *args, **options):
        report = alerts.run()
        sent = {source: count for source, count in report.items() if count}
        if sent:
            self.stdout.write("Powiadomienia: " + ", ".join(f"{source} {count}" for source, count in sent.items()))

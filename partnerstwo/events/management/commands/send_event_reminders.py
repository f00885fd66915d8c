from django.core.management.base import BaseCommand

from partnerstwo.events.registration import send_reminders


class Command(BaseCommand):
    help = "E-mails a reminder to everyone registered for an event that starts within a day (safe to run any time)."

    def handle(self, *args, **options):
        sent = send_reminders()
        if sent:
            self.stdout.write(f"Przypomnienia o wydarzeniach w kolejce do wysłania: {sent}")

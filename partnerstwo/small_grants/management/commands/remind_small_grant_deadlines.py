from django.core.management.base import BaseCommand

from partnerstwo.small_grants import procedure


class Command(BaseCommand):
    help = (
        "E-mails a department's officials when a small-grant offer must be published within 2 working days "
        "and when its comment period is over (each once; safe to run any time)."
    )

    def handle(self, *args, **options):
        sent = procedure.send_deadline_reminders()
        if sent:
            self.stdout.write(f"Przypomnienia o terminach małych grantów w kolejce do wysłania: {sent}")

from django.core.management.base import BaseCommand

from partnerstwo.grants.reports import reminders


class Command(BaseCommand):
    help = (
        "E-mails organisations before and on the due day of their grant reports, and departments about overdue "
        "ones (each once; safe to run any time)."
    )

    def handle(self, *args, **options):
        queued = reminders.send_reminders()
        if queued:
            self.stdout.write(f"Przypomnienia o sprawozdaniach w kolejce do wysłania: {queued}")

from django.core.management.base import BaseCommand

from partnerstwo.surveys.sending import remind_due


class Command(BaseCommand):
    help = "Sends the scheduled reminders of open needs surveys to organisations that have not answered (idempotent)."

    def handle(self, *args, **options):
        sent = remind_due()
        self.stdout.write(f"Przypomnienia: {len(sent)}")

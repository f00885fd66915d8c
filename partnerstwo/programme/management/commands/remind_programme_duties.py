from django.core.management.base import BaseCommand

from partnerstwo.programme import reminders


class Command(BaseCommand):
    help = "Reminds the officials of the cooperation programme's duties due soon, each once (safe to run again)."

    def handle(self, *args, **options):
        reminded = reminders.remind()
        if reminded:
            self.stdout.write(f"Przypomnienia o obowiązkach programu współpracy: {reminded}")

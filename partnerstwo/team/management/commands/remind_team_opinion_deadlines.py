from django.core.management.base import BaseCommand

from partnerstwo.team.positions import voting


class Command(BaseCommand):
    help = "Reminds the advisory body's members of opinions the Act asks for by a date (safe to run again)."

    def handle(self, *args, **options):
        reminded = voting.remind_of_deadlines()
        if reminded:
            self.stdout.write(f"Przypomnienia o terminach opinii: {reminded}")

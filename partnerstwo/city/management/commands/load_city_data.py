from django.core.management.base import BaseCommand

from partnerstwo.city.reference import load_districts


class Command(BaseCommand):
    help = "Loads the districts named in the city's configuration file (safe to run again)."

    def handle(self, *args, **options):
        created = load_districts()
        self.stdout.write(f"Osiedla: dodano {created}.")

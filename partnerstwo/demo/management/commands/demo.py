import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app that has demo data keeps it in its own demo.py with a load(stdout, **options)
# function; they run in this order because later ones refer to earlier ones' rows.
DEMO_MODULES = [
    "partnerstwo.city.demo",
    "partnerstwo.accounts.demo",
    "partnerstwo.organizations.demo",
    "partnerstwo.pages.demo",
    "partnerstwo.news.demo",
    "partnerstwo.feedback.demo",
]


class Command(BaseCommand):
    help = "Loads realistic demo data; running it again creates no duplicates."

    def handle(self, *args, **options):
        for module_name in DEMO_MODULES:
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError:
                continue
            self.stdout.write(f"{module_name.split('.')[1]}:")
            with transaction.atomic():
                module.load(self.stdout, **options)
        self.stdout.write(self.style.SUCCESS("Dane demonstracyjne gotowe."))

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

from partnerstwo.accounts.demo import account_rows, two_factor_note

# Each app that has demo data keeps it in its own demo.py with a load(stdout, **options)
# function; they run in this order because later ones refer to earlier ones' rows.
DEMO_MODULES = [
    "partnerstwo.city.demo",
    "partnerstwo.accounts.demo",
    "partnerstwo.organizations.demo",
    # Before events and grants: the demo Team member acts for the body only while she holds a seat.
    "partnerstwo.team.demo",
    "partnerstwo.events.demo",
    "partnerstwo.newsletter.demo_recipients",
    "partnerstwo.newsletter.demo_mailings",
    "partnerstwo.grants.schedule.demo",
    "partnerstwo.grants.competitions.demo",
    "partnerstwo.grants.committees.demo",
    # After the competitions: the body's opinion on one of them, and the alert of its adopted positions.
    "partnerstwo.team.positions.demo",
    "partnerstwo.newsletter.demo_alerts",
    "partnerstwo.grants.offers.demo",
    "partnerstwo.grants.agreements.demo",
    "partnerstwo.grants.reports.demo",
    "partnerstwo.small_grants.demo",
    "partnerstwo.consultations.demo",
    # After the consultations: next year's programme is the one in the consultations demo.
    "partnerstwo.programme.demo",
    "partnerstwo.pages.demo",
    "partnerstwo.news.demo",
    "partnerstwo.feedback.demo",
    "partnerstwo.practices.demo",
    "partnerstwo.orgnews.demo",
    "partnerstwo.partners.demo",
    "partnerstwo.campaigns.demo",
    # After the news, events and competitions it is compiled from.
    "partnerstwo.bulletin.demo",
    "partnerstwo.surveys.demo",
    # After the programmes' own demo: their indicators and last year's report (nothing when there is no programme).
    "partnerstwo.programme.monitoring_demo",
]


class Command(BaseCommand):
    help = "Loads realistic demo data; running it again creates no duplicates."

    def handle(self, *args, **options):
        # call_command(stdout=...) passes the streams as options too; loaders get them as their first argument.
        options = {name: value for name, value in options.items() if name not in ("stdout", "stderr")}
        for module_name in DEMO_MODULES:
            module = importlib.import_module(module_name)
            self.stdout.write(f"{module_name.split('.')[1]}:")
            with transaction.atomic():
                module.load(self.stdout, **options)
        self.stdout.write(self.style.SUCCESS("Dane demonstracyjne gotowe."))
        self.print_accounts()

    def print_accounts(self):
        """The last thing `make demo` shows before the server starts: who to sign in as."""
        rows = [("Rola", "E-mail", "Hasło"), *account_rows()]
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        line = "+" + "+".join("-" * (width + 2) for width in widths) + "+"
        self.stdout.write("")
        for note in two_factor_note():
            self.stdout.write(note)
        self.stdout.write("Konta demonstracyjne (logowanie: /konto/login/):")
        self.stdout.write(line)
        for index, row in enumerate(rows):
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("| " + " | ".join(cells) + " |")
            if index == 0:
                self.stdout.write(line)
        self.stdout.write(line)

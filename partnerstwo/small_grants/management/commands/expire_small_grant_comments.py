from django.core.management.base import BaseCommand

from partnerstwo.small_grants import procedure


class Command(BaseCommand):
    help = "Deletes comments on small-grant offers left unconfirmed for 7 days (safe to run any time)."

    def handle(self, *args, **options):
        deleted = procedure.expire_unconfirmed_comments()
        if deleted:
            self.stdout.write(f"Usunięto niepotwierdzone uwagi do małych grantów: {deleted}")

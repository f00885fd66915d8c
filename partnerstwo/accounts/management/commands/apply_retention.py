from django.core.management.base import BaseCommand

from partnerstwo.accounts import data_rights


class Command(BaseCommand):
    help = (
        "Applies every app's retention periods (see the privacy policy): deletes or anonymises what is kept "
        "no longer. Safe to run any time."
    )

    def handle(self, *args, **options):
        for label, counts in data_rights.apply_retention().items():
            for rule, count in counts.items():
                if count:
                    self.stdout.write(f"{label}.{rule}: {count}")

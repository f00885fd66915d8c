from django.core.management.base import BaseCommand

from partnerstwo.newsletter.organization_recipients import sync_organization_recipients


class Command(BaseCommand):
    help = "Makes organisation recipients agree with the directory's confirmed addresses (safe to run any time)."

    def handle(self, *args, **options):
        counts = sync_organization_recipients()
        if any(counts.values()):
            self.stdout.write(
                "Odbiorcy-organizacje: nowi {created}, zmienieni {updated}, wyłączeni {deactivated}".format(**counts)
            )

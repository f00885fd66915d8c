from django.core.management.base import BaseCommand

from partnerstwo.lib.scheduling import run_scheduled_jobs


class Command(BaseCommand):
    help = "Runs every scheduled job once (cron or a systemd timer calls this every minute)."

    def handle(self, *args, **options):
        results = run_scheduled_jobs()
        for command, outcome in results.items():
            self.stdout.write(f"{command}: {outcome}")
        if "failed" in results.values():
            raise SystemExit(1)

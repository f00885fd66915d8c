import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from partnerstwo.lib.scheduling import run_scheduled_jobs


class Command(BaseCommand):
    help = "Runs the scheduled jobs every minute until stopped (the demo's stand-in for cron)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="seconds between runs")

    def handle(self, *args, interval, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        while self.running:
            started = time.monotonic()
            run_scheduled_jobs()
            close_old_connections()
            while self.running and time.monotonic() - started < interval:
                time.sleep(0.5)

    def stop(self, *args):
        self.running = False

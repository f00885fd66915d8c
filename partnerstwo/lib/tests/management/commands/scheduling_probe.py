"""A scheduled job for the scheduler's tests: notes that it ran (in memory, and in PROBE_FILE if set)."""

import os

from django.core.management.base import BaseCommand

RUNS = []


class Command(BaseCommand):
    def handle(self, *args, **options):
        RUNS.append("scheduling_probe")
        if os.environ.get("PROBE_FILE"):
            with open(os.environ["PROBE_FILE"], "a") as probe:
                probe.write("ran\n")

"""A scheduled job for the scheduler's tests that always fails."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    def handle(self, *args, **options):
        raise RuntimeError("this job always fails")

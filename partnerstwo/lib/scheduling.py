"""The scheduled jobs: idempotent management commands run every minute.

Each app lists its own jobs in SCHEDULED_JOBS (settings). A job must be safe to run twice and
safe to run late: it works out what is due from the database, never from "the last minute".
"""

import logging

from django.conf import settings
from django.core.management import call_command

logger = logging.getLogger("partnerstwo.scheduler")


def run_scheduled_jobs() -> dict[str, str]:
    """Run every job once; one failing job does not stop the others."""
    results = {}
    for command in settings.SCHEDULED_JOBS:
        try:
            call_command(command)
        except Exception:
            logger.exception("Scheduled job %s failed", command)
            results[command] = "failed"
        else:
            results[command] = "ok"
    return results

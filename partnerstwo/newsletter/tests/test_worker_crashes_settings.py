"""Settings of the worker processes started by test_worker_crashes.py: the project's, with short leases.

(Not a test module; pytest collects it and finds nothing.) MAILING_* come from the environment here
so that the test can choose them; the project's settings.py keeps its own defaults.
"""

import os

from partnerstwo.settings import *  # noqa: F403

MAILING_BATCH_SIZE = int(os.environ.get("MAILING_BATCH_SIZE", "20"))
MAILING_RATE_PER_SECOND = float(os.environ.get("MAILING_RATE_PER_SECOND", "0"))
MAILING_PARALLEL_TASKS = int(os.environ.get("MAILING_PARALLEL_TASKS", "2"))
MAILING_LEASE_SECONDS = float(os.environ.get("MAILING_LEASE_SECONDS", "2"))
MAILING_RETRY_BASE_SECONDS = float(os.environ.get("MAILING_RETRY_BASE_SECONDS", "0"))
MAILING_MAX_ATTEMPTS = int(os.environ.get("MAILING_MAX_ATTEMPTS", "3"))

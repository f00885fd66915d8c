"""Real worker processes (`manage.py db_worker`, django-tasks-db) killed with SIGKILL while they send.

pytest's own SQLite database lives in memory, out of reach of other processes, so the workers get a
database of their own, migrated once for this module: a file for SQLite, a new database on the same
server for PostgreSQL (as tests/test_backup_restore.py does). The test process sets the data up and
reads the outcome with plain SQL through a short `manage.py shell` and the database driver; the SMTP
server is a real one on 127.0.0.1 in the test process. Leases are 1.5 s (test_worker_crashes_settings.py).
"""

import asyncio
import email
import email.policy
import json
import os
import random
import secrets
import signal
import sqlite3
import subprocess
import threading
import time
import urllib.parse
from collections import Counter
from contextlib import contextmanager

import pytest
from aiosmtpd.controller import Controller

from partnerstwo.lib.testing import _free_port
from tests.subprocesses import PYTHON, ROOT, clean_env, manage

ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
LEASE_SECONDS = 1.5
SETUP = """
from django.utils import timezone
from partnerstwo.newsletter import delivery
from partnerstwo.newsletter.models import Mailing, Recipient
prefix, count = "PREFIX", COUNT
now = timezone.now()
Recipient.objects.bulk_create(Recipient(email=f"{prefix}{n}@example.org", confirmed_at=now) for n in range(count))
mailing = Mailing.objects.create(subject="Test wysyłki " + prefix, body="Treść dla **wszystkich**.")
delivery.enqueue(mailing, Recipient.objects.filter(email__startswith=prefix))
delivery.start(mailing)
print(mailing.pk)
"""


class SlowRecorder:
    """A real SMTP server that takes a few milliseconds per message, so that kills land mid-batch."""

    def __init__(self):
        self.received = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        await asyncio.sleep(0.004)
        email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.received.update(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


@contextmanager
def sqlite_database(tmp_path):
    path = tmp_path / "workers.sqlite3"
    url = f"sqlite:///{path}"

    def query(sql, params=()):
        with sqlite3.connect(path, timeout=30) as connection:
            return connection.execute(sql, params).fetchall()

    yield url, query


@contextmanager
def postgresql_database():
    import psycopg

    server = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    name = f"mailing_workers_{secrets.token_hex(4)}"
    url = server._replace(path=f"/{name}").geturl()
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:

            def query(sql, params=()):
                with psycopg.connect(url, autocommit=True) as connection:
                    return connection.execute(sql.replace("?", "%s"), params).fetchall()

            yield url, query
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def smtp():
    recorder = SlowRecorder()
    port = _free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    recorder.port = port
    yield recorder
    controller.stop()


@pytest.fixture(scope="module")
def workers_database(tmp_path_factory):
    """(environment for manage.py, query function) of a migrated database the workers can reach."""
    tmp_path = tmp_path_factory.mktemp("workers")
    database = postgresql_database() if ON_POSTGRESQL else sqlite_database(tmp_path)
    with database as (url, query):
        env = clean_env(
            DEBUG="true", DATABASE_URL=url, VAR_DIR=str(tmp_path / "var"), LOG_LEVEL="WARNING",
            DJANGO_SETTINGS_MODULE="partnerstwo.newsletter.tests.test_worker_crashes_settings",
            MAILING_LEASE_SECONDS=str(LEASE_SECONDS), MAILING_BATCH_SIZE="20", EMAIL_HOST="127.0.0.1",
        )
        manage(env, "migrate", "--noinput", "-v0")
        yield env, query, tmp_path


class Workers:
    """db_worker processes, started and killed like an operator's (or the kernel's OOM killer) would."""

    def __init__(self, env, tmp_path):
        self.env, self.tmp_path, self.processes = env, tmp_path, []

    def start(self) -> subprocess.Popen:
        log = (self.tmp_path / f"worker-{len(self.processes)}.log").open("w")
        process = subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def alive(self) -> list[subprocess.Popen]:
        return [process for process in self.processes if process.poll() is None]

    def kill(self, process) -> None:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in self.alive():
            self.kill(process)


def start_mailing(env, prefix: str, count: int) -> int:
    """Recipients, a mailing to them, enqueued and started (start() enqueues the worker tasks)."""
    result = manage(env, "shell", "-c", SETUP.replace("PREFIX", prefix).replace("COUNT", str(count)))
    return int(result.stdout.strip().splitlines()[-1])


def statuses(query, mailing_id) -> dict[str, str]:
    rows = query("SELECT email, status FROM newsletter_delivery WHERE mailing_id = ?", (mailing_id,))
    return dict(rows)


def mailing_status(query, mailing_id) -> str:
    return query("SELECT status FROM newsletter_mailing WHERE id = ?", (mailing_id,))[0][0]


def sent_count(query, mailing_id) -> int:
    sql = "SELECT COUNT(*) FROM newsletter_delivery WHERE mailing_id = ? AND status = 'sent'"
    return query(sql, (mailing_id,))[0][0]


def held_by(query, mailing_id, pid) -> int:
    """Deliveries a worker process holds (claimed or being sent): the worker id starts with host:pid."""
    rows = query(
        "SELECT worker FROM newsletter_delivery WHERE mailing_id = ? AND status IN ('claimed', 'sending')",
        (mailing_id,),
    )
    return sum(1 for (worker,) in rows if worker.split(":")[1:2] == [str(pid)])


def recover(env) -> str:
    return manage(env, "recover_deliveries").stdout


def wait_until_done(env, query, mailing_id, timeout=60) -> None:
    deadline = time.monotonic() + timeout
    next_recovery = time.monotonic() + LEASE_SECONDS + 1
    while mailing_status(query, mailing_id) != "done":
        assert time.monotonic() < deadline, f"mailing not done: {Counter(statuses(query, mailing_id).values())}"
        if time.monotonic() > next_recovery:  # what the scheduler does every minute
            recover(env)
            next_recovery = time.monotonic() + LEASE_SECONDS + 1
        time.sleep(0.2)


def assert_nothing_twice_nothing_lost(smtp, query, mailing_id, prefix) -> Counter:
    final = statuses(query, mailing_id)
    received = Counter({address: n for address, n in smtp.received.items() if address.startswith(prefix)})
    assert set(received) <= set(final)
    assert max(received.values()) == 1, "someone got two messages"
    for address, status in final.items():
        assert status in {"sent", "failed", "uncertain"}, (address, status)
        if status == "sent":
            assert received[address] == 1, f"{address} is marked sent but got no message"
        if received[address] == 0:
            assert status in {"failed", "uncertain"}, f"{address} got nothing and is {status}"
    return Counter(final.values())


def wait_for_progress(query, mailing_id, since: int, timeout=8.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sent_count(query, mailing_id) > since or mailing_status(query, mailing_id) == "done":
            return True
        time.sleep(0.05)
    return False


def test_two_workers_share_a_mailing_without_sending_anything_twice(workers_database, smtp):
    env, query, tmp_path = workers_database
    env = {**env, "EMAIL_PORT": str(smtp.port)}
    workers = Workers(env, tmp_path)
    try:
        workers.start(), workers.start()
        time.sleep(1.5)  # both processes up and polling before the tasks arrive
        mailing_id = start_mailing(env, "para", 150)
        wait_until_done(env, query, mailing_id)
    finally:
        workers.stop_all()

    outcome = assert_nothing_twice_nothing_lost(smtp, query, mailing_id, "para")
    assert outcome == Counter({"sent": 150})
    pids = {worker.split(":")[1] for (worker,) in query(
        "SELECT worker FROM newsletter_delivery WHERE mailing_id = ?", (mailing_id,))}
    assert len(pids) == 2, "both workers sent part of the mailing"


def test_workers_killed_at_random_moments_never_send_twice_nor_lose_a_delivery_silently(workers_database, smtp):
    env, query, tmp_path = workers_database
    env = {**env, "EMAIL_PORT": str(smtp.port)}
    rng = random.Random()
    workers = Workers(env, tmp_path)
    kills, mid_batch = 0, 0
    try:
        workers.start(), workers.start()
        time.sleep(1.5)
        # Enough messages that five rounds of kills always land before the end, even on a fast machine.
        mailing_id = start_mailing(env, "awaria", 1000)
        for round_number in range(5):
            if not wait_for_progress(query, mailing_id, sent_count(query, mailing_id)):
                recover(env)  # every worker task died: the scheduled job starts new ones
                assert wait_for_progress(query, mailing_id, sent_count(query, mailing_id)), "no worker took over"
            if mailing_status(query, mailing_id) == "done":
                break
            time.sleep(rng.uniform(0.05, 0.3))
            victims = workers.alive() if round_number % 2 else [rng.choice(workers.alive())]
            for victim in victims:
                mid_batch += held_by(query, mailing_id, victim.pid) > 0
                workers.kill(victim)
                kills += 1
            for _victim in victims:
                workers.start()
            if len(victims) > 1:
                time.sleep(LEASE_SECONDS)
                recover(env)  # the dead workers' tasks stay "running" in django-tasks-db: new ones
        wait_until_done(env, query, mailing_id)
    finally:
        workers.stop_all()

    outcome = assert_nothing_twice_nothing_lost(smtp, query, mailing_id, "awaria")
    print(f"kills: {kills}, mid-batch: {mid_batch}, outcome: {json.dumps(outcome)}")
    assert kills >= 5 and mid_batch >= 3
    assert outcome["sent"] >= 900

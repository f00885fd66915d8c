"""python -m bench.bench_mailing: a mailing to 100,000 recipients delivered to a local SMTP sink.

For each size (default 10,000 then 100,000 recipients): creates the recipients (bulk inserts), times
delivery.enqueue, then runs one worker (worker.run_worker, what the db_worker task runs) in a
process of its own against an aiosmtpd process that discards every message, and records messages
per second and the worker process's peak memory (VmHWM). The baseline is a bare smtplib loop
that sends the same messages (built beforehand, not timed) over one connection to the same sink:
the physical limit here. Reported: the worker's rate as a share of the bare loop's (target ≥ 0.9, issue 18)
and the peak memory at both sizes (target: flat).

SQLite: a new database file var/bench/mailing.sqlite3 on each run.
PostgreSQL: `bin/with-postgres .venv/bin/python -m bench.bench_mailing` (a throwaway server).
Results: a table on stdout and bench/results/mailing-<database>.json; figures in docs/performance.md.
"""

import argparse
import datetime as dt
import json
import os
import platform
import smtplib
import socket
import subprocess
import sys
import time

from bench.__main__ import RESULTS_DIR, ROOT, configure_environment, describe_database, git_commit

PREFIX = "bench-mailing-"
BARE_MESSAGES = 5000
BODY = """Szanowni Państwo,

Centrum Współpracy Organizacji Pozarządowych zaprasza na **szkolenie z rozliczania dotacji**
w ramach otwartych konkursów ofert. Szczegóły i zapisy: [kalendarz wydarzeń](/wydarzenia/).

- termin: 10 grudnia 2026 r., godz. 10:00
- miejsce: ul. Świętojańska 22 lok. 1
- prowadzenie: Departament Spraw Społecznych
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_sink(port: int) -> subprocess.Popen:
    sink = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Sink"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return sink
        except OSError:
            if time.monotonic() > deadline or sink.poll() is not None:
                raise SystemExit("bench: the aiosmtpd sink did not start") from None
            time.sleep(0.1)


def create_recipients(size: int) -> None:
    from django.utils import timezone

    from partnerstwo.newsletter.models import Recipient

    now = timezone.now()
    prefix = f"{PREFIX}{size}-"
    existing = Recipient.objects.filter(email__startswith=prefix).count()
    for start in range(existing, size, 5000):
        Recipient.objects.bulk_create(
            Recipient(email=f"{prefix}{n:06d}@example.org", confirmed_at=now)
            for n in range(start, min(size, start + 5000))
        )


def new_mailing(size: int):
    from partnerstwo.newsletter.models import Mailing

    return Mailing.objects.create(subject=f"Zaproszenie na szkolenie ({size})", body=BODY)


def time_enqueue(mailing, size: int) -> tuple[int, float]:
    from partnerstwo.newsletter import delivery
    from partnerstwo.newsletter.models import Mailing, Recipient

    started = time.perf_counter()
    created = delivery.enqueue(mailing, Recipient.objects.filter(email__startswith=f"{PREFIX}{size}-"))
    seconds = time.perf_counter() - started
    # Sending without start(): the bench runs the worker itself instead of a db_worker process.
    Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.Status.SENDING)
    return created, seconds


def run_worker_process(mailing_id: int, env: dict) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "bench.bench_mailing", "--worker", str(mailing_id)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench: the worker failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def worker_main(mailing_id: int) -> None:
    """The worker process: Django started, then one worker over the whole mailing."""
    import django

    django.setup()
    from partnerstwo.newsletter import worker

    rss_started = memory_kib("VmRSS")
    started = time.perf_counter()
    done = worker.run_worker(mailing_id)
    seconds = time.perf_counter() - started
    peak = memory_kib("VmHWM")
    print(json.dumps({**done, "seconds": seconds, "peak_rss_kib": peak, "rss_after_setup_kib": rss_started}))


def memory_kib(field: str) -> int:
    """VmHWM (peak resident memory) or VmRSS of this process, from Linux's /proc. Not ru_maxrss: Linux
    carries that over from the parent through fork and exec, so it would show the bench's own peak."""
    for line in open("/proc/self/status").read().splitlines():  # noqa: SIM115
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0


def bare_loop(mailing, port: int, count: int) -> dict:
    """The same messages (built by content.build_message, not timed) sent with smtplib over one connection."""
    from partnerstwo.newsletter.content import build_message

    payloads = []
    for row in mailing.deliveries.select_related("recipient").order_by("pk")[:count]:
        row.mailing = mailing
        message = build_message(row)
        payloads.append((message.from_email, row.email, message.message().as_bytes(linesep="\r\n")))
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for sender, recipient, payload in payloads:
            smtp.sendmail(sender, [recipient], payload)
    seconds = time.perf_counter() - started
    return {"messages": len(payloads), "seconds": round(seconds, 2), "per_second": round(len(payloads) / seconds),
            "message_bytes": len(payloads[0][2])}


def count_statuses(mailing) -> dict:
    from partnerstwo.newsletter import delivery

    return {status: count for status, count in delivery.progress(mailing).items() if count}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_mailing", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="recipients per mailing (default 10000,100000)")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)  # internal: run one worker process
    parser.add_argument("--allow-remote-database", action="store_true")
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if options.worker:
        worker_main(options.worker)
        return
    sizes = sorted(int(size) for size in options.sizes.split(","))

    configure_environment(options.allow_remote_database)
    sqlite_file = ROOT / "var" / "bench" / "mailing.sqlite3"
    if not os.environ.get("DATABASE_URL"):
        sqlite_file.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            sqlite_file.with_name(sqlite_file.name + suffix).unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{sqlite_file}"
    port = free_port()
    os.environ.update(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port), EMAIL_USE_TLS="false", EMAIL_USE_SSL="false")

    import django

    django.setup()
    from django.core.management import call_command

    print("Migrating a fresh database…", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    sink = start_sink(port)
    report = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": git_commit(), "database": describe_database(), "django": django.get_version(),
        "python": platform.python_version(), "machine": platform.platform(), "cpus": os.cpu_count(),
        "load_average_before": " ".join(f"{load:.1f}" for load in os.getloadavg()), "runs": [],
    }
    try:
        for size in sizes:
            print(f"{size} recipients: creating, enqueueing, sending…", flush=True)
            create_recipients(size)
            mailing = new_mailing(size)
            created, enqueue_seconds = time_enqueue(mailing, size)
            worker = run_worker_process(mailing.pk, dict(os.environ))
            run = {
                "recipients": size, "enqueued": created, "enqueue_seconds": round(enqueue_seconds, 2),
                "worker_seconds": round(worker["seconds"], 2),
                "worker_per_second": round(worker["sent"] / worker["seconds"]),
                "worker_peak_rss_mib": round(worker["peak_rss_kib"] / 1024, 1),
                "worker_rss_after_setup_mib": round(worker["rss_after_setup_kib"] / 1024, 1),
                "statuses": count_statuses(mailing),
                "load_average": " ".join(f"{load:.1f}" for load in os.getloadavg()),
            }
            # Right after the worker, so that both see the same machine (other jobs come and go).
            run["bare_loop"] = bare_loop(mailing, port, BARE_MESSAGES)
            run["ratio_to_bare"] = round(run["worker_per_second"] / run["bare_loop"]["per_second"], 2)
            print(f"  {run}", flush=True)
            report["runs"].append(run)
    finally:
        sink.terminate()
        sink.wait(timeout=10)
    print_table(report)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    from django.db import connection

    path = RESULTS_DIR / f"mailing-{connection.vendor}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten to {path}")


def print_table(report: dict) -> None:
    print(f"\nMailing benchmark, {report['date']}: {report['database']}, {report['cpus']} CPUs\n")
    print(f"{'recipients':>10}  {'enqueue s':>9}  {'send s':>7}  {'msg/s':>6}  {'bare msg/s':>10}  {'ratio':>5}  "
          f"{'peak RSS MiB':>12}  statuses")
    for run in report["runs"]:
        print(f"{run['recipients']:>10}  {run['enqueue_seconds']:>9}  {run['worker_seconds']:>7}  "
              f"{run['worker_per_second']:>6}  {run['bare_loop']['per_second']:>10}  {run['ratio_to_bare']:>5}  "
              f"{run['worker_peak_rss_mib']:>12}  {run['statuses']}")
    print(f"\nbare loop: {BARE_MESSAGES} of the same messages ({report['runs'][-1]['bare_loop']['message_bytes']} B) "
          "with smtplib over one connection, right after each worker run. Target: ratio ≥ 0.9, flat memory.")


if __name__ == "__main__":
    main()

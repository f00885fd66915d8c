"""python -m bench.bench_load: fifty people at once on the public pages, with wrk against gunicorn.

Starts gunicorn (2 sync workers, as a small server runs it) with the production-like settings of
`python -m bench` (DEBUG off, manifest static files, a fresh secret) on the demo data, with the bare
view of bench/urls.py beside the site. Then wrk (Debian's; `make bench-load` installs it) keeps
50 connections busy for 2 minutes (--duration) on a mix that rotates over the home page, directory
searches, calendar months and event pages (bench/load.lua), and for a shorter time on the bare view
alone: requests per second beside the bare view's, latency percentiles, and every answer that was
not 2xx. Targets: no error, p95 at most 300 ms.

--grow (PostgreSQL, `make bench-load-postgres`): production as it grows: two gunicorn servers on two
ports (wrk's threads shared out between them), two `manage.py db_worker` processes on the same
database, and a mailing being sent to a local SMTP sink (aiosmtpd, as bench.bench_mailing runs it)
during the whole run; the messages the workers sent meanwhile are reported.

SQLite: var/bench/ (as `python -m bench`). PostgreSQL: `bin/with-postgres .venv/bin/python -m
bench.bench_load --grow`. Results: a table on stdout and bench/results/load-<database>.json.
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.__main__ import RESULTS_DIR, ROOT, configure_environment, describe_database, git_commit, prepare
from bench.bench_mailing import PREFIX, create_recipients, free_port, new_mailing, start_sink

BARE_PATH = "/__bench__/bare/"
LUA = Path(__file__).with_name("load.lua")
P95_LIMIT_MS = 300
GUNICORN_WORKERS = 2


def load_paths() -> list[str]:
    """The mix, in equal parts: the home page, directory searches, calendar months, event pages."""
    from django.utils import timezone

    from partnerstwo.events.models import Event
    from partnerstwo.organizations.models import Organization

    today = timezone.localdate()
    months = []
    for step in range(-2, 4):
        year, month = divmod(today.month - 1 + step, 12)
        months.append(f"/wydarzenia/?data={today.year + year}-{month + 1:02d}-01")
    words = []
    for name in Organization.objects.order_by("pk").values_list("name", flat=True)[:40]:
        word = max(name.split(), key=len).strip("„”\"'.,()").lower()
        if len(word) >= 5 and word not in words:
            words.append(word)
    searches = [
        "/organizacje/?q=fundacja",
        "/organizacje/?q=przyjaciol",
        "/organizacje/?q=zwierzat&sfera=ecology-animals&osiedle=dojlidy",
        "/organizacje/?q=fundacja&forma=fundacja&wolontariat=1",
        *(f"/organizacje/?q={urllib.request.quote(word)}" for word in words[:4]),
    ]
    events = [event.get_absolute_url() for event in Event.objects.public().order_by("pk")[:12]]
    if not events:
        raise SystemExit("bench: the demo has no public event")
    groups = [["/"], searches, months, events]
    size = max(len(group) for group in groups)
    # Round-robin over the four kinds, each kind cycling over its own paths: equal shares.
    return [group[index % len(group)] for index in range(size) for group in groups]


def start_gunicorn(port: int, env: dict, log: Path) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "bench.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(GUNICORN_WORKERS), "--timeout", "30", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(https_request(port, BARE_PATH), timeout=2).read()  # noqa: S310
            return server
        except (OSError, urllib.error.URLError):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit(f"bench: gunicorn did not start on port {port}; see {log}") from None
            time.sleep(0.3)


def https_request(port: int, path: str) -> urllib.request.Request:
    """As nginx passes it on: plain HTTP to gunicorn, X-Forwarded-Proto telling that the visitor used HTTPS."""
    return urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"X-Forwarded-Proto": "https"})


def check_paths(port: int, paths: list[str]) -> None:
    """Every path of the mix answers 200 before the load starts (a broken mix is the bench's bug)."""
    bad = []
    for path in dict.fromkeys(paths):
        try:
            status = urllib.request.urlopen(https_request(port, path), timeout=30).status  # noqa: S310
        except urllib.error.HTTPError as error:
            status = error.code
        if status != 200:
            bad.append(f"{path} → {status}")
    if bad:
        raise SystemExit("bench: paths of the mix do not answer 200:\n" + "\n".join(bad))


def run_wrk(ports: list[int], paths: list[str], connections: int, seconds: int, threads: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    env = {**os.environ, "BENCH_LOAD_PATHS": listing.name, "BENCH_LOAD_PORTS": ",".join(map(str, ports))}
    try:
        result = subprocess.run(
            ["wrk", "--threads", str(threads), "--connections", str(connections), "--duration", f"{seconds}s",
             "--timeout", "10s", "--script", str(LUA), f"http://127.0.0.1:{ports[0]}/"],
            env=env, capture_output=True, text=True, check=False,
        )
    finally:
        os.unlink(listing.name)
    line = next((line for line in result.stdout.splitlines() if line.startswith("BENCH-LOAD-JSON ")), None)
    if result.returncode != 0 or line is None:
        raise SystemExit(f"bench: wrk failed:\n{result.stdout}\n{result.stderr}")
    report = json.loads(line.removeprefix("BENCH-LOAD-JSON "))
    report["per_second"] = round(report["requests"] / report["seconds"], 1)
    report["errors"] = report["non_2xx"] + sum(report["socket_errors"].values())
    return report


def start_mailing(recipients: int, env: dict, log: Path) -> tuple[object, list[subprocess.Popen]]:
    """A one-off mailing to `recipients` addresses, started as staff start it (delivery.start enqueues
    MAILING_PARALLEL_TASKS tasks), and two db_worker processes to send it."""
    from partnerstwo.newsletter import delivery
    from partnerstwo.newsletter.models import Recipient

    create_recipients(recipients)
    mailing = new_mailing(recipients)
    delivery.enqueue(mailing, Recipient.objects.filter(email__startswith=f"{PREFIX}{recipients}-"))
    delivery.start(mailing)
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--queue-name", "default", "--no-reload",
             "--no-startup-delay", "--interval", "0.2"],
            cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
        )
        for _ in range(2)
    ]
    return mailing, workers


def sent_count(mailing) -> int:
    from partnerstwo.newsletter.models import Delivery

    return Delivery.objects.filter(mailing=mailing, status=Delivery.Status.SENT).count()


def mailing_unfinished(mailing) -> bool:
    """Whether the mailing was still being sent when the load ended (busy the whole time)."""
    mailing.refresh_from_db(fields=["status"])
    return mailing.status == mailing.Status.SENDING


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=120, help="seconds of load on the mix (default 120)")
    parser.add_argument("--bare-duration", type=int, default=30, help="seconds of load on the bare view (default 30)")
    parser.add_argument("--connections", type=int, default=50, help="concurrent connections (default 50)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--grow", action="store_true",
                        help="two app servers, two db_workers and a mailing being sent meanwhile (PostgreSQL)")
    parser.add_argument("--recipients", type=int, default=50_000, help="recipients of the mailing with --grow")
    parser.add_argument("--no-prepare", action="store_true", help="reuse the previous run's database and static files")
    parser.add_argument("--allow-remote-database", action="store_true")
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("bench: wrk is not installed (bin/apt-install wrk; `make bench-load` does it)")
    configure_environment(options.allow_remote_database)
    sys.path.insert(0, str(ROOT))
    sink_port = free_port()
    os.environ.update(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(sink_port), EMAIL_USE_TLS="false",
                      EMAIL_USE_SSL="false", SECURE_SSL_REDIRECT="true")

    import django

    django.setup()
    if not options.no_prepare:
        print("Preparing the database, static files and demo data (collectstatic takes a while)…", flush=True)
        prepare()
    from django.db import connection

    log = ROOT / "var" / "bench" / "load-servers.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ports = [free_port() for _ in range(2 if options.grow else 1)]
    servers, workers, sink, mailing = [], [], None, None
    report = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "commit": git_commit(),
        "database": describe_database(), "django": django.get_version(), "python": platform.python_version(),
        "machine": platform.platform(), "cpus": os.cpu_count(), "wrk": wrk_version(),
        "app_servers": len(ports), "gunicorn_workers_each": GUNICORN_WORKERS, "connections": options.connections,
        "load_average_before": " ".join(f"{load:.1f}" for load in os.getloadavg()),
    }
    try:
        servers = [start_gunicorn(port, env, log) for port in ports]
        paths = load_paths()
        report["paths"] = sorted(set(paths))
        check_paths(ports[0], paths)
        print(f"Bare view: {options.connections} connections for {options.bare_duration} s…", flush=True)
        report["bare"] = run_wrk(ports, [BARE_PATH], options.connections, options.bare_duration, options.threads)
        if options.grow:
            sink = start_sink(sink_port)
            mailing, workers = start_mailing(options.recipients, env, log)
            # The db_workers first run what the demo queued; the load starts once the mailing is being sent.
            deadline = time.monotonic() + 300
            while not sent_count(mailing):
                if time.monotonic() > deadline or not all(worker.poll() is None for worker in workers):
                    raise SystemExit(f"bench: the mailing did not start within 5 minutes; see {log}")
                time.sleep(0.5)
            sent_before = sent_count(mailing)
            connection.close()
        print(f"Mix of {len(set(paths))} paths: {options.connections} connections for {options.duration} s"
              + (" while the mailing is sent" if options.grow else "") + "…", flush=True)
        report["mix"] = run_wrk(ports, paths, options.connections, options.duration, options.threads)
        if options.grow:
            sent = sent_count(mailing) - sent_before
            report["mailing"] = {"recipients": options.recipients, "sent_during_load": sent,
                                 "per_second": round(sent / report["mix"]["seconds"], 1),
                                 "db_workers": len(workers), "still_sending_at_the_end": mailing_unfinished(mailing)}
            if not all(worker.poll() is None for worker in workers):
                raise SystemExit(f"bench: a db_worker stopped during the run; see {log}")
    finally:
        for process in [*servers, *workers]:
            stop(process)
        if sink is not None:
            stop(sink)
    report["load_average_after"] = " ".join(f"{load:.1f}" for load in os.getloadavg())
    report["ratio_to_bare"] = round(report["mix"]["per_second"] / report["bare"]["per_second"], 3)
    print_table(report)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"load-{connection.vendor}{'-grow' if options.grow else ''}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten to {path}")
    problems = []
    if report["mix"]["errors"] or report["bare"]["errors"]:
        problems.append(f"errors: mix {report['mix']['errors']}, bare {report['bare']['errors']}")
    if report["mix"]["latency_ms"]["p95"] > P95_LIMIT_MS:
        problems.append(f"p95 {report['mix']['latency_ms']['p95']} ms > {P95_LIMIT_MS} ms")
    if problems:
        print("Targets missed: " + "; ".join(problems), file=sys.stderr)
        raise SystemExit(1)


def wrk_version() -> str:
    result = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
    return (result.stdout or result.stderr).splitlines()[0] if (result.stdout or result.stderr) else "unknown"


def print_table(report: dict) -> None:
    print(f"\nLoad benchmark, {report['date']}: {report['database']}, {report['cpus']} CPUs, "
          f"{report['app_servers']} gunicorn server(s) × {report['gunicorn_workers_each']} sync workers, "
          f"{report['connections']} connections, {report['wrk']}\n")
    header = ("load", "seconds", "requests", "req/s", "p50 ms", "p90 ms", "p95 ms", "p99 ms", "max ms", "errors")
    rows = [header]
    for name in ("bare", "mix"):
        run = report[name]
        latency = run["latency_ms"]
        rows.append((
            "bare view" if name == "bare" else "mix", f"{run['seconds']:.0f}", str(run["requests"]),
            f"{run['per_second']:.1f}", *(f"{latency[key]:.1f}" for key in ("p50", "p90", "p95", "p99", "max")),
            f"{run['errors']} (non-2xx {run['non_2xx']})",
        ))
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(width) if column == 0 else cell.rjust(width)
                        for column, (cell, width) in enumerate(zip(row, widths, strict=True))))
        if index == 0:
            print("  ".join("-" * width for width in widths))
    print(f"\nmix / bare: {report['ratio_to_bare']:.3f} of the bare view's requests per second")
    if "mailing" in report:
        mailing = report["mailing"]
        print(f"mailing meanwhile: {mailing['sent_during_load']} messages sent by {mailing['db_workers']} db_workers "
              f"({mailing['per_second']}/s); still sending at the end: {mailing['still_sending_at_the_end']}")


if __name__ == "__main__":
    main()

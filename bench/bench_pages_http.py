"""python -m bench.bench_pages_http: every public page's server time over HTTP, beside a bare Django view.

Measured as a user's server would run it: gunicorn with 2 sync workers (bench/wsgi.py: the site plus
the bare view /__bench__/bare/, an HttpResponse("ok") through the same middleware) and the same
production-like settings as `python -m bench` (DEBUG off, manifest static files), on the demo data.
One client (http.client, keep-alive asked for; gunicorn's sync workers close after each response, as
behind a proxy) requests every page round-robin, so a slow moment of the machine falls on every page
alike. Reported per page: median, 95th percentile, the median's ratio to the bare view's (target ≤ 5),
and the SQL queries of one request (counted in this process with Django's test Client).

The pages: PAGES below (named ones, some looked up in the database), then one page per URL pattern
found by following links from START as an anonymous visitor (a new public page is measured as soon as
something links to it). Add a page that nothing links to in PAGES.

SQLite: var/bench/partnerstwo.sqlite3 (the one `python -m bench` uses); with --scale, the directory and
the calendar at the benchmarks' scale (150,000 organisations, 200,000 events, built by
bench_directory's and bench_events' generators) in var/bench/pages-scale.sqlite3.
PostgreSQL: `bin/with-postgres .venv/bin/python -m bench.bench_pages_http` (a throwaway server).
Results: a table on stdout and bench/results/pages-http-<database>[-scale].json; figures in docs/performance.md.
"""

import argparse
import contextlib
import datetime
import http.client
import io
import json
import os
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from collections import deque

from bench.__main__ import RESULTS_DIR, ROOT, configure_environment, describe_database, git_commit

TARGET_RATIO = 5
BARE = ("bare Django view", "/__bench__/bare/")
START = ["/", "/organizacje/", "/wydarzenia/", "/konkursy/", "/newsletter/"]


def _first(model_path: str, method: str = "public", order: str = "pk") -> str | None:
    """The address of the first object `Model.objects.<method>()` returns, or None."""
    from django.apps import apps

    model = apps.get_model(model_path)
    queryset = getattr(model.objects, method)() if method else model.objects.all()
    obj = queryset.order_by(order).first()
    return obj.get_absolute_url() if obj else None


# (name, path or a function returning one, None to skip). Measured first, in this order, beside the
# pages the crawl finds; the crawl skips their URL patterns.
PAGES = [
    ("home page", "/"),
    ("content page", "/misja-i-cele/"),
    ("log-in form", "/konto/login/"),
    ("directory", "/organizacje/"),
    ("directory, text search", "/organizacje/?q=fundacja"),
    ("directory, text + 2 filters", "/organizacje/?q=zwierzat&sfera=ecology-animals&osiedle=dojlidy"),
    ("organisation's profile", lambda: _first("organizations.Organization", "public", "name")),
    ("calendar, month", "/wydarzenia/"),
    ("event page", lambda: _event_page()),
    ("open calls", "/konkursy/"),
    ("open calls' timetable", "/konkursy/harmonogram/"),
    ("newsletter sign-up", "/newsletter/"),
]
# Downloads, feeds and what signs out or changes state are not pages.
NOT_PAGES = re.compile(
    r"\.(ics|xml|csv|xlsx|json|pdf|png|jpe?g|svg|webp|css|js|txt)$|^/(en/)?(media|static|admin|i18n)/|"
    r"wyloguj|logout|/rss/|/api/|captcha|/zapisy/"
)
LINK = re.compile(r'href="(/[^"#]*)"')


def _event_page() -> str | None:
    from django.utils import timezone

    from partnerstwo.events.models import Event

    event = Event.objects.filter(status="published", starts_at__gte=timezone.now()).order_by("starts_at").first()
    return event.get_absolute_url() if event else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn, 2 sync workers, the bench's WSGI application, on a free port of the loopback."""

    def __init__(self, workers: int):
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "bench.wsgi:application", "--workers", str(workers),
             "--worker-class", "sync", "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning",
             "--timeout", "120"],
            cwd=ROOT, env=os.environ.copy(),
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _ = Client(self.port).get(BARE[1])
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise SystemExit("bench: gunicorn did not start")
            time.sleep(0.2)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)


class Client:
    """One HTTP/1.1 connection, reopened when the server closes it (http.client does that by itself)."""

    HEADERS = {"X-Forwarded-Proto": "https", "Accept-Language": "pl", "Connection": "keep-alive"}

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            self.connection.request("GET", path, headers=self.HEADERS)
            response = self.connection.getresponse()
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            self.connection.close()
            self.connection.request("GET", path, headers=self.HEADERS)
            response = self.connection.getresponse()
        content = response.read()
        if response.will_close:
            self.connection.close()
        return response.status, content


def pattern_of(path: str) -> str | None:
    from django.urls import Resolver404, resolve
    from django.utils import translation

    language = "en" if path.startswith("/en/") else "pl"
    try:
        with translation.override(language):
            match = resolve(path.split("?")[0])
    except Resolver404:
        return None
    return f"{language}:{match.route}"


def discover(client: Client, known: list[tuple[str, str]], limit: int) -> list[tuple[str, str]]:
    """One page per URL pattern reachable by links from START as an anonymous visitor, Polish only."""
    seen_patterns = {pattern_of(path.split("?")[0]) for _name, path in known}
    found, queue, visited = [], deque(START + [path for _name, path in known]), set()
    while queue and len(visited) < 20_000 and len(found) < limit:
        path = queue.popleft().replace("&amp;", "&")
        if path in visited or path.startswith("/en/") or NOT_PAGES.search(path.split("?")[0]):
            continue
        visited.add(path)
        pattern = pattern_of(path)
        known_path = any(path == p for _n, p in known)
        if not known_path and (pattern is None or pattern in seen_patterns or "?" in path):
            continue
        status, content = client.get(path)
        if status != 200 or b"<html" not in content[:500].lower():
            continue
        if not known_path:
            seen_patterns.add(pattern)
            found.append((pattern.split(":", 1)[1] or "/", path))
        queue.extend(LINK.findall(content.decode("utf-8", "replace")))
    return found


def count_queries(paths: list[str]) -> dict[str, int]:
    from django.conf import settings
    from django.db import connection
    from django.test import Client as TestClient
    from django.test.utils import CaptureQueriesContext

    settings.ROOT_URLCONF = "bench.urls"
    client, counts = TestClient(raise_request_exception=False), {}
    for path in paths:
        client.get(path, secure=True)  # warm: the first request of a page may fill a cache
        with CaptureQueriesContext(connection) as queries:
            client.get(path, secure=True)
        counts[path] = len(queries)
    return counts


def measure(client: Client, targets: list[tuple[str, str]], requests: int, warmup: int) -> list[dict]:
    rows = {path: {"page": name, "path": path, "timings": []} for name, path in targets}
    for _name, path in targets:
        for _ in range(warmup):
            status, content = client.get(path)
        rows[path].update(status=status, bytes=len(content))
    for _ in range(requests):
        for _name, path in targets:
            started = time.perf_counter()
            client.get(path)
            rows[path]["timings"].append(time.perf_counter() - started)
    bare = statistics.median(rows[BARE[1]]["timings"])
    results = []
    for row in rows.values():
        timings = row.pop("timings")
        median = statistics.median(timings)
        row.update(median_ms=round(median * 1000, 2), p95_ms=round(statistics.quantiles(timings, n=100)[94] * 1000, 2),
                   ratio=round(median / bare, 1))
        results.append(row)
    return results


def measure_cpu(targets: list[tuple[str, str]], requests: int, warmup: int) -> list[dict]:
    """--cpu: the same pages in this process with Django's test Client, timed by the process's CPU time
    (time.process_time), which other programs on a shared machine disturb far less than wall time."""
    from django.conf import settings
    from django.test import Client as TestClient

    settings.ROOT_URLCONF = "bench.urls"
    client = TestClient(raise_request_exception=False)
    rows = {path: {"page": name, "path": path, "timings": []} for name, path in targets}
    for _name, path in targets:
        for _ in range(warmup):
            response = client.get(path, secure=True)
        rows[path].update(status=response.status_code, bytes=len(response.content))
    for _ in range(requests):
        for _name, path in targets:
            started = time.process_time()
            client.get(path, secure=True)
            rows[path]["timings"].append(time.process_time() - started)
    bare = statistics.median(rows[BARE[1]]["timings"])
    for row in rows.values():
        timings = row.pop("timings")
        median = statistics.median(timings)
        row.update(median_ms=round(median * 1000, 2), p95_ms=round(statistics.quantiles(timings, n=100)[94] * 1000, 2),
                   ratio=round(median / bare, 1))
    return list(rows.values())


def grow_to_scale(organizations: int, events: int) -> dict:
    from bench import bench_directory, bench_events

    print(f"Growing the directory to {organizations} organisations and the calendar to {events} events…", flush=True)
    grown = {"directory": bench_directory.grow_to(organizations)}
    bench_directory.put_opps_on_the_list()
    grown["events"] = bench_events.grow_to(events, random.Random(4))
    return grown


def print_table(report: dict) -> None:
    print(f"\nPage times ({report['timing']}), {report['date']}, commit {report['commit']}: {report['database']}"
          f"{', ' + report['scale'] if report['scale'] else ''}; gunicorn {report['workers']} sync workers, "
          f"DEBUG off, {report['requests']} requests per page, load average {report['load_average']}\n")
    header = ("page", "path", "status", "median ms", "p95 ms", "× bare", "queries", "KiB")
    lines = [header]
    for row in report["pages"]:
        flag = "" if row["ratio"] <= TARGET_RATIO else " !"
        lines.append((row["page"], row["path"][:60], str(row["status"]), f"{row['median_ms']:.2f}",
                      f"{row['p95_ms']:.2f}", f"{row['ratio']:.1f}{flag}", str(row.get("queries", "")),
                      f"{row['bytes'] / 1024:.1f}"))
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    for index, line in enumerate(lines):
        print("  ".join(cell.ljust(width) if column < 2 else cell.rjust(width)
                        for column, (cell, width) in enumerate(zip(line, widths, strict=True))))
        if index == 0:
            print("  ".join("-" * width for width in widths))
    over = [row["path"] for row in report["pages"] if row["ratio"] > TARGET_RATIO]
    print(f"\n{len(over)} of {len(report['pages'])} pages over {TARGET_RATIO}× the bare view (marked !)")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_pages_http", description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page (default 100)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed requests per page first (default 10)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--scale", action="store_true",
                        help="150,000 organisations and 200,000 events (a database of its own on SQLite)")
    parser.add_argument("--organizations", type=int, default=150_000, help="with --scale (default 150,000)")
    parser.add_argument("--events", type=int, default=200_000, help="with --scale (default 200,000)")
    parser.add_argument("--no-crawl", action="store_true", help="only the pages named in PAGES")
    parser.add_argument("--cpu", action="store_true",
                        help="in this process, CPU time per request (no gunicorn): for a machine others are using")
    parser.add_argument("--max-crawled", type=int, default=200, help="pages found by links at most (default 200)")
    parser.add_argument("--only", default="", help="a regular expression: measure only the paths it finds")
    parser.add_argument("--no-prepare", action="store_true",
                        help="reuse the previous run's database and static files (no migrate, collectstatic, demo)")
    parser.add_argument("--allow-remote-database", action="store_true", help="allow a non-loopback DATABASE_URL")
    options = parser.parse_args()
    configure_environment(options.allow_remote_database)
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    if options.scale:
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / 'pages-scale.sqlite3'}")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from bench.__main__ import prepare

    grown = {}
    if not options.no_prepare:
        print("Preparing the database, static files and demo data…", flush=True)
        with contextlib.redirect_stdout(io.StringIO()):
            prepare()
        if options.scale:
            grown = grow_to_scale(options.organizations, options.events)
    targets = [BARE]
    for name, path in PAGES:
        path = path() if callable(path) else path
        if path:
            targets.append((name, path))
    server = Server(options.workers)
    try:
        client = Client(server.port)
        if not options.no_crawl:
            targets += discover(client, targets[1:], options.max_crawled)
        if options.only:
            targets = [BARE] + [(n, p) for n, p in targets[1:] if re.search(options.only, p)]
        print(f"Timing {len(targets)} pages…", flush=True)
        if not options.cpu:
            pages = measure(client, targets, options.requests, options.warmup)
    finally:
        server.stop()
    if options.cpu:
        pages = measure_cpu(targets, options.requests, options.warmup)
    queries = count_queries([row["path"] for row in pages])
    for row in pages:
        row["queries"] = queries[row["path"]]
    from django.db import connection

    report = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": git_commit(), "database": describe_database(), "django": django.get_version(),
        "python": platform.python_version(), "machine": platform.platform(), "cpus": os.cpu_count(),
        "workers": options.workers, "requests": options.requests,
        "timing": "CPU time in one process (test Client)" if options.cpu else "wall time over HTTP (gunicorn)",
        "scale": "150,000 organisations, 200,000 events" if options.scale else "",
        "grown": grown, "load_average": " ".join(f"{load:.1f}" for load in os.getloadavg()), "pages": pages,
    }
    print_table(report)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    suffix = ("-scale" if options.scale else "") + ("-cpu" if options.cpu else "")
    path = RESULTS_DIR / f"pages-http-{connection.vendor}{suffix}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten to {path}")


if __name__ == "__main__":
    main()

"""python -m bench: response time, SQL queries and page weight of the public pages.

Runs in one process with Django's test Client (no network, no WSGI server): each page's median and
95th percentile are compared with a bare Django view that returns a tiny HttpResponse through the
same middleware, so the ratio shows what the page itself costs. The settings are production-like
(DEBUG off, manifest static files) on the demo data in var/bench/ (SQLite), or on the PostgreSQL
database named by DATABASE_URL. It loads the demo data into that database: never point it at
production. Results: a table on stdout and bench/results/latest.json.
"""

import argparse
import contextlib
import datetime
import gzip
import io
import json
import os
import platform
import re
import secrets
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "bench" / "results"
WEIGHT_LIMIT = 100 * 1024  # bytes of HTML + CSS + JS per page, uncompressed
BARE = ("bare Django view", "/__bench__/bare/")
PAGES = [
    ("home page", "/"),
    ("content page", "/misja-i-cele/"),
    ("news list", "/aktualnosci/"),
    ("1.5% campaign", "/1-5-procent/kampania/"),
    ("annual reports", "/sprawozdania-roczne/"),
]
STYLESHEET = re.compile(r"<link\b[^>]*\brel=[\"']?stylesheet[^>]*>", re.IGNORECASE)
SCRIPT = re.compile(r"<script\b[^>]*\bsrc=[\"']([^\"']+)[\"']", re.IGNORECASE)
HREF = re.compile(r"\bhref=[\"']([^\"']+)[\"']", re.IGNORECASE)


def configure_environment(allow_remote_database: bool) -> None:
    """Production-like settings before Django starts; the operator's own settings do not leak in."""
    for name in ("PYTEST_VERSION", "PARTNERSTWO_TESTING", "STATIC_ROOT", "MEDIA_ROOT", "SECURE_SSL_REDIRECT"):
        os.environ.pop(name, None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="partnerstwo.settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver,127.0.0.1",
        VAR_DIR=str(ROOT / "var" / "bench"),
        LOG_LEVEL="WARNING",
    )
    url = os.environ.get("DATABASE_URL", "")
    host = urllib.parse.urlsplit(url).hostname or ""
    remote = url and not url.startswith("sqlite:") and host not in {"127.0.0.1", "localhost", "::1"}
    if remote and not allow_remote_database:
        raise SystemExit(
            f"bench: DATABASE_URL points at {host!r}; the benchmark loads demo data into it. "
            "Use a throwaway database (bin/with-postgres) or pass --allow-remote-database."
        )


def prepare() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("demo")


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
        response.close()
        return content
    return response.content


def page_weight(client, html: bytes) -> dict:
    text = html.decode("utf-8", "replace")
    assets = {"css": [], "js": []}
    for tag in STYLESHEET.findall(text):
        if match := HREF.search(tag):
            assets["css"].append(match.group(1))
    assets["js"] = SCRIPT.findall(text)
    weight = {"html": len(html), "css": 0, "js": 0, "gzip": len(gzip.compress(html))}
    for kind, urls in assets.items():
        for url in urls:
            if not url.startswith("/") or url.startswith("//"):
                raise SystemExit(f"bench: the page loads {url} from another host")  # the rules forbid it
            content = body(client.get(url, secure=True))
            weight[kind] += len(content)
            weight["gzip"] += len(gzip.compress(content))
    weight["total"] = weight["html"] + weight["css"] + weight["js"]
    return weight


def measure(requests: int, warmup: int) -> list[dict]:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ROOT_URLCONF = "bench.urls"
    client = Client(raise_request_exception=False)
    targets = [BARE, *PAGES]
    rows = {path: {"page": name, "path": path, "timings": []} for name, path in targets}
    for _name, path in targets:
        for _ in range(warmup):
            body(client.get(path, secure=True))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, secure=True)
            html = body(response)
        rows[path].update(status=response.status_code, queries=len(queries), weight=page_weight(client, html))
    # Round-robin, so that a slow moment of the machine falls on every page alike.
    for _ in range(requests):
        for _name, path in targets:
            started = time.perf_counter()
            body(client.get(path, secure=True))
            rows[path]["timings"].append(time.perf_counter() - started)
    bare_median = statistics.median(rows[BARE[1]]["timings"])
    results = []
    for row in rows.values():
        timings = row.pop("timings")
        median = statistics.median(timings)
        row.update(
            median_ms=round(median * 1000, 2),
            p95_ms=round(statistics.quantiles(timings, n=100)[94] * 1000, 2),
            ratio=round(median / bare_median, 1),
        )
        results.append(row)
    return results


def describe_database() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
        cursor.execute("SELECT sqlite_version()")
        return f"SQLite {cursor.fetchone()[0]}"


def git_commit() -> str:
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return result.stdout.strip() + ("+uncommitted changes" if dirty else "") if result.returncode == 0 else "unknown"


def print_table(report: dict) -> None:
    print(f"\nPartnerstwo benchmark, {report['date']}: {report['database']}, Django {report['django']}, "
          f"Python {report['python']}, {report['cpus']} CPUs, {report['requests']} requests per page, DEBUG off\n")
    header = ("page", "path", "status", "median ms", "p95 ms", "× bare", "queries", "HTML+CSS+JS", "gzip")
    lines = [header]
    for row in report["pages"]:
        weight = row["weight"]
        lines.append((
            row["page"], row["path"], str(row["status"]), f"{row['median_ms']:.2f}", f"{row['p95_ms']:.2f}",
            f"{row['ratio']:.1f}", str(row["queries"]),
            f"{weight['total'] / 1024:.1f} KiB" + (" OVER" if weight["total"] >= WEIGHT_LIMIT else ""),
            f"{weight['gzip'] / 1024:.1f} KiB",
        ))
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    for index, line in enumerate(lines):
        print("  ".join(cell.ljust(width) if column < 2 else cell.rjust(width)
                        for column, (cell, width) in enumerate(zip(line, widths, strict=True))))
        if index == 0:
            print("  ".join("-" * width for width in widths))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="timed requests per page (default 300)")
    parser.add_argument("--warmup", type=int, default=30, help="untimed requests per page first (default 30)")
    parser.add_argument("--no-prepare", action="store_true",
                        help="reuse the previous run's database and static files (no migrate, collectstatic, demo)")
    parser.add_argument("--allow-remote-database", action="store_true", help="allow a non-loopback DATABASE_URL")
    options = parser.parse_args()
    configure_environment(options.allow_remote_database)
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    if not options.no_prepare:
        print("Preparing the database, static files and demo data (collectstatic takes a while)…", flush=True)
        prepare()
    pages = measure(options.requests, options.warmup)
    report = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": git_commit(),
        "database": describe_database(),
        "django": django.get_version(),
        "python": platform.python_version(),
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "requests": options.requests,
        "weight_limit_bytes": WEIGHT_LIMIT,
        "pages": pages,
    }
    print_table(report)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten to {RESULTS_DIR / 'latest.json'}")
    problems = [row["path"] for row in pages if row["status"] != 200 or row["weight"]["total"] >= WEIGHT_LIMIT]
    if problems:
        print(f"Not 200 or over {WEIGHT_LIMIT // 1024} KiB: {', '.join(problems)}", file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()

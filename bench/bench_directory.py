"""python -m bench.bench_directory: the NGO directory at the national register's scale.

Generates organisations (manage.py generate_organizations) up to each size (default 1,500 then
150,000), then times the directory's requests in one process with Django's test Client, with the
same production-like settings as `python -m bench` (DEBUG off, manifest static files): median and
95th percentile per request, SQL queries per request, the ratio between the sizes, and the CSV
export of every row (time, and peak Python memory while streaming it, measured with tracemalloc).
On PostgreSQL it prints EXPLAIN ANALYZE of the search to show the trigram index at work.

SQLite: a separate database file var/bench/directory.sqlite3 (the page benchmark's stays small).
PostgreSQL: `bin/with-postgres .venv/bin/python -m bench.bench_directory` (a throwaway server).
Results: a table on stdout and bench/results/directory-<database>.json; figures in docs/performance.md.
"""

import argparse
import contextlib
import datetime
import io
import json
import os
import platform
import statistics
import sys
import time
import tracemalloc

from bench.__main__ import RESULTS_DIR, ROOT, body, configure_environment, describe_database, git_commit

TARGET_MS = 100
SEARCH = "/organizacje/?q=zwierzat&sfera=ecology-animals&osiedle=dojlidy"


def requests_to_time(profile_slug: str) -> list[tuple[str, str]]:
    return [
        ("search: text + 2 filters", SEARCH),
        ("search: common word + 2 filters", "/organizacje/?q=fundacja&forma=fundacja&wolontariat=1"),
        ("search: text only", "/organizacje/?q=przyjaciol"),
        ("directory, first page", "/organizacje/"),
        ("directory, page 50, by update", "/organizacje/?sortuj=aktualizacja&page=50"),
        ("directory, htmx refresh", "/organizacje/?q=zwierzat&sfera=ecology-animals"),
        ("profile page", f"/organizacje/{profile_slug}/"),
        ("1.5% list", "/1-5-procent/"),
        ("map markers (JSON)", "/organizacje/mapa/punkty.json?sfera=culture"),
        ("API, 100 per page", "/api/organizacje/?page_size=100&opp=1"),
    ]


def prepare(skip_static: bool) -> None:
    from django.core.management import call_command

    from partnerstwo.organizations import demo

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not skip_static:
        call_command("collectstatic", interactive=False, verbosity=0)
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("demo")
        demo.load(io.StringIO())  # idempotent; the demo command may not list the directory yet


def grow_to(size: int) -> dict:
    """Generated organisations up to `size` in all; returns how long generating took."""
    from django.core.management import call_command
    from django.db import connection

    from partnerstwo.organizations.models import Organization

    missing = size - Organization.objects.count()
    started = time.perf_counter()
    if missing > 0:
        call_command("generate_organizations", count=missing, batch_size=5000, stdout=io.StringIO())
    generated_in = time.perf_counter() - started
    with connection.cursor() as cursor:  # what autovacuum would do after a bulk load: statistics, visibility map
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {"organizations": Organization.objects.count(), "generated": max(missing, 0),
            "generate_seconds": round(generated_in, 1)}


def put_opps_on_the_list() -> int:
    """The 1.5% page lists the newest edition of the official OPP list: name on it every organisation marked OPP
    (8% of the generated ones, about the national list's 10,000 at 150,000), as that list would; returns its size."""
    from partnerstwo.organizations.models import OppListEdition, OppListEntry, Organization

    edition = OppListEdition.objects.newest()
    if edition is None:
        return 0
    listed = set(edition.entries.values_list("krs", flat=True))
    flagged = Organization.objects.filter(is_opp=True).exclude(krs="").values_list("pk", "krs", "name")
    OppListEntry.objects.bulk_create(
        [OppListEntry(edition=edition, krs=krs, name=name[:500], organization_id=pk)
         for pk, krs, name in flagged.iterator() if krs not in listed],
        batch_size=5000,
    )
    return edition.entries.count()


def time_requests(client, targets, requests: int, warmup: int) -> list[dict]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = {}
    for name, path in targets:
        headers = {"HX-Request": "true"} if "htmx" in name else {}
        for _ in range(warmup):
            body(client.get(path, secure=True, headers=headers))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, secure=True, headers=headers)
            size = len(body(response))
        rows[name] = {"request": name, "path": path, "status": response.status_code, "queries": len(queries),
                      "bytes": size, "timings": [], "cpu": [], "headers": headers}
    for _ in range(requests):  # round-robin: a slow moment of the machine falls on every request alike
        for name, path in targets:
            started, cpu_started = time.perf_counter(), time.process_time()
            body(client.get(path, secure=True, headers=rows[name]["headers"]))
            rows[name]["timings"].append(time.perf_counter() - started)
            rows[name]["cpu"].append(time.process_time() - cpu_started)
    results = []
    for row in rows.values():
        timings, cpu = row.pop("timings"), row.pop("cpu")
        row.pop("headers")
        row.update(median_ms=round(statistics.median(timings) * 1000, 1),
                   p95_ms=round(statistics.quantiles(timings, n=100)[94] * 1000, 1),
                   cpu_median_ms=round(statistics.median(cpu) * 1000, 1))
        results.append(row)
    return results


def time_csv_export(client, runs: int) -> dict:
    """The whole directory as CSV: wall time (no tracing), then the peak memory of one traced run."""
    timings, cpu, size = [], [], 0
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get("/organizacje/eksport.csv", secure=True)
        size = sum(len(piece) for piece in response.streaming_content)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    tracemalloc.start()
    response = client.get("/organizacje/eksport.csv", secure=True)
    rows = sum(piece.count(b"\n") for piece in response.streaming_content) - 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"rows": rows, "megabytes": round(size / 1e6, 1), "median_s": round(statistics.median(timings), 2),
            "cpu_median_s": round(statistics.median(cpu), 2),
            "max_s": round(max(timings), 2), "peak_python_memory_mb": round(peak / 1e6, 1)}


def explain_search() -> str:
    from django.db import connection
    from django.http import QueryDict

    from partnerstwo.organizations.forms import DirectoryForm
    from partnerstwo.organizations.models import Organization

    form = DirectoryForm(QueryDict(SEARCH.split("?", 1)[1]))
    queryset = form.filter(Organization.objects.public())
    if connection.vendor == "postgresql":
        page = queryset[:20].explain(analyze=True, buffers=True)
        count = queryset.order_by().explain(analyze=True)  # the paginator's COUNT runs this plan
        text_only = Organization.objects.public().search("zwierzat").order_by().explain(analyze=True)
        return f"-- the page (LIMIT 20)\n{page}\n\n-- the count\n{count}\n\n-- text only\n{text_only}"
    return queryset[:20].explain()


def print_table(run: dict) -> None:
    print(f"\n{run['organizations']} organisations ({run['database']}); generated {run['generated']} in "
          f"{run['generate_seconds']} s; load average {run['load_average']}")
    header = ("request", "median ms", "p95 ms", "CPU ms", "queries", "KiB", "status")
    lines = [header] + [
        (row["request"], f"{row['median_ms']:.1f}", f"{row['p95_ms']:.1f}", f"{row['cpu_median_ms']:.1f}",
         str(row["queries"]),
         f"{row['bytes'] / 1024:.1f}", str(row["status"]))
        for row in run["requests"]
    ]
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    for index, line in enumerate(lines):
        print("  ".join(cell.ljust(w) if column == 0 else cell.rjust(w)
                        for column, (cell, w) in enumerate(zip(line, widths, strict=True))))
        if index == 0:
            print("  ".join("-" * w for w in widths))
    csv = run["csv_export"]
    print(f"CSV export of {csv['rows']} rows ({csv['megabytes']} MB): median {csv['median_s']} s "
          f"(CPU {csv['cpu_median_s']} s), max {csv['max_s']} s, peak Python memory {csv['peak_python_memory_mb']} MB")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_directory", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1500,150000", help="organisations in all, ascending (default 1500,150000)")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per URL and size (default 60)")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--csv-runs", type=int, default=3, help="timed CSV exports per size (default 3)")
    parser.add_argument("--fresh", action="store_true", help="delete generated organisations first")
    parser.add_argument("--no-collectstatic", action="store_true", help="reuse the static files of an earlier run")
    parser.add_argument("--without-substring-index", action="store_true",
                        help="SQLite: drop the FTS5 trigram index first (the search before decision 0014; "
                             "the next migrate puts it back)")
    parser.add_argument("--allow-remote-database", action="store_true")
    options = parser.parse_args()
    sizes = sorted(int(size) for size in options.sizes.split(","))

    configure_environment(options.allow_remote_database)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / 'directory.sqlite3'}")
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    print("Preparing the database, static files and demo data…", flush=True)
    prepare(options.no_collectstatic)
    if options.fresh:
        call_command("generate_organizations", delete=True, stdout=io.StringIO())
    if options.without_substring_index:
        from partnerstwo.organizations.models import SEARCH_INDEX

        SEARCH_INDEX.drop(connection)
    settings.ROOT_URLCONF = "bench.urls"
    client = Client(raise_request_exception=False)

    report = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": git_commit(), "database": describe_database(), "django": django.get_version(),
        "python": platform.python_version(), "machine": platform.platform(), "cpus": os.cpu_count(),
        "requests_per_url": options.requests, "runs": [],
        "substring_index": not options.without_substring_index,
    }
    for size in sizes:
        print(f"Growing the directory to {size} organisations…", flush=True)
        run = {"database": report["database"], **grow_to(size)}
        run["opp_list_entries"] = put_opps_on_the_list()
        run["load_average"] = " ".join(f"{load:.1f}" for load in os.getloadavg())
        profile = f"gen-{(run['organizations'] // 3):06d}"
        from partnerstwo.organizations.models import Organization

        if not Organization.objects.filter(slug=profile).exists():
            profile = Organization.objects.public().order_by("pk").values_list("slug", flat=True)[0]
        run["requests"] = time_requests(client, requests_to_time(profile), options.requests, options.warmup)
        run["csv_export"] = time_csv_export(client, options.csv_runs)
        run["explain"] = explain_search()
        print_table(run)
        report["runs"].append(run)

    if len(report["runs"]) > 1:
        small, large = report["runs"][0], report["runs"][-1]
        print(f"\nRatio {large['organizations']} / {small['organizations']} organisations (median):")
        for before, after in zip(small["requests"], large["requests"], strict=True):
            ratio = after["median_ms"] / before["median_ms"] if before["median_ms"] else float("nan")
            flag = "" if after["median_ms"] < TARGET_MS else f"  over {TARGET_MS} ms"
            print(f"  {after['request']:<34} {ratio:5.1f}×{flag}")
            after["ratio_to_smallest"] = round(ratio, 1)
    print(f"\nEXPLAIN of the search ({connection.vendor}) at {report['runs'][-1]['organizations']} organisations:\n")
    print(report["runs"][-1]["explain"])

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    suffix = "-without-substring-index" if options.without_substring_index else ""
    path = RESULTS_DIR / f"directory-{connection.vendor}{suffix}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten to {path}")


if __name__ == "__main__":
    main()

"""python -m bench.bench_events: the events calendar at a decade of a large city.

Generates events (bulk inserts, not the editing path) up to each size (default 2,000 then 200,000),
spread over ten years around today: mostly one-off, every tenth a weekly series of ten dates, seven
kinds, 1,000 organisers, districts and spheres. Then times the calendar's requests in one process
with Django's test Client and the same production-like settings as `python -m bench`: median and
95th percentile, SQL queries per request and the ratio between the sizes.

SQLite: a separate database file var/bench/events.sqlite3.
PostgreSQL: `bin/with-postgres .venv/bin/python -m bench.bench_events` (a throwaway server).
Results: a table on stdout and bench/results/events-<database>.json; figures in docs/performance.md.
"""

import argparse
import datetime as dt
import io
import json
import os
import platform
import random
import statistics
import sys
import time
import uuid

from bench.__main__ import RESULTS_DIR, ROOT, body, configure_environment, describe_database, git_commit

PAGE_TARGET_MS = 100
FEED_TARGET_MS = 500
PREFIX = "bench-"
KINDS = ["training", "meeting", "panel", "integration", "conference", "volunteering", "other"]
WORDS = ["Warsztaty", "Spotkanie", "Debata", "Piknik", "Szkolenie", "Konferencja", "Akcja", "Forum", "Kurs"]
TOPICS = ["wolontariatu", "ekologii", "RODO", "księgowości", "seniorów", "sportu", "kultury", "grantów"]


def requests_to_time(event_slug: str) -> list[tuple[str, str]]:
    return [
        ("month view", "/wydarzenia/"),
        ("month view, 2 filters", "/wydarzenia/?rodzaj=training&bezplatne=1"),
        ("week view", "/wydarzenia/?widok=tydzien"),
        ("filtered list", "/wydarzenia/?widok=lista&rodzaj=training&dostepne=1"),
        ("list, text search", "/wydarzenia/?widok=lista&q=warsztaty+ekologii"),
        ("trainings, month", "/szkolenia/"),
        ("event page", f"/wydarzenia/{event_slug}/"),
        ("RSS, upcoming", "/wydarzenia/rss/"),
        ("iCal, a year of trainings", "/wydarzenia/kalendarz.ics?rodzaj=training"),
    ]


def prepare() -> None:
    from django.core.management import call_command

    from partnerstwo.city import demo as city_demo

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    city_demo.load(io.StringIO())


def organizers(count: int = 1000) -> list[int]:
    from partnerstwo.organizations.models import Organization

    existing = Organization.objects.filter(slug__startswith=PREFIX)
    missing = count - existing.count()
    if missing > 0:
        start = existing.count()
        Organization.objects.bulk_create(
            Organization(name=f"Stowarzyszenie Benchmarkowe {n}", slug=f"{PREFIX}org-{n}", legal_form="stowarzyszenie",
                         is_published=True, search_text=f"stowarzyszenie benchmarkowe {n}")
            for n in range(start, start + missing)
        )
    return list(existing.values_list("pk", flat=True))


def grow_to(size: int, rng: random.Random) -> dict:
    from django.db import connection, transaction
    from django.utils import timezone

    from partnerstwo.city.models import District, PublicTaskSphere
    from partnerstwo.events.models import Event, Occurrence

    org_ids = organizers()
    district_ids = list(District.objects.values_list("pk", flat=True)) or [None]
    sphere_ids = list(PublicTaskSphere.objects.values_list("pk", flat=True))
    through = Event.spheres.through
    existing = Event.objects.filter(slug__startswith=PREFIX).count()
    missing = size - Event.objects.count()
    started = time.perf_counter()
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    span_hours = 10 * 365 * 24
    batch = 5000
    for first in range(existing, existing + max(missing, 0), batch):
        with transaction.atomic():
            events = []
            for n in range(first, min(first + batch, existing + missing)):
                starts = now + dt.timedelta(hours=rng.randrange(-span_hours // 2, span_hours // 2))
                starts = starts.replace(hour=rng.choice([9, 10, 12, 16, 17, 18]))
                repeating = n % 10 == 0
                events.append(Event(
                    title=f"{rng.choice(WORDS)} {rng.choice(TOPICS)} {n}", slug=f"{PREFIX}{n}", uid=uuid.uuid4(),
                    kind=rng.choice(KINDS), organizer_kind="organization", organization_id=rng.choice(org_ids),
                    starts_at=starts, ends_at=starts + dt.timedelta(hours=2),
                    rrule="FREQ=WEEKLY;COUNT=10" if repeating else "",
                    venue="Centrum Współpracy", street="ul. Warszawska 12", town="Białystok",
                    district_id=rng.choice(district_ids), online_url="https://example.org/" if n % 5 == 0 else "",
                    description="Opis wydarzenia. " * 20, is_free=n % 3 != 0, step_free_access=n % 2 == 0,
                    registration_mode="here" if n % 4 == 0 else "none", capacity=30 if n % 4 == 0 else None,
                    status="cancelled" if n % 50 == 0 else "published",
                ))
            for event in events:  # bulk_create skips save(), which keeps the search column
                event.search_text = event.build_search_text()
            created = Event.objects.bulk_create(events)
            if connection.vendor != "postgresql" and created[0].pk is None:  # older SQLite: no RETURNING
                slugs = [e.slug for e in created]
                ids = dict(Event.objects.filter(slug__in=slugs).values_list("slug", "pk"))
                for event in created:
                    event.pk = ids[event.slug]
            Occurrence.objects.bulk_create(
                Occurrence(event_id=event.pk, starts_at=event.starts_at + dt.timedelta(weeks=week),
                           ends_at=event.ends_at + dt.timedelta(weeks=week))
                for event in created for week in range(10 if event.rrule else 1)
            )
            if sphere_ids:
                through.objects.bulk_create(
                    through(event_id=event.pk, publictasksphere_id=rng.choice(sphere_ids)) for event in created
                )
    generated_in = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {"events": Event.objects.count(), "occurrences": Occurrence.objects.count(),
            "generated": max(missing, 0), "generate_seconds": round(generated_in, 1)}


def time_requests(client, targets, requests: int, warmup: int) -> list[dict]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = {}
    for name, path in targets:
        for _ in range(warmup):
            body(client.get(path, secure=True))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, secure=True)
            content = body(response)
        rows[name] = {"request": name, "path": path, "status": response.status_code, "queries": len(queries),
                      "bytes": len(content), "vevents": content.count(b"BEGIN:VEVENT"), "timings": []}
    for _ in range(requests):  # round-robin, so a slow moment of the machine falls on every request alike
        for name, path in targets:
            started = time.perf_counter()
            body(client.get(path, secure=True))
            rows[name]["timings"].append(time.perf_counter() - started)
    results = []
    for row in rows.values():
        timings = row.pop("timings")
        row.update(median_ms=round(statistics.median(timings) * 1000, 1),
                   p95_ms=round(statistics.quantiles(timings, n=100)[94] * 1000, 1))
        results.append(row)
    return results


def time_cold_feed(client, runs: int) -> dict:
    """The iCal feed with no VEVENT serialised yet (the first fetch after a restart or a change)."""
    from django.core.cache import caches

    from partnerstwo.events import ical

    path = dict(requests_to_time(""))["iCal, a year of trainings"]
    timings = []
    for _ in range(runs):
        caches[ical.VEVENT_CACHE].clear()
        started = time.perf_counter()
        body(client.get(path, secure=True))
        timings.append(time.perf_counter() - started)
    return {"path": path, "runs": runs, "median_ms": round(statistics.median(timings) * 1000, 1),
            "max_ms": round(max(timings) * 1000, 1)}


def print_table(run: dict) -> None:
    print(f"\n{run['events']} events, {run['occurrences']} occurrences ({run['database']}); generated "
          f"{run['generated']} in {run['generate_seconds']} s; load average {run['load_average']}")
    header = ("request", "median ms", "p95 ms", "queries", "KiB", "VEVENTs", "status")
    lines = [header] + [
        (row["request"], f"{row['median_ms']:.1f}", f"{row['p95_ms']:.1f}", str(row["queries"]),
         f"{row['bytes'] / 1024:.1f}", str(row["vevents"]), str(row["status"]))
        for row in run["requests"]
    ]
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    for index, line in enumerate(lines):
        print("  ".join(cell.ljust(w) if column == 0 else cell.rjust(w)
                        for column, (cell, w) in enumerate(zip(line, widths, strict=True))))
        if index == 0:
            print("  ".join("-" * w for w in widths))
    cold = run.get("ical_cold")
    if cold:
        print(f"iCal feed, cold (no VEVENT cached): median {cold['median_ms']} ms, max {cold['max_ms']} ms")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_events", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,200000", help="events in all, ascending (default 2000,200000)")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per URL and size (default 30)")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--cold-runs", type=int, default=3, help="timed iCal feeds with an empty VEVENT cache")
    parser.add_argument("--allow-remote-database", action="store_true")
    options = parser.parse_args()
    sizes = sorted(int(size) for size in options.sizes.split(","))

    configure_environment(options.allow_remote_database)
    # One SQLite file per largest size, so a smaller run does not find a bigger calendar.
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / f'events-{sizes[-1]}.sqlite3'}")
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from partnerstwo.events.models import Event

    print("Preparing the database and static files…", flush=True)
    prepare()
    settings.ROOT_URLCONF = "bench.urls"
    client = Client(raise_request_exception=False)
    rng = random.Random(4)
    report = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": git_commit(), "database": describe_database(), "django": django.get_version(),
        "python": platform.python_version(), "machine": platform.platform(), "cpus": os.cpu_count(),
        "requests_per_url": options.requests, "runs": [],
    }
    for size in sizes:
        print(f"Growing the calendar to {size} events…", flush=True)
        run = {"database": report["database"], **grow_to(size, rng)}
        run["load_average"] = " ".join(f"{load:.1f}" for load in os.getloadavg())
        # A weekly series with registration: the heaviest event page.
        slug = Event.objects.public().filter(slug__startswith=PREFIX).exclude(rrule="").filter(
            registration_mode="here").values_list("slug", flat=True).first()
        run["requests"] = time_requests(client, requests_to_time(slug), options.requests, options.warmup)
        run["ical_cold"] = time_cold_feed(client, options.cold_runs)
        print_table(run)
        report["runs"].append(run)

    if len(report["runs"]) > 1:
        small, large = report["runs"][0], report["runs"][-1]
        print(f"\nRatio {large['events']} / {small['events']} events (median):")
        for before, after in zip(small["requests"], large["requests"], strict=True):
            ratio = after["median_ms"] / before["median_ms"] if before["median_ms"] else float("nan")
            target = FEED_TARGET_MS if "iCal" in after["request"] else PAGE_TARGET_MS
            flag = "" if after["median_ms"] < target else f"  over {target} ms"
            print(f"  {after['request']:<28} {ratio:5.1f}×{flag}")
            after["ratio_to_smallest"] = round(ratio, 1)

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"events-{connection.vendor}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten to {path}")


if __name__ == "__main__":
    main()

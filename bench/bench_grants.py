"""python -m bench.bench_grants: the grant competitions at ten years of a large city.

Generates competitions by bulk inserts (not the editing path), 500 a year, newest year first, up to
each number of years (default 1 then 10: 500 then 5,000 competitions, about 6,000 then 60,000 offers):
six departments, the 41 spheres, most past competitions with results published (offers assessed,
scored by a committee of three and partly awarded), some cancelled; the current year also has
competitions announced, accepting offers, closed and under evaluation. Offers come from 3,000
organisations made by the directory's generator (`manage.py generate_organizations`, slugs gen-…).
Then it times the public pages in one process with Django's test Client and the same production-like
settings as `python -m bench`: median and 95th percentile, SQL queries, the ratio to a bare Django
view and the ratio between the sizes. The results exports (CSV, XLSX) are timed apart, a few runs each.

SQLite: a separate database file var/bench/grants-<years>.sqlite3.
PostgreSQL: `bin/with-postgres .venv/bin/python -m bench.bench_grants` (a throwaway server).
Results: a table on stdout and bench/results/grants-<database>.json; figures in docs/performance.md.
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
from decimal import Decimal

from bench.__main__ import RESULTS_DIR, ROOT, body, configure_environment, describe_database, git_commit

TARGET_MS = 100
PER_YEAR = 500
ORGANIZATIONS = 3000
PREFIX = "bench-"
BARE = ("bare Django view", "/__bench__/bare/")
# Public tasks a city commissions year after year; with the year and a number they make the titles.
TASKS = [
    "Wspieranie aktywności seniorów", "Przeciwdziałanie uzależnieniom wśród dzieci i młodzieży",
    "Organizacja wypoczynku letniego dzieci", "Upowszechnianie sportu wśród dzieci i młodzieży",
    "Edukacja ekologiczna mieszkańców", "Opieka nad bezdomnymi zwierzętami", "Pomoc osobom w kryzysie bezdomności",
    "Kultura na osiedlach", "Rehabilitacja społeczna osób z niepełnosprawnościami", "Rajdy turystyczne dla mieszkańców",
    "Integracja cudzoziemców", "Poradnictwo prawne i obywatelskie", "Wspieranie rodzin w kryzysie",
    "Ochrona dziedzictwa kulturowego Podlasia", "Promocja zdrowia psychicznego", "Wolontariat młodzieżowy",
    "Festiwal muzyki dawnej", "Bezpieczeństwo ruchu drogowego", "Aktywizacja zawodowa osób bezrobotnych",
    "Przeciwdziałanie przemocy domowej", "Działalność świetlic środowiskowych", "Teatr amatorski w szkołach",
    "Pomoc żywnościowa", "Rozwój przedsiębiorczości społecznej", "Profilaktyka nowotworowa",
]
OFFER_WORDS = ["Warsztaty", "Zajęcia", "Klub", "Festyn", "Kurs", "Program", "Akcja", "Obóz", "Spotkania", "Punkt"]
FORMAL_CRITERIA = ["Oferta złożona w terminie i na właściwym formularzu",
                   "Oferent prowadzi działalność statutową w dziedzinie objętej konkursem"]
MERIT_CRITERIA = [("Możliwość realizacji zadania przez oferenta", 10), ("Kalkulacja kosztów", 10),
                  ("Jakość wykonania zadania i kwalifikacje osób", 10), ("Wkład własny i praca wolontariuszy", 5),
                  ("Rozliczenie wcześniejszych zadań", 5)]
MEMBERS = [("city", True), ("city", False), ("ngo", False)]  # role, chair: the committee of every competition


def past_status(rng: random.Random) -> str:
    return "cancelled" if rng.random() < 0.05 else "results"


def current_status(rng: random.Random) -> str:
    """The current year (late November): most results are out, a few competitions still run."""
    return rng.choices(["results", "evaluation", "closed", "accepting", "announced", "cancelled", "planned"],
                       weights=[78, 6, 3, 4, 3, 3, 3])[0]


def prepare(skip_static: bool) -> None:
    from django.core.management import call_command

    from partnerstwo.city import demo as city_demo

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not skip_static:
        call_command("collectstatic", interactive=False, verbosity=0)
    city_demo.load(io.StringIO())


def organization_ids() -> list[int]:
    from django.core.management import call_command

    from partnerstwo.organizations.models import Organization

    missing = ORGANIZATIONS - Organization.objects.filter(slug__startswith="gen-").count()
    if missing > 0:
        call_command("generate_organizations", count=missing, batch_size=5000, stdout=io.StringIO())
    return list(Organization.objects.filter(slug__startswith="gen-").values_list("pk", flat=True))


def committee_users() -> list[int]:
    from django.contrib.auth import get_user_model

    User = get_user_model()
    ids = []
    for n in range(len(MEMBERS)):
        user = User.objects.filter(email=f"komisja{n}@bench.invalid").first()
        ids.append((user or User.objects.create_user(email=f"komisja{n}@bench.invalid")).pk)
    return ids


def with_ids(model, created: list, key: str) -> list:
    """bulk_create returns primary keys on PostgreSQL and SQLite ≥ 3.35; read them back otherwise."""
    if created and created[0].pk is None:
        ids = dict(model.objects.filter(**{f"{key}__in": [getattr(o, key) for o in created]}).values_list(key, "pk"))
        for obj in created:
            obj.pk = ids[getattr(obj, key)]
    return created


def offer_rows(competition, rng, org_ids):
    from partnerstwo.grants.offers.models import Offer

    if competition.status in ("planned", "announced", "cancelled"):
        return []
    count = rng.randint(2, 23)
    deadline = competition.offer_deadline.date()
    budget = competition.public_funds
    offers = []
    for n in range(count):
        requested = Decimal(rng.randrange(5, 120) * 1000)
        formal, proposed, awarded = "pending", None, None
        if competition.status in ("evaluation", "results"):
            formal = "rejected" if rng.random() < 0.15 else "passed"
        if competition.status == "results" and formal == "passed" and rng.random() < 0.65 and budget >= 5000:
            awarded = min(requested, budget, Decimal(rng.randrange(5, 100) * 1000))
            budget -= awarded
            proposed = awarded
        offers.append(Offer(
            competition_id=competition.pk, organization_id=rng.choice(org_ids),
            title=f"{rng.choice(OFFER_WORDS)} – {competition.title[:60].lower()} ({n + 1})",
            requested_amount=requested, received_on=deadline - dt.timedelta(days=rng.randrange(0, 20)),
            formal_status=formal, proposed_amount=proposed, awarded_amount=awarded,
        ))
    return offers


def grow_to(years: int, rng: random.Random, with_scores: bool) -> dict:
    """Competitions of the `years` newest years (500 each), with offers, criteria, committees and scores."""
    from django.db import connection, transaction
    from django.utils import timezone

    from partnerstwo.city.models import Department, PublicTaskSphere
    from partnerstwo.grants.committees.models import CommitteeMember, Score
    from partnerstwo.grants.competitions.models import Competition, Criterion, StatusChange
    from partnerstwo.grants.offers.models import Offer

    org_ids = organization_ids()
    user_ids = committee_users()
    department_ids = list(Department.objects.order_by("pk").values_list("pk", flat=True))
    sphere_ids = list(PublicTaskSphere.objects.active().order_by("pk").values_list("pk", flat=True))
    now = timezone.now()
    this_year = timezone.localdate().year
    started = time.perf_counter()
    generated = 0
    for year in range(this_year, this_year - years, -1):
        if Competition.objects.filter(slug__startswith=f"{PREFIX}{year}-").exists():
            continue
        generated += 1
        with transaction.atomic():
            competitions = []
            for n in range(PER_YEAR):
                status = current_status(rng) if year == this_year else past_status(rng)
                if status in ("accepting", "announced", "planned"):
                    deadline = now + dt.timedelta(days=rng.randrange(3, 40))
                elif status in ("closed", "evaluation"):
                    deadline = now - dt.timedelta(days=rng.randrange(3, 40))
                else:
                    deadline = dt.datetime(year - 1, 12, 1, 15, 30, tzinfo=dt.UTC) + dt.timedelta(
                        days=rng.randrange(0, 270))
                deadline = deadline.replace(hour=15, minute=30, second=0, microsecond=0)
                announced = deadline.date() - dt.timedelta(days=rng.randrange(21, 35))
                task_start = max(deadline.date() + dt.timedelta(days=45), dt.date(year, 1, 1))
                task = rng.choice(TASKS)
                competition = Competition(
                    slug=f"{PREFIX}{year}-{n:03d}", reference=f"DSS-{year}.524.{n + 1}",
                    title=f"{task} w {year} roku ({n + 1})", year=year, department_id=rng.choice(department_ids),
                    sphere_id=rng.choice(sphere_ids), mode=rng.choice(["support", "support", "entrusting"]),
                    status=status, task_type=f"{task}: zajęcia, wydarzenia i pomoc dla mieszkańców Białegostoku.",
                    public_funds=Decimal(rng.randrange(20, 900) * 1000),
                    award_rules="Dotacje przyznaje Prezydent Miasta po opinii komisji konkursowej. " * 3,
                    implementation_terms="Zadanie realizuje się na terenie Białegostoku zgodnie z ofertą. " * 3,
                    task_start=task_start, task_end=max(dt.date(year, 12, 31), task_start + dt.timedelta(days=30)),
                    offer_deadline=deadline,
                    procedure_and_criteria="Oferty ocenia komisja konkursowa według kryteriów art. 15 ust. 1. " * 3,
                    decision_date=deadline.date() + dt.timedelta(days=30),
                    no_prior_tasks=True, eligibility="Organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy.",
                    submission_info="W Kancelarii Ogólnej Urzędu Miejskiego albo przez Generator eNGO.",
                    bip_published_on=None if status == "planned" else announced,
                    notice_board_published_on=None if status == "planned" else announced,
                    website_published_on=None if status == "planned" else announced,
                    cancellation_reason="Nie złożono żadnej oferty." if status == "cancelled" else "",
                    results_note="Wyniki konkursu zatwierdził Prezydent Miasta." if status == "results" else "",
                    results_published_at=deadline + dt.timedelta(days=35) if status == "results" else None,
                )
                competition.search_text = competition.build_search_text()  # bulk_create skips save()
                competitions.append(competition)
            created = with_ids(Competition, Competition.objects.bulk_create(competitions), "slug")
            criteria = Criterion.objects.bulk_create(
                [Criterion(competition_id=c.pk, kind="formal", name=name, order=i)
                 for c in created for i, name in enumerate(FORMAL_CRITERIA)]
                + [Criterion(competition_id=c.pk, kind="merit", name=name, max_points=points, order=i)
                   for c in created for i, (name, points) in enumerate(MERIT_CRITERIA)]
            )
            path = ["announced", "accepting", "closed", "evaluation", "results"]
            StatusChange.objects.bulk_create(
                StatusChange(competition_id=c.pk, status=s)
                for c in created if c.status != "planned"
                for s in (path[:path.index(c.status) + 1] if c.status in path else ["announced", "cancelled"])
            )
            offers = []
            for competition in created:
                offers.extend(offer_rows(competition, rng, org_ids))
            for first in range(0, len(offers), 5000):
                Offer.objects.bulk_create(offers[first:first + 5000])
            if with_scores:
                scored = [c for c in created if c.status in ("evaluation", "results")]
                members = CommitteeMember.objects.bulk_create(
                    CommitteeMember(competition_id=c.pk, user_id=user_ids[i], role=role, is_chair=chair)
                    for c in scored for i, (role, chair) in enumerate(MEMBERS)
                )
                if members[0].pk is None:
                    members = list(CommitteeMember.objects.filter(competition__in=[c.pk for c in scored]))
                if criteria[0].pk is None:
                    criteria = list(Criterion.objects.filter(competition__in=[c.pk for c in created]))
                merit = {}
                for criterion in criteria:
                    if criterion.kind == "merit":
                        merit.setdefault(criterion.competition_id, []).append(criterion)
                seats = {}
                for member in members:
                    seats.setdefault(member.competition_id, []).append(member)
                passed = Offer.objects.filter(competition__in=[c.pk for c in scored], formal_status="passed")
                scores = []
                for offer_id, competition_id in passed.values_list("pk", "competition_id").iterator():
                    for member in seats[competition_id]:
                        for criterion in merit[competition_id]:
                            scores.append(Score(
                                offer_id=offer_id, member_id=member.pk, criterion_id=criterion.pk,
                                points=Decimal(rng.randrange(0, criterion.max_points * 2 + 1)) / 2,
                                justification="Zgodnie z opisem w ofercie.", submitted_at=now,
                            ))
                    if len(scores) >= 10000:
                        Score.objects.bulk_create(scores)
                        scores = []
                Score.objects.bulk_create(scores)
    generated_in = time.perf_counter() - started
    with connection.cursor() as cursor:  # what autovacuum would do after a bulk load
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    bench = Competition.objects.filter(slug__startswith=PREFIX)
    return {
        "years": years, "competitions": bench.count(), "offers": Offer.objects.filter(competition__in=bench).count(),
        "scores": Score.objects.filter(offer__competition__in=bench).count(),
        "generated_years": generated, "generate_seconds": round(generated_in, 1),
    }


def optional_path(name: str, *args, query: str = "") -> str | None:
    """A URL another part of the work may not have added yet: None until reverse() finds it."""
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, args=args) + query
    except NoReverseMatch:
        return None


def targets(year: int) -> tuple[list, list]:
    """(pages timed round-robin, exports timed apart), as (name, path) pairs."""
    from django.db.models import Count

    from partnerstwo.grants.competitions.models import Competition

    bench = Competition.objects.filter(slug__startswith=PREFIX)
    # The same competition at every size: the current year's results with the most offers.
    detail = (bench.filter(year=year, status="results").annotate(n=Count("offers")).order_by("-n", "slug")
              .values("slug", "sphere__slug", "department_id").first())
    common = (bench.filter(year=year - 1 if bench.filter(year=year - 1).exists() else year)
              .values("sphere__slug", "department_id").annotate(n=Count("pk")).order_by("-n").first())
    pages = [
        BARE,
        ("list, first page", "/konkursy/"),
        ("list, sphere + department + year", f"/konkursy/?sfera={common['sphere__slug']}&wydzial="
                                             f"{common['department_id']}&rok={year - 1}"),
        ("list, text search", "/konkursy/?q=seniorow"),
        ("competition page with results", f"/konkursy/{detail['slug']}/"),
        ("results, yearly totals", optional_path("grants:results", query=f"?rok={year}") or "/konkursy/wyniki/"),
    ]
    exports = [
        ("competition results, CSV", optional_path("grants:competition_results_csv", detail["slug"])),
        ("competition results, XLSX", optional_path("grants:competition_results_xlsx", detail["slug"])),
        ("year's results, CSV", optional_path("grants:results_csv", query=f"?rok={year}")),
        ("year's results, XLSX", optional_path("grants:results_xlsx", query=f"?rok={year}")),
    ]
    return pages, [(name, path) for name, path in exports if path]


class QueryCounter:
    """Counts the statements a request executes (an execute wrapper: streamed responses included)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def counted_get(client, path: str) -> tuple:
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        response = client.get(path, secure=True)
        content = body(response)
    return response, content, counter.count


def time_requests(client, pages, requests: int, warmup: int) -> list[dict]:
    rows = {}
    for name, path in pages:
        for _ in range(warmup):
            body(client.get(path, secure=True))
        response, content, queries = counted_get(client, path)
        rows[name] = {"request": name, "path": path, "status": response.status_code, "queries": queries,
                      "bytes": len(content), "timings": [], "cpu": []}
    for _ in range(requests):  # round-robin: a slow moment of the machine falls on every request alike
        for name, path in pages:
            started, cpu_started = time.perf_counter(), time.process_time()
            body(client.get(path, secure=True))
            rows[name]["timings"].append(time.perf_counter() - started)
            rows[name]["cpu"].append(time.process_time() - cpu_started)
    bare_median = statistics.median(rows[BARE[0]]["timings"])
    results = []
    for row in rows.values():
        timings, cpu = row.pop("timings"), row.pop("cpu")
        median = statistics.median(timings)
        row.update(median_ms=round(median * 1000, 1),
                   p95_ms=round(statistics.quantiles(timings, n=100)[94] * 1000, 1),
                   cpu_median_ms=round(statistics.median(cpu) * 1000, 1),
                   ratio_to_bare=round(median / bare_median, 1))
        results.append(row)
    return results


def time_exports(client, exports, runs: int) -> list[dict]:
    results = []
    for name, path in exports:
        response, content, queries = counted_get(client, path)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            body(client.get(path, secure=True))
            timings.append(time.perf_counter() - started)
        results.append({"request": name, "path": path, "status": response.status_code, "queries": queries,
                        "bytes": len(content), "lines": content.count(b"\n"),
                        "median_ms": round(statistics.median(timings) * 1000, 1),
                        "max_ms": round(max(timings) * 1000, 1)})
    return results


def explain_queries(year: int) -> dict:
    """The plans of the list's page query (unfiltered and with a text search) and of the year's export."""
    from django.db import connection
    from django.http import QueryDict

    from partnerstwo.grants.competitions import views
    from partnerstwo.grants.competitions.filters import CompetitionFilterForm
    from partnerstwo.grants.competitions.models import Competition

    options = {"analyze": True} if connection.vendor == "postgresql" else {}
    plans = {}
    for name, query in (("list", ""), ("search", "q=seniorow")):
        rows = views._list_rows(CompetitionFilterForm(QueryDict(query)).filter(Competition.objects.public()))
        plans[name] = rows[:20].explain(**options)
    try:
        from partnerstwo.grants.competitions import results as published
    except ImportError:  # the results part of the work not written yet
        return plans
    plans["year's export"] = published.granted_offers(year).explain(**options)
    return plans


def print_table(run: dict) -> None:
    print(f"\n{run['competitions']} competitions, {run['offers']} offers, {run['scores']} scores "
          f"({run['database']}); generated {run['generated_years']} years in {run['generate_seconds']} s; "
          f"load average {run['load_average']}")
    header = ("request", "median ms", "p95 ms", "CPU ms", "× bare", "queries", "KiB", "status")
    lines = [header] + [
        (row["request"], f"{row['median_ms']:.1f}", f"{row['p95_ms']:.1f}", f"{row['cpu_median_ms']:.1f}",
         f"{row['ratio_to_bare']:.1f}", str(row["queries"]), f"{row['bytes'] / 1024:.1f}", str(row["status"]))
        for row in run["requests"]
    ] + [
        (row["request"], f"{row['median_ms']:.1f}", f"{row['max_ms']:.1f} (max)", "", "", str(row["queries"]),
         f"{row['bytes'] / 1024:.1f}", str(row["status"]))
        for row in run["exports"]
    ]
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    for index, line in enumerate(lines):
        print("  ".join(cell.ljust(w) if column == 0 else cell.rjust(w)
                        for column, (cell, w) in enumerate(zip(line, widths, strict=True))))
        if index == 0:
            print("  ".join("-" * w for w in widths))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_grants", description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", default="1,10", help="years of competitions, ascending (default 1,10)")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page and size (default 30)")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--export-runs", type=int, default=5, help="timed runs per export and size (default 5)")
    parser.add_argument("--scores", action=argparse.BooleanOptionalAction, default=True,
                        help="generate the committees' scores (default: yes)")
    parser.add_argument("--no-collectstatic", action="store_true", help="reuse the static files of an earlier run")
    parser.add_argument("--allow-remote-database", action="store_true")
    options = parser.parse_args()
    sizes = sorted(int(size) for size in options.years.split(","))

    configure_environment(options.allow_remote_database)
    # One SQLite file per largest size, so a smaller run does not find a bigger decade.
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / f'grants-{sizes[-1]}.sqlite3'}")
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    print("Preparing the database and static files…", flush=True)
    prepare(options.no_collectstatic)
    settings.ROOT_URLCONF = "bench.urls"
    client = Client(raise_request_exception=False)
    rng = random.Random(6)
    year = timezone.localdate().year
    report = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": git_commit(), "database": describe_database(), "django": django.get_version(),
        "python": platform.python_version(), "machine": platform.platform(), "cpus": os.cpu_count(),
        "requests_per_url": options.requests, "export_runs": options.export_runs, "runs": [],
    }
    for size in sizes:
        print(f"Growing to {size} years of competitions…", flush=True)
        run = {"database": report["database"], **grow_to(size, rng, options.scores)}
        run["load_average"] = " ".join(f"{load:.1f}" for load in os.getloadavg())
        pages, exports = targets(year)
        run["requests"] = time_requests(client, pages, options.requests, options.warmup)
        run["exports"] = time_exports(client, exports, options.export_runs)
        run["explain"] = explain_queries(year)
        print_table(run)
        report["runs"].append(run)

    if len(report["runs"]) > 1:
        small, large = report["runs"][0], report["runs"][-1]
        print(f"\nRatio {large['competitions']} / {small['competitions']} competitions (median):")
        before_by_name = {row["request"]: row for row in small["requests"] + small["exports"]}
        for after in large["requests"] + large["exports"]:
            before = before_by_name.get(after["request"])
            if before is None:
                continue
            ratio = after["median_ms"] / before["median_ms"] if before["median_ms"] else float("nan")
            page = after in large["requests"]
            flag = "" if after["median_ms"] < TARGET_MS or not page else f"  over {TARGET_MS} ms"
            print(f"  {after['request']:<36} {ratio:5.1f}×{flag}")
            after["ratio_to_smallest"] = round(ratio, 1)
    largest = report["runs"][-1]["competitions"]
    print(f"\nPlan of the list's page query ({connection.vendor}) at {largest} competitions:")
    for name, plan in report["runs"][-1]["explain"].items():
        print(f"-- {name}\n{plan}")

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"grants-{connection.vendor}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten to {path}")


if __name__ == "__main__":
    main()

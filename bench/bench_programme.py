"""python -m bench.bench_programme: the cooperation programme's monitoring dashboard and yearly report at ten years
of a large city's data.

Grows the platform's data by bulk inserts, newest year first, up to each number of years (default 1 then 10): the
grants benchmark's competitions and offers (bench_grants.grow_to: 500 competitions a year, about 6,000 offers, no
committee scores), the events benchmark's calendar at 5,000 events a year (bench_events.grow_to) with confirmed
registrations on the trainings, 30 consultations a year with their comments and answers, accepted small grants,
annual reports of the organisations; and for each year a programme with five priority tasks, its planned funds,
the demo's fourteen indicators (programme/monitoring_demo.py, one entered by hand) and a published report.
Then it times, with Django's test Client and the production-like settings of `python -m bench`, the current
year's dashboard and its CSV, and the current year's report (the year so far: the year every size has in full)
as a page, a tagged PDF and an XLSX: median, SQL queries and
the ratio between the sizes.

SQLite: var/bench/programme-<years>.sqlite3. PostgreSQL: `bin/with-postgres .venv/bin/python -m
bench.bench_programme`. Results: a table on stdout and bench/results/programme-<database>.json; figures in
docs/performance.md ("Cooperation programme (issue 15)").
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import sys
import time
from decimal import Decimal

from bench.__main__ import RESULTS_DIR, ROOT, configure_environment, describe_database, git_commit

EVENTS_PER_YEAR = 5000
CONSULTATIONS_PER_YEAR = 30
COMMENTS_PER_CONSULTATION = 20
SMALL_GRANTS_PER_YEAR = 40
REGISTRATIONS_PER_TRAINING = 8
PREFIX = "bench-"


def grow_others(years: int, rng: random.Random) -> dict:
    """Consultations, small grants, registrations on trainings, annual reports and the programmes of `years`."""
    from django.db import connection, transaction
    from django.utils import timezone

    from partnerstwo.accounts.models import User
    from partnerstwo.city.models import Department, PublicTaskSphere
    from partnerstwo.consultations.models import Answer, Comment, Consultation
    from partnerstwo.events.models import Occurrence, Registration
    from partnerstwo.organizations.models import AnnualReport, Organization
    from partnerstwo.programme import monitoring_demo
    from partnerstwo.programme.models import PlannedFunds, Priority, Programme, YearReport
    from partnerstwo.small_grants.models import SmallGrantOffer

    started = time.perf_counter()
    today = timezone.localdate()
    department = Department.objects.order_by("pk").first()
    official = User.objects.filter(email="bench-official@bench.invalid").first() or User.objects.create_user(
        email="bench-official@bench.invalid", role="official", department=department)
    spheres = list(PublicTaskSphere.objects.active().order_by("pk"))
    organizations = list(Organization.objects.filter(slug__startswith="gen-").values_list("pk", "name")[:3000])
    for year in range(today.year, today.year - years, -1):
        if Programme.objects.filter(slug=f"{PREFIX}program-{year}").exists():
            continue
        with transaction.atomic():
            consultations = []
            for n in range(CONSULTATIONS_PER_YEAR):
                starts = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 330))
                if starts > today - dt.timedelta(days=20):
                    starts = today - dt.timedelta(days=20 + n)
                consultations.append(Consultation(
                    title=f"Konsultacje {year} nr {n}", slug=f"{PREFIX}{year}-{n}", kind="resolution",
                    legal_basis="art. 5 ust. 5", summary="Benchmark.", department=department, starts_on=starts,
                    ends_on=starts + dt.timedelta(days=14), contact_name="Bench",
                    contact_email="bench@bench.invalid", announced_at=timezone.now()))
            created = Consultation.objects.bulk_create(consultations)
            if created[0].pk is None:
                created = list(Consultation.objects.filter(slug__startswith=f"{PREFIX}{year}-"))
            Consultation.spheres.through.objects.bulk_create(
                Consultation.spheres.through(consultation_id=c.pk, publictasksphere_id=rng.choice(spheres).pk)
                for c in created)
            answers = Answer.objects.bulk_create(
                Answer(consultation=c, decision="accepted", justification="Tak.", answered_by=official)
                for c in created)
            if answers[0].pk is None:
                answers = list(Answer.objects.filter(consultation__in=created).order_by("consultation_id"))
            answer_of = {a.consultation_id: a.pk for a in answers}
            Comment.objects.bulk_create((
                Comment(consultation=c, capacity="organization", organization_id=org, author_name=name,
                        channel="paper", proposed_wording="Propozycja.", justification="Uzasadnienie.",
                        answer_id=answer_of[c.pk] if k % 2 else None, participant="")
                for c in created for k, (org, name) in enumerate(rng.sample(organizations, COMMENTS_PER_CONSULTATION))
            ), batch_size=1000)
            SmallGrantOffer.objects.bulk_create(
                SmallGrantOffer(organization_id=rng.choice(organizations)[0], department=department,
                                sphere=rng.choice(spheres), title=f"Mały grant {year}/{n}", summary="Zadanie.",
                                amount=Decimal(rng.randrange(1, 10) * 1000), task_start=dt.date(year, 6, 1),
                                task_end=dt.date(year, 7, 31), received_on=dt.date(year, 5, 1), status="accepted",
                                published_on=dt.date(year, 5, 5), comments_until=dt.date(year, 5, 12),
                                bip_published_on=dt.date(year, 5, 5), notice_board_published_on=dt.date(year, 5, 5),
                                website_published_on=dt.date(year, 5, 5))
                for n in range(SMALL_GRANTS_PER_YEAR))
            AnnualReport.objects.bulk_create(
                (AnnualReport(organization_id=org, year=year - 1, kind="annual_report", url="https://example.org/r")
                 for org, _name in rng.sample(organizations, 400)), ignore_conflicts=True)
            programme = Programme.objects.create(
                title=f"Program współpracy na rok {year}", slug=f"{PREFIX}program-{year}", year_from=year,
                year_to=year, department=department, status="adopted")
            for position, sphere in enumerate(rng.sample(spheres, 5)):
                priority = Priority.objects.create(programme=programme, position=position, sphere=sphere,
                                                   title=f"Zadanie priorytetowe {position + 1}")
                PlannedFunds.objects.create(programme=programme, year=year, sphere=sphere, priority=priority,
                                            amount=Decimal(rng.randrange(500, 5000) * 1000))
            monitoring_demo._indicators(programme, official, [year])
            YearReport.objects.create(
                programme=programme, year=year, **{name: text.format(year=year) for name, text in
                                                   monitoring_demo.NARRATIVE.items()},
                submitted_to_council_on=dt.date(year + 1, 4, 28), published_in_bip_on=dt.date(year + 1, 5, 8),
                published_at=timezone.now(), updated_by=official)
    # Confirmed registrations on the trainings that have none yet (bench_events grows the calendar).
    trainings = Occurrence.objects.filter(event__kind="training", event__status="published",
                                          registrations__isnull=True).values_list("pk", flat=True)
    batch = []
    for occurrence_id in trainings.iterator():
        batch.extend(Registration(occurrence_id=occurrence_id, name="Uczestnik", email=f"u{n}@bench.invalid",
                                  consent_at=timezone.now(), status="confirmed")
                     for n in range(REGISTRATIONS_PER_TRAINING))
        if len(batch) >= 10000:
            Registration.objects.bulk_create(batch)
            batch = []
    Registration.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {"consultations": Consultation.objects.count(), "comments": Comment.objects.count(),
            "registrations": Registration.objects.count(), "programmes": Programme.objects.count(),
            "others_seconds": round(time.perf_counter() - started, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_programme", description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", default="1,10", help="years of data, ascending (default 1,10)")
    parser.add_argument("--requests", type=int, default=10, help="timed requests per page and size (default 10)")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--export-runs", type=int, default=3, help="timed runs of each file (default 3)")
    parser.add_argument("--events-per-year", type=int, default=EVENTS_PER_YEAR)
    parser.add_argument("--no-collectstatic", action="store_true")
    parser.add_argument("--allow-remote-database", action="store_true")
    options = parser.parse_args()
    sizes = sorted(int(size) for size in options.years.split(","))

    configure_environment(options.allow_remote_database)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / f'programme-{sizes[-1]}.sqlite3'}")
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from bench import bench_events, bench_grants

    print("Preparing the database and static files…", flush=True)
    bench_grants.prepare(options.no_collectstatic)
    settings.ROOT_URLCONF = "bench.urls"
    client = Client(raise_request_exception=False)
    rng = random.Random(15)
    year = timezone.localdate().year
    report = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": git_commit(), "database": describe_database(), "django": django.get_version(),
        "python": platform.python_version(), "machine": platform.platform(), "cpus": os.cpu_count(),
        "requests_per_url": options.requests, "export_runs": options.export_runs, "runs": [],
    }
    for size in sizes:
        print(f"Growing to {size} years…", flush=True)
        run = {"database": report["database"], "years": size}
        run.update(bench_grants.grow_to(size, rng, with_scores=False))
        # bench_events spreads its events over ten years around today: at one year, one year's worth.
        run.update({f"events_{k}": v for k, v in bench_events.grow_to(options.events_per_year * size, rng).items()})
        run.update(grow_others(size, rng))
        run["load_average"] = " ".join(f"{load:.1f}" for load in os.getloadavg())
        slug = f"{PREFIX}program-{year}"
        pages = [
            bench_grants.BARE,
            ("dashboard, this year", f"/program-wspolpracy/{slug}/monitoring/"),
            ("report page", f"/program-wspolpracy/{slug}/sprawozdanie/{year}/"),
        ]
        exports = [
            ("dashboard CSV", f"/program-wspolpracy/{slug}/monitoring/wskazniki.csv"),
            ("report PDF", f"/program-wspolpracy/{slug}/sprawozdanie/{year}/sprawozdanie.pdf"),
            ("report XLSX", f"/program-wspolpracy/{slug}/sprawozdanie/{year}/sprawozdanie.xlsx"),
        ]
        # The PDF is the worker's (tasks.build_report_pdf): timed making it, then the request reading it.
        from partnerstwo.programme import yearly_report
        from partnerstwo.programme.models import YearReport

        report_row = YearReport.objects.select_related("programme").get(programme__slug=slug, year=year)
        started = time.perf_counter()
        yearly_report.store_pdf(report_row)
        run["pdf_made_by_worker_ms"] = round((time.perf_counter() - started) * 1000, 1)
        print(f"  report PDF made by the worker in {run['pdf_made_by_worker_ms']:.0f} ms", flush=True)
        run["requests"] = bench_grants.time_requests(client, pages, options.requests, options.warmup)
        run["exports"] = bench_grants.time_exports(client, exports, options.export_runs)
        print(f"\n{size} years: {run['competitions']} competitions, {run['offers']} offers, "
              f"{run['events_events']} events, {run['consultations']} consultations, {run['comments']} comments, "
              f"{run['registrations']} registrations; load average {run['load_average']}")
        for row in run["requests"] + run["exports"]:
            print(f"  {row['request']:<26} {row['median_ms']:>9.1f} ms  {row['queries']:>3} queries  "
                  f"{row['bytes'] / 1024:>8.1f} KiB  status {row['status']}")
        report["runs"].append(run)
    if len(report["runs"]) > 1:
        small, large = report["runs"][0], report["runs"][-1]
        print(f"\nRatio {large['years']} / {small['years']} years (median):")
        before = {row["request"]: row for row in small["requests"] + small["exports"]}
        for after in large["requests"] + large["exports"]:
            ratio = after["median_ms"] / before[after["request"]]["median_ms"]
            after["ratio_to_smallest"] = round(ratio, 1)
            print(f"  {after['request']:<26} {ratio:5.1f}×   queries {before[after['request']]['queries']} → "
                  f"{after['queries']}")
        made = large["pdf_made_by_worker_ms"] / small["pdf_made_by_worker_ms"]
        print(f"  {'report PDF by the worker':<26} {made:5.1f}×")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    vendor = "postgresql" if report["database"].startswith("PostgreSQL") else "sqlite"
    path = RESULTS_DIR / f"programme-{vendor}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    print(f"\nResults: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""python -m bench.bench_consultations: a consultation of a draft act at 40 units and 300 comments, then 400 and 3,000.

Builds each consultation by bulk inserts (not the participation path): the draft split by the real splitter,
comments from organisations spread over the provisions, every comment answered (one answer for about
three identical ones). Times, with Django's test Client and the production-like settings of `python -m
bench`: the consultation page, one unit's comments, the department's answering page (while the period
is closed and the answers are drafts), then, once the report is published, the report page, its PDF and
its XLSX (a few runs each; the PDF made by the worker's task timed on its own, and the page a reader gets
meanwhile). Prints the medians, the SQL queries and the ratio of the large to the small.

SQLite: var/bench/consultations.sqlite3. Results: bench/results/consultations-<database>.json.
"""

import argparse
import datetime as dt
import io
import json
import os
import platform
import random
import sys
import time

from bench.__main__ import RESULTS_DIR, ROOT, configure_environment, describe_database, git_commit
from bench.bench_grants import BARE, prepare, time_exports, time_requests

SIZES = [(40, 300), (400, 3000)]
WORDS = ("organizacje", "program", "miasto", "zadanie", "dotacja", "wolontariat", "konsultacje", "mieszkańcy",
         "współpraca", "sprawozdanie", "priorytet", "budżet")


def draft_text(units: int) -> str:
    """§ n. 1. …, 2. …, 3. … : four units a paragraph."""
    rng = random.Random(units)
    lines = []
    for number in range(1, units // 4 + 1):
        lines.append(f"§ {number}. 1. " + " ".join(rng.choice(WORDS) for _ in range(18)) + ".")
        for section in (2, 3):
            lines.append(f"{section}. " + " ".join(rng.choice(WORDS) for _ in range(14)) + ".")
    return "\n".join(lines)


def build(units: int, comments: int, official, organizations) -> object:
    from django.utils import timezone

    from partnerstwo.consultations import drafting
    from partnerstwo.consultations.models import Answer, Comment, Consultation

    slug = f"bench-{units}-{comments}"
    Comment.objects.filter(consultation__slug=slug).delete()  # comments protect their units: they go first
    Consultation.objects.filter(slug=slug).delete()
    today = timezone.localdate()
    consultation = Consultation.objects.create(
        title=f"Projekt ławkowy {units} jednostek", slug=slug, kind="resolution", legal_basis="art. 5 ust. 5",
        summary="Benchmark.", department=official.department, starts_on=today - dt.timedelta(days=30),
        ends_on=today - dt.timedelta(days=16), contact_name="Bench", contact_email="bench@bench.invalid",
    )
    # The text is split before the announcement (after it, a text is a new version that needs a note).
    drafting.save_text(Consultation.objects.get(pk=consultation.pk), text=draft_text(units), by=official)
    Consultation.objects.filter(pk=consultation.pk).update(announced_at=timezone.now() - dt.timedelta(days=30))
    version = consultation.current_version()
    provisions = list(version.units.all())
    assert len(provisions) == units, len(provisions)
    rng = random.Random(comments)
    rows = []
    for n in range(comments):
        unit = provisions[rng.randrange(len(provisions))]
        organization = organizations[n % len(organizations)]
        rows.append(Comment(
            consultation=consultation, unit=unit, capacity="organization", organization=organization,
            author_name=organization.name, current_wording=unit.text,
            proposed_wording=unit.text.replace(rng.choice(WORDS), rng.choice(WORDS)),
            justification=" ".join(rng.choice(WORDS) for _ in range(25)),
        ))
    created = Comment.objects.bulk_create(rows, batch_size=500)
    if created[0].pk is None:
        created = list(consultation.comments.order_by("pk"))
    answers = Answer.objects.bulk_create([
        Answer(consultation=consultation, decision=rng.choice(Answer.Decision.values),
               justification=" ".join(rng.choice(WORDS) for _ in range(20)), answered_by=official)
        for _ in range(0, len(created), 3)
    ])
    if answers[0].pk is None:
        answers = list(consultation.answers.order_by("pk"))
    for index, comment in enumerate(created):
        comment.answer_id = answers[index // 3].pk
    Comment.objects.bulk_update(created, ["answer"], batch_size=500)
    return consultation


def staff_client():
    from django.contrib.auth import get_user_model

    from partnerstwo.city.models import Department
    from partnerstwo.lib.testing import TwoFactorClient, give_totp

    User = get_user_model()
    department = Department.objects.order_by("pk").first()
    official = User.objects.filter(email="urzednik@bench.invalid").first()
    if official is None:
        official = User.objects.create_user(email="urzednik@bench.invalid", role="official", department=department,
                                            full_name="Urzędnik Ławkowy")
        give_totp(official, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client = TwoFactorClient(raise_request_exception=False)
    client.force_login(official)
    return client, official


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_consultations", description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--export-runs", type=int, default=3)
    parser.add_argument("--no-collectstatic", action="store_true")
    parser.add_argument("--allow-remote-database", action="store_true")
    options = parser.parse_args()
    configure_environment(options.allow_remote_database)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / 'consultations.sqlite3'}")
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db.models import Count
    from django.utils import timezone

    from partnerstwo.consultations.tasks import build_report_pdf
    from partnerstwo.organizations.models import Organization

    print("Preparing the database and static files…", flush=True)
    prepare(options.no_collectstatic)
    if Organization.objects.count() < 50:
        call_command("generate_organizations", count=200, batch_size=200, stdout=io.StringIO())
    organizations = list(Organization.objects.order_by("pk")[:200])
    settings.ROOT_URLCONF = "bench.urls"
    client, official = staff_client()
    report = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "commit": git_commit(),
        "database": describe_database(), "django": django.get_version(), "python": platform.python_version(),
        "cpus": os.cpu_count(), "requests_per_url": options.requests, "runs": [],
    }
    for units, comments in SIZES:
        print(f"Building {units} units and {comments} comments…", flush=True)
        consultation = build(units, comments, official, organizations)
        busiest = consultation.comments.values("unit__anchor").order_by().annotate(
            n=Count("pk")).order_by("-n").first()["unit__anchor"]
        base = f"/konsultacje/{consultation.slug}/"
        closed = time_requests(client, [
            BARE, ("consultation page", base), ("one unit's comments", f"{base}przepis/{busiest}/"),
            ("answering page (panel)", f"/panel/konsultacje/{consultation.pk}/odpowiedzi/"),
        ], options.requests, options.warmup)
        type(consultation).objects.filter(pk=consultation.pk).update(report_published_at=timezone.now(),
                                                                      outcome="Wynik.")
        finished = time_requests(client, [BARE, ("report page", f"{base}sprawozdanie/")],
                                 options.requests, options.warmup)
        # The PDF is made by the worker's task (at publication, or when a reader asks for a changed report; the
        # reader gets a "being prepared" page meanwhile, timed too), then read from storage.
        pending = time_requests(client, [BARE, ("report PDF (being made)", f"{base}sprawozdanie.pdf")], 3, 0)[1]
        consultation.refresh_from_db()
        started = time.perf_counter()
        build_report_pdf.call(consultation.pk)
        made_ms = round((time.perf_counter() - started) * 1000, 1)
        exports = [pending, {"request": "report PDF (made by the worker)", "path": "", "status": None,
                             "queries": None, "bytes": None, "median_ms": made_ms, "max_ms": made_ms}]
        exports += time_exports(client, [("report PDF (stored)", f"{base}sprawozdanie.pdf"),
                                         ("report XLSX", f"{base}sprawozdanie.xlsx")], options.export_runs)
        run = {"units": units, "comments": comments, "requests": closed + finished[1:], "exports": exports,
               "load_average": " ".join(f"{load:.1f}" for load in os.getloadavg())}
        report["runs"].append(run)
        print(f"\n{units} units, {comments} comments (load {run['load_average']})")
        for row in run["requests"] + run["exports"]:
            print(f"  {row['request']:<28} {row['status']} {row['median_ms']:>8.1f} ms  queries {row['queries']}")
    small, large = report["runs"]
    print("\nratio 400/3000 to 40/300 (median):")
    for row_small, row_large in zip(small["requests"] + small["exports"], large["requests"] + large["exports"],
                                    strict=True):
        ratio = row_large["median_ms"] / row_small["median_ms"] if row_small["median_ms"] else 0
        print(f"  {row_small['request']:<28} {ratio:.1f}×")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"consultations-{report['database'].split()[0].lower()}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nWritten {path}")


if __name__ == "__main__":
    main()

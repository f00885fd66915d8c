"""python -m bench.bench_offers: a competition of online offers at 20 offers, then at 2,000 (issue 14).

Builds each competition by bulk inserts (not the writing path): every offer written online on the standard
form with 3 actions, 2 results and 30 cost lines (27 by action, 3 administrative), submitted (its version with
the snapshot of every section and the PDF), assessed formally (85 % passed), scored by a committee of 7 (4
representatives of the mayor, 3 indicated by organisations, each with a signed declaration) on the six merit
criteria of art. 15 ust. 1; a fifth of the offers granted, with an agreement and its final report. The
offers' PDF is made once, from the first offer, and stored for all (the bench measures reading it and making it).
Each size is a competition of its own year (20 offers last year, 2,000 this year), so that the yearly reports
list of each year holds the reports of its size only.

Times, with Django's test Client and the production-like settings of `python -m bench`, as the department's
official (two-factor session), round-robin: the offers list of the competition (panel, its first page of 50), one
offer's page (panel) and the committee's view of it (with every member's card), the committee's page (its first 50
offers), the ranking (its first page and a middle one, 50 a page, the places given over all offers), the
protocol's page (members, declarations, the formal assessment 50 offers a page), the public competition page with
the results notice (50 a page) and the yearly reports list. Then the protocol's document as the worker makes it,
part by part (by default the first, the second and the last part; --protocol-parts all), and, a few runs each, the
stored protocol PDF, the offer's PDF as stored at submission and as made from the offer (the representative's
draft PDF: snapshot, template, WeasyPrint). Prints the medians, 95th percentiles, SQL queries, the ratio to a bare
Django view and the ratio of the large to the small competition.

SQLite: var/bench/offers.sqlite3. Results: bench/results/offers-<database>.json; figures in docs/performance.md.
"""

import argparse
import datetime as dt
import io
import json
import math
import os
import platform
import random
import sys
import time
from decimal import Decimal

from bench.__main__ import RESULTS_DIR, ROOT, configure_environment, describe_database, git_commit
from bench.bench_grants import BARE, prepare, time_exports, time_requests

SIZES = [20, 2000]
PAGE_TARGET_MS = 100
PDF_TARGET_MS = 1000
COST_LINES = 30  # per offer: 9 for each of 3 actions, and 3 administrative
ACTIONS = ["Warsztaty dla seniorów", "Spacery z przewodnikiem", "Festyn sąsiedzki"]
COSTS = [("Wynagrodzenie prowadzącego", "godzina", "95"), ("Materiały warsztatowe", "komplet", "40"),
         ("Wynajem sali", "dzień", "300"), ("Catering", "osoba", "25"), ("Transport uczestników", "kurs", "180"),
         ("Ubezpieczenie uczestników", "osoba", "6"), ("Druk plakatów", "sztuka", "3"),
         ("Nagłośnienie", "dzień", "450"), ("Nagrody w konkursach", "sztuka", "50")]
ADMIN = [("Koordynacja projektu", "miesiąc", "800"), ("Księgowość", "miesiąc", "400"),
         ("Opłaty bankowe", "miesiąc", "20")]
MERIT = [("Możliwość realizacji zadania przez oferenta (art. 15 ust. 1 pkt 1)", 10),
         ("Kalkulacja kosztów w odniesieniu do zakresu rzeczowego (art. 15 ust. 1 pkt 2)", 10),
         ("Jakość wykonania zadania i kwalifikacje osób (art. 15 ust. 1 pkt 3)", 10),
         ("Udział środków finansowych własnych lub z innych źródeł (art. 15 ust. 1 pkt 4)", 5),
         ("Wkład rzeczowy, osobowy i praca wolontariuszy (art. 15 ust. 1 pkt 5)", 5),
         ("Rzetelność i terminowość rozliczenia wcześniejszych zadań (art. 15 ust. 1 pkt 6)", 5)]
FORMAL = ["Oferta złożona w terminie i na właściwym formularzu",
          "Oferent prowadzi działalność statutową w dziedzinie objętej konkursem"]
COMMITTEE = [("city", True), ("city", False), ("city", False), ("city", False), ("ngo", False), ("ngo", False),
             ("ngo", False)]
LONG = ("Zadanie obejmuje cykl zajęć i spotkań dla mieszkańców osiedla, prowadzonych przez doświadczonych "
        "trenerów i wolontariuszy, z dbałością o dostępność dla osób z niepełnosprawnościami. ")


def organizations(count: int) -> list:
    from django.core.management import call_command

    from partnerstwo.organizations.models import Organization

    generated = Organization.objects.filter(slug__startswith="gen-")
    if generated.count() < count:
        call_command("generate_organizations", count=count - generated.count(), batch_size=2000,
                     stdout=io.StringIO())
    return list(generated.order_by("pk")[:count])


def people() -> list:
    """The seven members' accounts (the same people on every committee)."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    users = []
    for n in range(len(COMMITTEE)):
        email = f"komisja-oferty{n}@bench.invalid"
        users.append(User.objects.filter(email=email).first() or User.objects.create_user(
            email=email, full_name=f"Członek Komisji {n + 1}", role="resident"))
    return users


def competition_for(size: int, department, year: int):
    from django.utils import timezone

    from partnerstwo.city.models import PublicTaskSphere
    from partnerstwo.grants.competitions.models import Competition, Criterion

    slug = f"bench-offers-{size}"
    existing = Competition.objects.filter(slug=slug).first()
    if existing is not None:
        return existing, False
    deadline = timezone.make_aware(dt.datetime(year - 1, 12, 1, 15, 30))
    competition = Competition(
        slug=slug, reference=f"DSS-{year}.524.{size}", title=f"Aktywni seniorzy {year} ({size} ofert)", year=year,
        department=department, mode="support", status="results",
        sphere=PublicTaskSphere.objects.active().order_by("pk").first(),
        task_type="Wspieranie aktywności seniorów: zajęcia, wydarzenia i pomoc dla mieszkańców Białegostoku.",
        public_funds=Decimal(size * 4000), award_rules="Dotacje przyznaje Prezydent Miasta po opinii komisji.",
        implementation_terms="Zadanie realizuje się na terenie Białegostoku zgodnie z ofertą.",
        task_start=dt.date(year, 2, 1), task_end=dt.date(year, 11, 30), offer_deadline=deadline,
        procedure_and_criteria="Oferty ocenia komisja konkursowa według kryteriów art. 15 ust. 1.",
        decision_date=deadline.date() + dt.timedelta(days=30), no_prior_tasks=True,
        eligibility="Organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy.", submission_info="Online.",
        bip_published_on=deadline.date() - dt.timedelta(days=30),
        notice_board_published_on=deadline.date() - dt.timedelta(days=30),
        website_published_on=deadline.date() - dt.timedelta(days=30),
        results_note="Wyniki konkursu zatwierdził Prezydent Miasta.",
        results_published_at=deadline + dt.timedelta(days=35),
        accepts_online_offers=True, max_grant=Decimal("100000"), min_own_contribution_percent=Decimal("10"),
        max_admin_percent=Decimal("15"), allows_corrections=True,
    )
    competition.search_text = competition.build_search_text()
    competition.save()
    Criterion.objects.bulk_create(
        [Criterion(competition=competition, kind="formal", name=name, order=i) for i, name in enumerate(FORMAL)]
        + [Criterion(competition=competition, kind="merit", name=name, max_points=points, order=i)
           for i, (name, points) in enumerate(MERIT)]
    )
    return competition, True


def build(size: int, department, official, year: int, rng: random.Random):
    """The competition of `size` offers with everything after them (see the module's docstring)."""
    from django.core.files.base import ContentFile
    from django.db import connection, transaction
    from django.utils import timezone

    from partnerstwo.grants.agreements.models import Agreement
    from partnerstwo.grants.committees.evaluation import DECLARATION_VERSION, declaration_text
    from partnerstwo.grants.committees.models import CommitteeMember, ImpartialityDeclaration, Score
    from partnerstwo.grants.competitions import results
    from partnerstwo.grants.offers import document
    from partnerstwo.grants.offers.models import CostLine, Offer, OfferAction, OfferResult, OfferVersion, OnlineOffer
    from partnerstwo.grants.reports.models import Report

    competition, new = competition_for(size, department, year)
    if not new:
        return competition
    now = timezone.now()
    nominating = organizations(size + 3)[-3:]  # the NGO members' organisations, which do not offer (art. 15)
    orgs = organizations(size)
    with transaction.atomic():
        onlines = OnlineOffer.objects.bulk_create(
            OnlineOffer(
                competition=competition, organization=org, status="submitted", submitted_at=now,
                created_by=official, updated_by=official, title=f"{rng.choice(ACTIONS)} – oferta {n + 1}",
                task_start=competition.task_start, task_end=competition.task_end, description=LONG * 8,
                results_description=LONG * 4, experience=LONG * 4, resources=LONG * 3,
                contact_name="Jan Kowalski", contact_phone="85 123 45 67", contact_email="biuro@bench.invalid",
                grant_amount=Decimal("36000"), own_financial=Decimal("3000"), own_non_financial=Decimal("2000"),
                payment="unpaid", statements_accepted=True,
            )
            for n, org in enumerate(orgs)
        )
        if onlines[0].pk is None:
            onlines = list(OnlineOffer.objects.filter(competition=competition).order_by("pk"))
        actions = OfferAction.objects.bulk_create(
            OfferAction(offer=o, position=i, name=name, description=LONG * 2, target_group="seniorzy 60+",
                        starts_on=competition.task_start, ends_on=competition.task_end)
            for o in onlines for i, name in enumerate(ACTIONS)
        )
        if actions[0].pk is None:
            actions = list(OfferAction.objects.filter(offer__competition=competition).order_by("offer_id", "position"))
        by_offer = {}
        for action in actions:
            by_offer.setdefault(action.offer_id, []).append(action)
        OfferResult.objects.bulk_create(
            OfferResult(offer=o, position=i, name=name, target_value=Decimal(value), unit="osób",
                        monitoring="Listy obecności i ankiety.")
            for o in onlines for i, (name, value) in enumerate([("Uczestnicy zajęć", "120"), ("Wolontariusze", "15")])
        )
        lines = []
        for o in onlines:
            position = 0
            for action in by_offer[o.pk]:
                for name, unit, cost in COSTS:
                    lines.append(CostLine(offer=o, action=action, position=position, name=name, unit=unit,
                                          unit_cost=Decimal(cost), units=Decimal(rng.randrange(1, 40))))
                    position += 1
            for name, unit, cost in ADMIN:
                lines.append(CostLine(offer=o, action=None, position=position, name=name, unit=unit,
                                      unit_cost=Decimal(cost), units=Decimal("10")))
                position += 1
            if len(lines) >= 10000:
                CostLine.objects.bulk_create(lines)
                lines = []
        CostLine.objects.bulk_create(lines)
        # The document of the first offer stands for every offer's (each with its own title): one PDF made.
        first = OnlineOffer.objects.select_related("competition", "competition__department", "organization").get(
            pk=onlines[0].pk)
        snapshot = document.snapshot(first)
        pdf = document.pdf(snapshot, title=f"Oferta nr {first.pk}: {first.title}")
        checksum = document.sha256(pdf)
        version = OfferVersion(offer=first, number=1, submitted_at=now, submitted_by=official, snapshot=snapshot,
                               sha256=checksum)
        version.pdf.save(f"oferta-{first.pk}-1.pdf", ContentFile(pdf), save=False)
        OfferVersion.objects.bulk_create([version] + [
            OfferVersion(offer=o, number=1, submitted_at=now, submitted_by=official,
                         snapshot={**snapshot, "title": o.title}, sha256=checksum, pdf=version.pdf.name)
            for o in onlines[1:]
        ], batch_size=500)
        received = []
        budget = Decimal(size * 4000)
        for o in onlines:
            formal = "rejected" if rng.random() < 0.15 else "passed"
            awarded = None
            if formal == "passed" and rng.random() < 0.24 and budget >= 20000:
                awarded = Decimal(rng.randrange(20, 37) * 1000)
                budget -= awarded
            received.append(Offer(
                competition=competition, organization_id=o.organization_id, title=o.title, online=o,
                requested_amount=o.grant_amount, received_on=competition.offer_deadline.date(),
                formal_status=formal, proposed_amount=awarded, awarded_amount=awarded, file=version.pdf.name,
                file_sha256=checksum,
            ))
        received = Offer.objects.bulk_create(received, batch_size=1000)
        if received[0].pk is None:
            received = list(Offer.objects.filter(competition=competition).order_by("pk"))
        users = people()
        members = CommitteeMember.objects.bulk_create(
            CommitteeMember(competition=competition, user=user, role=role, is_chair=chair,
                            nominated_by=nominating[n % 3] if role == "ngo" else None)
            for n, (user, (role, chair)) in enumerate(zip(users, COMMITTEE, strict=True))
        )
        if members[0].pk is None:
            members = list(CommitteeMember.objects.filter(competition=competition))
        text = declaration_text()
        ImpartialityDeclaration.objects.bulk_create(
            ImpartialityDeclaration(member=m, text_version=DECLARATION_VERSION, text=text) for m in members)
        criteria = list(competition.criteria.filter(kind="merit"))
        scores = []
        for offer in received:
            if offer.formal_status != "passed":
                continue
            for member in members:
                for criterion in criteria:
                    scores.append(Score(offer=offer, member=member, criterion=criterion,
                                        points=Decimal(rng.randrange(0, criterion.max_points * 2 + 1)) / 2,
                                        justification="Zgodnie z opisem w ofercie.", submitted_at=now))
            if len(scores) >= 10000:
                Score.objects.bulk_create(scores)
                scores = []
        Score.objects.bulk_create(scores)
        results.store_points(competition)  # as publish_results stores them
        granted = [offer for offer in received if offer.awarded_amount]
        agreements = Agreement.objects.bulk_create(
            Agreement(offer=offer, status="signed", number=f"ZS.{year}.{offer.pk}", place="Białystok",
                      title=offer.title, task_start=competition.task_start, task_end=competition.task_end,
                      amount=offer.awarded_amount, requested_amount=offer.requested_amount,
                      own_financial=Decimal("3000"), own_non_financial=Decimal("2000"), drafted_by=official,
                      signed_on=competition.task_start - dt.timedelta(days=10), signature_recorded_by=official,
                      signature_recorded_at=now)
            for offer in granted
        )
        if agreements and agreements[0].pk is None:
            agreements = list(Agreement.objects.filter(offer__competition=competition))
        Report.objects.bulk_create(
            Report(agreement=a, kind="final", period_end=a.task_end, due_on=a.task_end + dt.timedelta(days=30),
                   status=(status := rng.choice(["draft", "submitted", "accepted", "returned"])),
                   first_submitted_at=None if status == "draft" else now)
            for a in agreements
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return competition


def page_count(pdf: bytes) -> int:
    """The pages of a PDF, counted in its objects (also those inside compressed object streams)."""
    import re
    import zlib

    unpacked = pdf
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            unpacked += zlib.decompress(match.group(1))
        except zlib.error:
            continue
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", unpacked))


def protocol_parts(competition, wanted: str) -> list[dict]:
    """Makes the protocol's document part by part as the worker does (protocol.make), timing each and counting
    its pages; `wanted`: "all", or "sample" (the first, the second and the last part)."""
    import resource

    from partnerstwo.grants.committees import protocol
    from partnerstwo.grants.private_storage import private_storage

    for file in protocol.stored_files(competition.pk):
        private_storage.delete(file["name"])
    parts = protocol.part_count(competition)
    numbers = range(1, parts + 1) if wanted == "all" else sorted({1, min(2, parts), parts})
    rows = []
    for number in numbers:
        started = time.perf_counter()
        name = protocol.make(competition.pk, [], "pl", number)
        seconds = time.perf_counter() - started
        with private_storage.open(name, "rb") as stored:
            content = stored.read()
        rows.append({"part": number, "parts": parts, "seconds": round(seconds, 1), "bytes": len(content),
                     "pages": page_count(content),
                     "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024})
        print(f"  (protocol part {number} of {parts}: {seconds:.1f} s)", flush=True)
    return rows


def representative_client(offer):
    """The lead offerer's representative of `offer`, logged in: the draft PDF is theirs."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from partnerstwo.organizations.models import Representation

    User = get_user_model()
    email = f"przedstawiciel-{offer.organization_id}@bench.invalid"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, role="representative", full_name="Przedstawiciel Ławkowy")
        Representation.objects.create(user=user, organization_id=offer.organization_id, status="approved")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_offers", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="offers per competition (default 20,2000)")
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page and size (default 20)")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--pdf-runs", type=int, default=5, help="timed runs of each PDF and size (default 5)")
    parser.add_argument("--protocol-parts", choices=["sample", "all", "none"], default="sample",
                        help="parts of the protocol's document to make: the first, second and last (default), all, "
                             "or none (then the stored protocol PDF is not timed either)")
    parser.add_argument("--no-collectstatic", action="store_true")
    parser.add_argument("--allow-remote-database", action="store_true")
    options = parser.parse_args()
    sizes = sorted(int(size) for size in options.sizes.split(","))
    configure_environment(options.allow_remote_database)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / 'offers.sqlite3'}")
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.urls import reverse
    from django.utils import timezone

    from bench.bench_consultations import staff_client

    print("Preparing the database and static files…", flush=True)
    prepare(options.no_collectstatic)
    settings.ROOT_URLCONF = "bench.urls"
    client, official = staff_client()
    rng = random.Random(14)
    this_year = timezone.localdate().year
    report = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "commit": git_commit(),
        "database": describe_database(), "django": django.get_version(), "python": platform.python_version(),
        "machine": platform.platform(), "cpus": os.cpu_count(), "requests_per_url": options.requests,
        "pdf_runs": options.pdf_runs, "runs": [],
    }
    for index, size in enumerate(sizes):
        year = this_year - (len(sizes) - 1 - index)  # the largest this year, the smaller ones the years before
        print(f"Building a competition of {size} offers ({year})…", flush=True)
        started = time.perf_counter()
        competition = build(size, official.department, official, year, rng)
        built_in = round(time.perf_counter() - started, 1)
        offers = competition.offers.order_by("pk")
        offer = offers.filter(formal_status="passed").first()
        counts = {"offers": offers.count(), "cost_lines": offer.online.cost_lines.count(),
                  "scores": offer.scores.model.objects.filter(offer__competition=competition).count(),
                  "committee": competition.committee.count(),
                  "reports": offer.__class__.objects.filter(competition=competition, agreement__reports__isnull=False
                                                            ).count()}
        slug = competition.slug
        ranking = reverse("grants:committee_ranking", args=[slug])
        middle = max(1, math.ceil(offers.filter(formal_status="passed").count() / 50) // 2)
        pages = time_requests(client, [
            BARE,
            ("offers list (panel)", reverse("panel:grants_panel:committee_offers", args=[slug])),
            ("offer's page (panel)", reverse("panel:grants_panel:online_offer", args=[offer.pk])),
            ("offer's page (committee)", reverse("grants:committee_offer", args=[slug, offer.pk])),
            ("committee's page", reverse("grants:committee_competition", args=[slug])),
            ("ranking, first page", ranking),
            ("ranking, a middle page", f"{ranking}?strona={middle}"),
            ("protocol's page", reverse("grants:committee_protocol", args=[slug])),
            ("competition page with results", reverse("grants:detail", args=[slug])),
            ("yearly reports list (panel)", reverse("panel:grants_panel:reports") + f"?rok={year}"),
        ], options.requests, options.warmup)
        # The protocol's document, made by the worker in parts (protocol.make, timed here in this process):
        # the first part (members, declarations, the formal assessment of every offer and the first cards) and,
        # when there are more, the second (cards only) and the last (cards, the ranking and the signatures).
        made = protocol_parts(competition, options.protocol_parts) if options.protocol_parts != "none" else []
        stored = [("offer PDF, stored at submission", reverse("grants:committee_offer_file", args=[slug, offer.pk]))]
        if made:
            stored.append(("protocol PDF, stored (part 1)", reverse("grants:committee_protocol_pdf", args=[slug])))
        pdfs = time_exports(client, stored, options.pdf_runs)
        pdfs += time_exports(representative_client(offer), [
            ("offer PDF, made from the offer", reverse("my_grants:draft_pdf", args=[offer.online_id]))],
            options.pdf_runs)
        run = {"offers": size, "year": year, "built_seconds": built_in, **counts, "requests": pages, "pdfs": pdfs,
               "protocol_parts": made, "load_average": " ".join(f"{load:.1f}" for load in os.getloadavg())}
        report["runs"].append(run)
        print(f"\n{size} offers of {counts['cost_lines']} cost lines, committee of {counts['committee']}, "
              f"{counts['scores']} scores, {counts['reports']} reports (built in {built_in} s, "
              f"load {run['load_average']})")
        print(f"  {'request':<34} status  median ms   p95 ms  × bare  queries")
        for row in pages:
            flag = "" if row["median_ms"] < PAGE_TARGET_MS else f"  over {PAGE_TARGET_MS} ms"
            print(f"  {row['request']:<34} {row['status']:>6} {row['median_ms']:>10.1f} {row['p95_ms']:>8.1f} "
                  f"{row['ratio_to_bare']:>7.1f} {row['queries']:>8}{flag}")
        for row in pdfs:
            flag = "" if row["median_ms"] < PDF_TARGET_MS else f"  over {PDF_TARGET_MS} ms"
            print(f"  {row['request']:<34} {row['status']:>6} {row['median_ms']:>10.1f} {row['max_ms']:>8.1f} "
                  f"(max)   {row['queries']:>8}{flag}")
        for row in made:
            print(f"  protocol part {row['part']} of {row['parts']} made in {row['seconds']:.1f} s: "
                  f"{row['pages']} pages, {row['bytes'] / 1e6:.1f} MB, peak memory {row['peak_mb']} MB")
    if len(report["runs"]) > 1:
        small, large = report["runs"][0], report["runs"][-1]
        print(f"\nRatio {large['offers']} / {small['offers']} offers (median):")
        before = {row["request"]: row for row in small["requests"] + small["pdfs"]}
        for row in large["requests"] + large["pdfs"]:
            base = before[row["request"]]
            ratio = row["median_ms"] / base["median_ms"] if base["median_ms"] else float("nan")
            row["ratio_to_smallest"] = round(ratio, 1)
            print(f"  {row['request']:<34} {ratio:5.1f}×  (queries {base['queries']} → {row['queries']})")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"offers-{report['database'].split()[0].lower()}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten to {path}")


if __name__ == "__main__":
    main()

"""Demo competitions around today: one or more in every state, with criteria, prior funding, a PDF and history.

Idempotent: a competition whose slug exists is left as it is. Linked to a schedule row of the same
department and sphere when the schedule's demo has made one.
"""

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.grants.competitions import lifecycle, rules
from partnerstwo.grants.competitions.models import (
    Competition,
    CompetitionChange,
    CompetitionDocument,
    Criterion,
    OutcomePublication,
    PriorFunding,
    StatusChange,
)
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.schedule.models import PlannedCompetition
from partnerstwo.organizations.models import Organization

S = Competition.Status
DSS, DKPS, DE, DZ, DOS = (
    "Departament Spraw Społecznych", "Departament Kultury, Promocji i Sportu", "Departament Edukacji",
    "Departament Zdrowia", "Departament Ochrony Środowiska",
)

# slug, title, department, sphere, mode, status, days from today to the last announcement, to the deadline, funds
COMPETITIONS = [
    ("seniorzy-2027", "Wspieranie aktywności seniorów w 2027 roku", DSS, "seniors", "support", S.ACCEPTING,
     -10, 14, "240000"),
    ("profilaktyka-uzaleznien-2027", "Przeciwdziałanie uzależnieniom wśród dzieci i młodzieży w 2027 roku", DZ,
     "addiction-prevention", "entrusting", S.ACCEPTING, -19, 3, "310000"),
    ("wypoczynek-zimowy-2027", "Organizacja wypoczynku zimowego dzieci i młodzieży w 2027 roku", DE,
     "children-and-youth", "support", S.ANNOUNCED, 2, 26, "120000"),
    ("sport-dzieci-2027", "Upowszechnianie sportu wśród dzieci i młodzieży w 2027 roku", DKPS, "sport", "support",
     S.PLANNED, 20, 45, "900000"),
    ("edukacja-ekologiczna-2027", "Edukacja ekologiczna mieszkańców Białegostoku w 2027 roku", DOS,
     "ecology-animals", "support", S.PLANNED, 40, 70, "80000"),
    ("zwierzeta-bezdomne-2027", "Opieka nad bezdomnymi zwierzętami w 2027 roku", DOS, "ecology-animals",
     "entrusting", S.CLOSED, -30, -5, "150000"),
    ("bezdomnosc-2027", "Pomoc osobom w kryzysie bezdomności w 2027 roku", DSS, "social-assistance", "entrusting",
     S.EVALUATION, -45, -20, "560000"),
    ("kultura-na-osiedlach-2026", "Kultura na osiedlach w 2026 roku", DKPS, "culture", "support", S.RESULTS,
     -330, -300, "200000"),
    ("niepelnosprawnosc-2026", "Rehabilitacja społeczna osób z niepełnosprawnościami w 2026 roku", DZ, "disability",
     "support", S.RESULTS, -320, -295, "180000"),
    ("turystyka-2026", "Turystyka i krajoznawstwo – rajdy dla mieszkańców w 2026 roku", DKPS, "tourism", "support",
     S.CANCELLED, -150, -120, "40000"),
]

# The row of the yearly schedule (grants/schedule/demo.py) each competition carries out, by its task; it is looked up
# in the schedule of the year the competition is announced, so a competition whose year plans no such row has none.
SCHEDULE_TASKS = {
    "seniorzy-2027": "Prowadzenie klubów seniora na osiedlach Białegostoku",
    "profilaktyka-uzaleznien-2027": "Profilaktyka uzależnień wśród dzieci i młodzieży",
    "sport-dzieci-2027": "Upowszechnianie kultury fizycznej – szkolenie dzieci i młodzieży",
    "edukacja-ekologiczna-2027": "Edukacja ekologiczna i ochrona zwierząt bezdomnych",
    "bezdomnosc-2027": "Pomoc osobom w kryzysie bezdomności – noclegownia i łaźnia",
    "kultura-na-osiedlach-2026": "Festiwale i wydarzenia kulturalne w przestrzeni miasta",
}

# Offers of the competitions under evaluation or with results (the committees' demo may add its own).
OFFER_TITLES = {
    "bezdomnosc-2027": ["Noclegownia zimowa przy ul. Sienkiewicza", "Streetworking – pomoc na ulicy",
                        "Łaźnia i punkt pomocy doraźnej", "Mieszkania treningowe – wychodzenie z bezdomności"],
    "kultura-na-osiedlach-2026": ["Lato z teatrem na Bojarach", "Kino plenerowe na Dojlidach",
                                  "Osiedlowe warsztaty rękodzieła", "Muzyka na podwórkach Antoniuka"],
    "niepelnosprawnosc-2026": ["Asystent osobisty w codziennym życiu", "Warsztaty samodzielności dla młodzieży",
                               "Sport bez barier – zajęcia adaptacyjne", "Wyjazdy integracyjne dla rodzin"],
}

CRITERIA = [
    ("formal", "Oferta złożona w terminie i na właściwym formularzu", 0),
    ("formal", "Oferent prowadzi działalność statutową w dziedzinie objętej konkursem", 0),
    ("merit", "Możliwość realizacji zadania przez oferenta (art. 15 ust. 1 pkt 1)", 10),
    ("merit", "Kalkulacja kosztów w odniesieniu do zakresu rzeczowego (art. 15 ust. 1 pkt 2)", 10),
    ("merit", "Jakość wykonania zadania i kwalifikacje osób (art. 15 ust. 1 pkt 3)", 10),
    ("merit", "Wkład rzeczowy, osobowy i praca wolontariuszy (art. 15 ust. 1 pkt 5)", 5),
    ("merit", "Rzetelność i terminowość rozliczenia wcześniejszych zadań (art. 15 ust. 1 pkt 6)", 5),
]

# The order of each lifecycle: the states a competition went through to reach the one it is in.
PATH = [S.ANNOUNCED, S.ACCEPTING, S.CLOSED, S.EVALUATION, S.RESULTS]


def tiny_pdf(title: str) -> bytes:
    """A one-page PDF with a correct cross-reference table."""
    text = title.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 12 Tf 72 770 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def load(stdout, **options):
    today = timezone.localdate()
    departments = {d.name: d for d in Department.objects.all()}
    spheres = {s.slug: s for s in PublicTaskSphere.objects.all()}
    public_organizations = Organization.objects.public().order_by("pk")
    made = 0
    for slug, title, department_name, sphere_slug, mode, status, announced, deadline_days, funds in COMPETITIONS:
        department, sphere = departments.get(department_name), spheres.get(sphere_slug)
        if department is None or sphere is None or Competition.objects.filter(slug=slug).exists():
            continue
        announced_on = today + dt.timedelta(days=announced)
        # The demo's dates follow the day it is loaded; around holidays the art. 13 minimum can pass the
        # intended day, and a demo competition must never break the rule the site checks.
        deadline_on = max(today + dt.timedelta(days=deadline_days), rules.earliest_offer_deadline(announced_on))
        deadline = dt.datetime.combine(deadline_on, dt.time(15, 30), tzinfo=timezone.get_current_timezone())
        if deadline < rules.earliest_offer_deadline_at(announced_on):  # the period ends with its last day
            deadline += dt.timedelta(days=1)
        competition = Competition.objects.create(
            slug=slug, title=title, reference=f"{department.short_name}-I.526.{made + 1}.{announced_on.year}",
            planned=PlannedCompetition.objects.filter(
                schedule__year=announced_on.year, task=SCHEDULE_TASKS.get(slug), department=department, sphere=sphere,
                is_withdrawn=False,
            ).first(),
            year=announced_on.year,
            department=department, sphere=sphere, mode=mode, status=status,
            task_type=f"{title}: zadanie publiczne w sferze „{sphere.name_pl}” (art. 4 ust. 1 ustawy).",
            public_funds=Decimal(funds),
            award_rules="Dotacja może pokryć do 90% kosztów zadania; wymagany wkład własny finansowy lub osobowy "
                        "co najmniej 10%. Jeden oferent może złożyć jedną ofertę.",
            implementation_terms="Zadanie realizowane na terenie Białegostoku, zgodnie z ofertą i umową, "
                                 "z udziałem co najmniej 30 uczestników.",
            task_start=deadline.date() + dt.timedelta(days=35),
            task_end=deadline.date() + dt.timedelta(days=300),
            offer_deadline=deadline,
            procedure_and_criteria="Oferty ocenia komisja konkursowa powołana przez Prezydenta Miasta: najpierw "
                                   "ocena formalna, potem merytoryczna według kryteriów poniżej.",
            decision_date=deadline.date() + dt.timedelta(days=21),
            no_prior_tasks=sphere_slug == "tourism",
            eligibility="Organizacje pozarządowe oraz podmioty wymienione w art. 3 ust. 3 ustawy, prowadzące "
                        "działalność statutową w dziedzinie objętej konkursem.",
            submission_info="Ofertę składa się w generatorze ofert albo w Kancelarii Ogólnej Urzędu Miejskiego, "
                            "ul. Słonimska 1, 15-950 Białystok, do terminu składania ofert.",
            bip_published_on=announced_on - dt.timedelta(days=1),
            notice_board_published_on=announced_on - dt.timedelta(days=1),
            website_published_on=announced_on,
        )
        for order, (kind, name, points) in enumerate(CRITERIA):
            Criterion.objects.create(competition=competition, kind=kind, name=name, max_points=points, order=order)
        if sphere_slug != "tourism":
            for year, share in [(competition.year, Decimal("0.9")), (competition.year - 1, Decimal("0.8"))]:
                PriorFunding.objects.create(
                    competition=competition, year=year, task=f"{title.rsplit(' w ', 1)[0]} ({year})",
                    total_cost=Decimal(funds) * share, grants_to_organizations=Decimal(funds) * share * Decimal("0.85"),
                )
        document = CompetitionDocument(competition=competition, title="Ogłoszenie o konkursie")
        document.file.save(f"{slug}.pdf", ContentFile(tiny_pdf(title)), save=True)
        # Offers from organisations working in the competition's sphere, others when there are too few.
        organizations = list(public_organizations.filter(spheres=sphere)[:4])
        organizations += [o for o in public_organizations[:8] if o not in organizations][: 4 - len(organizations)]
        _history(competition, status, announced_on, deadline, organizations)
        made += 1
    stdout.write(f"  konkursy: {made} nowych, razem {Competition.objects.count()}")


def _record(competition, status, when, note=""):
    change = StatusChange.objects.create(competition=competition, status=status, note=note)
    StatusChange.objects.filter(pk=change.pk).update(changed_at=when)


def _history(competition, status, announced_on, deadline, organizations):
    """The StatusChange rows (and for some the changes, offers and results) that lead to `status`."""
    if status == S.PLANNED:
        return
    zone = timezone.get_current_timezone()
    moments = {
        S.ANNOUNCED: dt.datetime.combine(announced_on - dt.timedelta(days=1), dt.time(9), tzinfo=zone),
        S.ACCEPTING: dt.datetime.combine(announced_on, dt.time(0, 1), tzinfo=zone),
        S.CLOSED: deadline + dt.timedelta(minutes=1),
        S.EVALUATION: deadline + dt.timedelta(days=2),
        S.RESULTS: deadline + dt.timedelta(days=20),
    }
    # A cancelled demo competition was cancelled after its offers closed.
    reached = PATH[:3] if status == S.CANCELLED else PATH[: PATH.index(status) + 1]
    for step in reached:
        _record(competition, step, moments[step])
    if competition.slug == "profilaktyka-uzaleznien-2027":
        old = deadline - dt.timedelta(days=7)
        sentence = lifecycle.DATED_FIELDS["offer_deadline"] % {
            "old": lifecycle.show_value(old), "new": lifecycle.show_value(deadline),
        }
        summary = sentence[:1].upper() + sentence[1:]
        change = CompetitionChange.objects.create(competition=competition, revision=1, summary=summary)
        when = moments[S.ACCEPTING] + dt.timedelta(days=5)
        CompetitionChange.objects.filter(pk=change.pk).update(changed_at=when)
        Competition.objects.filter(pk=competition.pk).update(revision=1, changed_at=when, last_change_summary=summary)
    if status == S.CANCELLED:
        reason = "Nie złożono żadnej oferty (art. 18a). Nabór ogłosimy ponownie po zmianie warunków."
        _record(competition, S.CANCELLED, deadline + dt.timedelta(days=3), reason)
        summary = f"Konkurs unieważniono (art. 18a): {reason}"
        CompetitionChange.objects.create(competition=competition, revision=1, summary=summary)
        Competition.objects.filter(pk=competition.pk).update(
            cancellation_ground=Competition.CancellationGround.NO_OFFERS, cancellation_reason=reason,
            revision=1, changed_at=deadline + dt.timedelta(days=3),
            last_change_summary=summary,
        )
        # Art. 18a: the cancellation in BIP and on the website at once; the notice board not yet recorded.
        cancelled_on = timezone.localdate(deadline + dt.timedelta(days=3))
        OutcomePublication.objects.create(
            competition=competition, bip_published_on=cancelled_on, website_published_on=cancelled_on,
        )
    if status in (S.EVALUATION, S.RESULTS):
        titles = OFFER_TITLES.get(competition.slug, [])
        for index, (organization, title) in enumerate(zip(organizations, titles, strict=False)):
            requested = Decimal(30000 + 5000 * index)
            Offer.objects.create(
                competition=competition, organization=organization, title=title,
                requested_amount=requested, received_on=(deadline - dt.timedelta(days=2 + index)).date(),
                awarded_amount=(requested * Decimal("0.8") if index < 3 else None) if status == S.RESULTS else None,
            )
    if status == S.RESULTS:
        Competition.objects.filter(pk=competition.pk).update(
            results_published_at=moments[S.RESULTS],
            results_note="Prezydent Miasta Białegostoku zarządzeniem wybrał oferty i przyznał dotacje po "
                         "zapoznaniu się z opinią komisji konkursowej. Wyniki ogłoszono w BIP, na tablicy "
                         "ogłoszeń i na stronie internetowej urzędu.",
        )
        # Art. 15 ust. 2h: the results in the three places, the notice board a day after the other two.
        results_on = timezone.localdate(moments[S.RESULTS])
        OutcomePublication.objects.create(
            competition=competition, bip_published_on=results_on, website_published_on=results_on,
            notice_board_published_on=results_on + dt.timedelta(days=1),
        )

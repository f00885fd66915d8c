"""Demo programmes around today's year: last year's (adopted, with priorities and funds; its report is the yearly
report's demo), this year's in force (adopted) and next year's in consultation, linked to the consultations demo's
"Program współpracy Miasta Białystok z organizacjami pozarządowymi na rok …" (that one is reused, not created
again), and a multi-year draft the department has begun (the panel only). Made through programme/editing.py, so
each has its versions. Keyed by slug: a second run adds nothing."""

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.consultations.demo import DEPARTMENT, OPINION_PDF
from partnerstwo.consultations.models import Consultation, Kind
from partnerstwo.programme import editing
from partnerstwo.programme.models import Form, PlannedFunds, Priority, Programme

TITLE = "Program współpracy Miasta Białystok z organizacjami pozarządowymi oraz podmiotami, o których mowa w art. 3 " \
        "ust. 3 ustawy, na rok {year}"
SHORT_TITLE = "Program współpracy Miasta Białystok z organizacjami pozarządowymi na rok {year}"

SECTIONS = {
    "objectives": "Celem głównym programu jest rozwój współpracy Miasta z organizacjami pozarządowymi w "
                  "rozwiązywaniu problemów mieszkańców.\n\nCele szczegółowe:\n\n1. wzmocnienie potencjału "
                  "organizacji;\n2. zwiększenie udziału mieszkańców w życiu publicznym;\n3. rozwój wolontariatu.",
    "principles": "Współpraca opiera się na zasadach pomocniczości, suwerenności stron, partnerstwa, efektywności, "
                  "uczciwej konkurencji i jawności (art. 5 ust. 3 ustawy).",
    "scope": "Przedmiotem współpracy są zadania publiczne z art. 4 ust. 1 ustawy należące do zadań własnych Miasta.",
    "forms_text": "Współpraca finansowa obejmuje zlecanie zadań w otwartych konkursach ofert i w trybie art. 19a "
                  "(małe granty). Współpraca pozafinansowa obejmuje m.in. udostępnianie lokali Centrum Aktywności "
                  "Społecznej i szkolenia.",
    "period": "Program obowiązuje od 1 stycznia do 31 grudnia.",
    "method": "Program realizują komórki organizacyjne Urzędu Miejskiego we współpracy z Zespołem Konsultacyjnym i "
              "Centrum Aktywności Społecznej.",
    "funds_text": "Ostateczną wysokość środków określa uchwała budżetowa.",
    "evaluation": "Realizację programu ocenia się na podstawie wskaźników: liczby konkursów i ofert, wysokości "
                  "przyznanych dotacji, liczby organizacji, które otrzymały dotację po raz pierwszy, oraz liczby "
                  "przeprowadzonych konsultacji.",
    "drafting": "Projekt programu przygotował Departament Spraw Społecznych na podstawie propozycji organizacji "
                "zgłoszonych na spotkaniach z Zespołem Konsultacyjnym; projekt skierowano do konsultacji.",
    "committees": "Komisje konkursowe powołuje Prezydent Miasta zarządzeniem; w ich skład wchodzą przedstawiciele "
                  "organizacji (art. 15 ust. 2a–2d ustawy).",
}
PRIORITIES = [
    ("culture", "Organizacja wydarzeń kulturalnych o zasięgu ogólnomiejskim"),
    ("sport", "Upowszechnianie sportu dzieci i młodzieży"),
    ("seniors", "Aktywizacja osób w wieku emerytalnym"),
    ("ngo-support", "Wsparcie organizacji pozarządowych i wolontariatu"),
]
AMOUNTS = [Decimal("1200000"), Decimal("2500000"), Decimal("800000"), Decimal("450000")]


def load(stdout, **options):
    today = timezone.localdate()
    department = Department.objects.get(name=DEPARTMENT)
    official = User.objects.filter(role=User.Role.OFFICIAL, department=department).order_by("pk").first()
    created = 0
    for year, state in [(today.year - 1, "adopted"), (today.year, "adopted"), (today.year + 1, "consultation")]:
        slug = f"program-wspolpracy-{year}"
        if Programme.objects.filter(slug=slug).exists():
            continue
        created += 1
        programme = Programme(title=TITLE.format(year=year), year_from=year, year_to=year, department=department)
        programme.save()  # the slug is the demo's key, so it is set here and not by editing.create
        Programme.objects.filter(pk=programme.pk).update(slug=slug)
        programme.refresh_from_db()
        editing.record_version(programme, by=official, note="Utworzenie programu")
        for field, text in SECTIONS.items():
            setattr(programme, field, text)
        programme.forms = [Form.COMMISSIONING, Form.INFORMING, Form.CONSULTING, Form.TEAMS]
        programme.save()
        programme.spheres.set(PublicTaskSphere.objects.filter(slug__in=[slug for slug, _title in PRIORITIES]))
        editing.record_version(programme, by=official, note="Treść projektu")
        spheres = {sphere.slug: sphere for sphere in PublicTaskSphere.objects.filter(
            slug__in=[slug for slug, _title in PRIORITIES])}
        for position, ((sphere, title), amount) in enumerate(zip(PRIORITIES, AMOUNTS, strict=True), start=1):
            priority = Priority.objects.create(programme=programme, position=position, sphere=spheres[sphere],
                                               title=title)
            PlannedFunds.objects.create(programme=programme, year=year, sphere=spheres[sphere], priority=priority,
                                        amount=amount + (year - today.year) * Decimal("50000"))
        editing.record_version(programme, by=official, note="Zadania priorytetowe i środki")
        if state == "consultation":
            _consult(programme, year, official)
        else:
            _adopt(programme, year, official)
    created += _multi_year_draft(today.year + 2, department, official)
    stdout.write(f"  programy współpracy: {created} nowych")


def _multi_year_draft(year, department, official) -> int:
    """A multi-year programme (art. 5a ust. 2) the department has begun: a draft, in the panel only."""
    slug = f"wieloletni-program-wspolpracy-{year}-{year + 2}"
    if Programme.objects.filter(slug=slug).exists():
        return 0
    programme = Programme(title=f"Wieloletni program współpracy Miasta Białystok z organizacjami pozarządowymi na "
                                f"lata {year}–{year + 2}", year_from=year, year_to=year + 2, department=department,
                          objectives=SECTIONS["objectives"], principles=SECTIONS["principles"])
    programme.save()
    Programme.objects.filter(pk=programme.pk).update(slug=slug)
    programme.refresh_from_db()
    editing.record_version(programme, by=official, note="Pierwsza wersja robocza")
    return 1


def _consult(programme, year, official):
    """Linked to the consultations demo's programme consultation (its title names 2027 whatever the day: the one of
    that year when there is one, else the demo's only one of that title), not yet linked to another programme."""
    candidates = Consultation.objects.filter(kind=Kind.PROGRAMME, programme__isnull=True)
    consultation = (candidates.filter(title=SHORT_TITLE.format(year=year)).first()
                    or candidates.filter(title__startswith=SHORT_TITLE.split(" na rok")[0]).order_by("pk").first())
    if consultation is None:
        return
    Programme.objects.filter(pk=programme.pk).update(consultation=consultation, status=Programme.Status.CONSULTATION)
    programme.refresh_from_db()
    editing.record_version(programme, by=official, note="Projekt skierowany do konsultacji")
    programme.evaluation += "\n\nWskaźniki uzupełniono o liczbę uczestników szkoleń."
    programme.save(update_fields=["evaluation"])
    editing.record_version(programme, by=official, note="Uzupełniono sposób oceny o wskaźnik szkoleń.")


def _adopt(programme, year, official):
    """Consulted in the autumn before (the consultation itself is not in the demo) and adopted in November."""
    Programme.objects.filter(pk=programme.pk).update(status=Programme.Status.CONSULTATION)
    programme.refresh_from_db()
    editing.record_version(programme, by=official, note="Projekt skierowany do konsultacji")
    editing.adopt(programme, number=f"{20 + year - 2020}/{300 + year - 2020}/{str(year - 1)[2:]}",
                  day=dt.date(year - 1, 11, 24), document=ContentFile(OPINION_PDF, name="uchwala.pdf"), by=official,
                  consulted_on=dt.date(year - 1, 9, 26))

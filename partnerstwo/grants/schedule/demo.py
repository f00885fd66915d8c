"""Demo data of the yearly schedule: the 2027 schedule published (one row moved since), and the 2026 one."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.grants.schedule.models import Mode, PlannedCompetition, PlannedCompetitionChange, ScheduleYear

DEPARTMENTS = {
    "DSS": "Departament Spraw Społecznych",
    "DKPS": "Departament Kultury, Promocji i Sportu",
    "DE": "Departament Edukacji",
    "DZ": "Departament Zdrowia",
    "DOŚ": "Departament Ochrony Środowiska",
}

S, E = Mode.SUPPORT, Mode.ENTRUSTING
# (department, task, sphere slug, mode, month, amount)
ROWS_2027 = [
    ("DSS", "Prowadzenie klubów seniora na osiedlach Białegostoku", "seniors", S, 1, 180_000),
    ("DSS", "Pomoc osobom w kryzysie bezdomności – noclegownia i łaźnia", "social-assistance", E, 1, 950_000),
    ("DSS", "Asystent osobisty osoby z niepełnosprawnością", "disability", E, 2, 420_000),
    ("DZ", "Profilaktyka uzależnień wśród dzieci i młodzieży", "addiction-prevention", S, 2, 300_000),
    ("DKPS", "Upowszechnianie kultury fizycznej – szkolenie dzieci i młodzieży", "sport", S, 3, 1_200_000),
    ("DKPS", "Festiwale i wydarzenia kulturalne w przestrzeni miasta", "culture", S, 4, 650_000),
    ("DZ", "Programy promocji zdrowia psychicznego", "health", S, 4, 200_000),
    ("DE", "Wypoczynek letni dzieci i młodzieży w mieście", "children-and-youth", S, 5, 350_000),
    ("DOŚ", "Edukacja ekologiczna i ochrona zwierząt bezdomnych", "ecology-animals", S, 6, 120_000),
    ("DKPS", "Ochrona dziedzictwa kulturowego Białegostoku", "national-tradition", S, 6, 90_000),
    ("DSS", "Centrum wolontariatu – promocja i organizacja wolontariatu", "volunteering", S, 9, 60_000),
    ("DE", "Zajęcia pozalekcyjne rozwijające zainteresowania uczniów", "education", S, 9, 250_000),
]
# The row moved after publication, and what it was before.
MOVED_TASK = "Festiwale i wydarzenia kulturalne w przestrzeni miasta"
MOVED_FROM_MONTH = 3

ROWS_2026 = [
    ("DSS", "Prowadzenie klubów seniora na osiedlach Białegostoku", "seniors", S, 1, 160_000),
    ("DKPS", "Upowszechnianie kultury fizycznej – szkolenie dzieci i młodzieży", "sport", S, 2, 1_100_000),
    ("DZ", "Profilaktyka uzależnień wśród dzieci i młodzieży", "addiction-prevention", S, 3, 280_000),
    ("DOŚ", "Edukacja ekologiczna i ochrona zwierząt bezdomnych", "ecology-animals", S, 5, 100_000),
]


def _aware(year, month, day, hour=10):
    return timezone.make_aware(dt.datetime(year, month, day, hour))


def _departments() -> dict:
    found = {}
    for short, name in DEPARTMENTS.items():
        department, _created = Department.objects.get_or_create(name=name, defaults={"short_name": short})
        found[short] = department
    return found


def _schedule(year: int, published_at: dt.datetime, rows, departments, spheres) -> ScheduleYear:
    schedule, _created = ScheduleYear.objects.get_or_create(
        year=year,
        defaults={
            "status": ScheduleYear.Status.PUBLISHED,
            "published_at": published_at,
            "comments_until": published_at.date() - dt.timedelta(days=3),
        },
    )
    for short, task, sphere, mode, month, amount in rows:
        PlannedCompetition.objects.get_or_create(
            schedule=schedule,
            task=task,
            defaults={
                "department": departments[short],
                "sphere": spheres[sphere],
                "mode": mode,
                "planned_month": month,
                "planned_amount": Decimal(amount),
            },
        )
    return schedule


def load(stdout, **options):
    departments = _departments()
    spheres = {sphere.slug: sphere for sphere in PublicTaskSphere.objects.all()}
    _schedule(2026, _aware(2025, 11, 27), ROWS_2026, departments, spheres)
    schedule = _schedule(2027, _aware(2026, 11, 16), ROWS_2027, departments, spheres)

    moved = PlannedCompetition.objects.get(schedule=schedule, task=MOVED_TASK)
    if not moved.changes.exists():
        change = PlannedCompetitionChange.objects.create(
            row=moved, field="planned_month", old_value=str(MOVED_FROM_MONTH), new_value=str(moved.planned_month)
        )
        # A change made on 25 November, after the 16 November publication.
        PlannedCompetitionChange.objects.filter(pk=change.pk).update(changed_at=_aware(2026, 11, 25, 12))
    stdout.write(f"  harmonogramy konkursów: {ScheduleYear.objects.count()}, "
                 f"pozycje: {PlannedCompetition.objects.count()}")

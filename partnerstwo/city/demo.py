"""Demo data for the city: its departments and districts."""

from partnerstwo.city.models import Department
from partnerstwo.city.reference import load_districts

DEPARTMENTS = [
    ("Departament Spraw Społecznych", "DSS"),
    ("Departament Kultury, Promocji i Sportu", "DKPS"),
    ("Departament Edukacji", "DE"),
    ("Departament Zdrowia", "DZ"),
    ("Departament Komunikacji Społecznej", "DKS"),
    ("Departament Ochrony Środowiska", "DOŚ"),
]


def load(stdout, **options):
    for name, short in DEPARTMENTS:
        Department.objects.get_or_create(name=name, defaults={"short_name": short})
    load_districts()
    stdout.write(f"  wydziały: {Department.objects.count()}, osiedla załadowane")

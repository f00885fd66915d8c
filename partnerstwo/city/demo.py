"""Demo data for the city: its departments and districts."""

from partnerstwo.city.models import Department
from partnerstwo.city.reference import load_districts

# name, short name, e-mail (where the advisory body's positions addressed to it are sent)
DEPARTMENTS = [
    ("Departament Spraw Społecznych", "DSS", "dss@um.example.org"),
    ("Departament Kultury, Promocji i Sportu", "DKPS", "dkps@um.example.org"),
    ("Departament Edukacji", "DE", "de@um.example.org"),
    ("Departament Zdrowia", "DZ", "dz@um.example.org"),
    ("Departament Komunikacji Społecznej", "DKS", "dks@um.example.org"),
    ("Departament Ochrony Środowiska", "DOŚ", ""),
]


def load(stdout, **options):
    for name, short, email in DEPARTMENTS:
        Department.objects.get_or_create(name=name, defaults={"short_name": short, "email": email})
    load_districts()
    stdout.write(f"  wydziały: {Department.objects.count()}, osiedla załadowane")

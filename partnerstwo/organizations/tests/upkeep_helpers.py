"""Builders for the tests of keeping the directory true (claims, editing, KRS, imports, reports)."""

import itertools
import json
from pathlib import Path

from partnerstwo.organizations.models import LegalForm, Organization, Representation

KRS_DATA = Path("/work/shared/data/krs")
WOSP_EXTRACT = KRS_DATA / "current-S-0000030897-wosp.json"
NOT_FOUND_BODY = KRS_DATA / "not-found-404.json"
WOSP_KRS = "0000030897"
WOSP_NIP = "5213003700"

_numbers = itertools.count(1)
NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)


def valid_nip(base: int) -> str:
    """A valid NIP starting 77 (apart from the directory's demo and generated ranges)."""
    while True:
        body = f"77{base:07d}"
        check = sum(int(d) * w for d, w in zip(body, NIP_WEIGHTS, strict=True)) % 11
        if check != 10:
            return body + str(check)
        base += 1


def organization(name="Stowarzyszenie Testowe", **fields) -> Organization:
    n = next(_numbers)
    values = {
        "slug": f"upkeep-{n}",
        "legal_form": LegalForm.ASSOCIATION,
        "krs": f"05{n:08d}",
        "nip": valid_nip(n * 13),
        "email": f"biuro{n}@organizacja.example.org",
        "town": "Białystok",
    }
    values.update(fields)
    return Organization.objects.create(name=name, **values)


def represent(user, org, status=Representation.Status.APPROVED, **fields) -> Representation:
    return Representation.objects.create(user=user, organization=org, status=status, **fields)


def wosp_json() -> dict:
    return json.loads(WOSP_EXTRACT.read_text(encoding="utf-8"))


# Rows for the shared hostile-input registry (tests/test_hostile_input.py): made on first use, then reused.


def hostile_organization() -> Organization:
    return Organization.objects.get_or_create(
        slug="fundacja-rejestrowa",
        defaults={"name": "Fundacja Rejestrowa", "legal_form": LegalForm.FOUNDATION, "krs": "0000424242",
                  "email": "biuro@rejestrowa.example.org", "town": "Białystok"},
    )[0]


def hostile_claim() -> Representation:
    from partnerstwo.accounts.models import User

    user = User.objects.get_or_create(email="zglaszajacy@example.org")[0]
    return Representation.objects.get_or_create(user=user, organization=hostile_organization())[0]


def hostile_change_request():
    from partnerstwo.organizations.models import OrganizationChangeRequest

    return OrganizationChangeRequest.objects.get_or_create(
        organization=hostile_organization(), status=OrganizationChangeRequest.Status.PENDING,
        defaults={"changes": {"name": ["Fundacja Rejestrowa", "Fundacja Rejestrowa Nowa"]}},
    )[0]


def hostile_import():
    from partnerstwo.organizations.models import OrganizationImport

    return OrganizationImport.objects.get_or_create(
        filename="organizacje.csv", kind=OrganizationImport.Kind.BULK,
        defaults={"content": "Nazwa;Forma prawna\nKoło Nowe;fundacja\n".encode()},
    )[0]

"""The KRS extracts the tests of keeping the directory true read, and the directory's rows for the
shared hostile-input registry."""

import json
from pathlib import Path

from partnerstwo.organizations.models import LegalForm, Organization, Representation

KRS_DATA = Path("/work/shared/data/krs")
WOSP_EXTRACT = KRS_DATA / "current-S-0000030897-wosp.json"
NOT_FOUND_BODY = KRS_DATA / "not-found-404.json"
WOSP_KRS = "0000030897"
WOSP_NIP = "5213003700"


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

"""Builders of the directory for the tests of every app: organisations, their representatives, and the
districts, spheres and target groups they refer to (by slug)."""

import itertools

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.organizations import fake_numbers
from partnerstwo.organizations.models import LegalForm, Organization, Representation, TargetGroup

_numbers = itertools.count(1)


def district(name="Dojlidy", slug=None):
    return District.objects.get_or_create(slug=slug or name.lower().replace(" ", "-"), defaults={"name": name})[0]


def sphere(slug="ecology-animals"):
    return PublicTaskSphere.objects.get(slug=slug)


def group(slug="dzieci"):
    return TargetGroup.objects.get(slug=slug)


def organization(name=None, *, spheres=(), target_groups=(), **fields) -> Organization:
    """A published association with a valid KRS and NIP of its own and nothing else: a test that needs
    an address, a town or an e-mail says so."""
    n = next(_numbers)
    values = {
        "slug": f"org-{n}",
        "legal_form": LegalForm.ASSOCIATION,
        "krs": fake_numbers.krs(n, prefix="07"),
        "nip": fake_numbers.nip(2 * n, prefix="98"),
        "town": "",
    }
    values.update(fields)
    org = Organization.objects.create(name=name or f"Stowarzyszenie Testowe {n}", **values)
    if spheres:
        org.spheres.set([sphere(s) if isinstance(s, str) else s for s in spheres])
    if target_groups:
        org.target_groups.set([group(g) if isinstance(g, str) else g for g in target_groups])
    return org


def represent(user, organization: Organization, status=Representation.Status.APPROVED, **fields) -> Representation:
    """Makes `user` a representative of `organization`: an approved one unless `status` says otherwise."""
    return Representation.objects.create(user=user, organization=organization, status=status, **fields)

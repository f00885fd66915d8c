"""Small builders for the directory's tests (organisations, districts, spheres by slug)."""

import itertools

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.organizations import fake_numbers
from partnerstwo.organizations.models import LegalForm, Organization, TargetGroup

_numbers = itertools.count(1)


def district(name="Dojlidy", slug=None):
    return District.objects.get_or_create(slug=slug or name.lower().replace(" ", "-"), defaults={"name": name})[0]


def sphere(slug="ecology-animals"):
    return PublicTaskSphere.objects.get(slug=slug)


def group(slug="dzieci"):
    return TargetGroup.objects.get(slug=slug)


def organization(name="Stowarzyszenie Testowe", *, spheres=(), target_groups=(), **fields):
    n = next(_numbers)
    values = {
        "slug": f"org-{n}",
        "legal_form": LegalForm.ASSOCIATION,
        "krs": fake_numbers.krs(n, prefix="07"),
        "nip": fake_numbers.nip(2 * n, prefix="98"),
        "town": "",
    }
    values.update(fields)
    org = Organization.objects.create(name=name, **values)
    if spheres:
        org.spheres.set([sphere(s) if isinstance(s, str) else s for s in spheres])
    if target_groups:
        org.target_groups.set([group(g) if isinstance(g, str) else g for g in target_groups])
    return org

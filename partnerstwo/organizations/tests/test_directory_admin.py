"""The admin for organisations and target groups."""

import pytest

from partnerstwo.organizations.models import OrganizationRevision, TargetGroup
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db


def test_administrators_find_organisations_by_krs_and_nip(client, administrator):
    make.organization("Fundacja Alfa", krs="0000111222")
    make.organization("Fundacja Beta")
    client.force_login(administrator)

    by_krs = client.get("/admin/organizations/organization/", {"q": "0000111222"}).content.decode()

    assert "Fundacja Alfa" in by_krs and "Fundacja Beta" not in by_krs


def test_an_admin_edit_is_kept_in_the_history(client, administrator):
    org = make.organization("Fundacja Alfa", spheres=["culture"])
    client.force_login(administrator)
    data = {
        "name": "Fundacja Alfa i Omega", "slug": org.slug, "legal_form": org.legal_form, "krs": org.krs,
        "nip": org.nip, "register_status": org.register_status, "is_published": "on",
        "spheres": [str(s.pk) for s in org.spheres.all()],
    }

    response = client.post(f"/admin/organizations/organization/{org.pk}/change/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    revision = OrganizationRevision.objects.get(organization=org)
    assert revision.changes["name"] == ["Fundacja Alfa", "Fundacja Alfa i Omega"]
    assert revision.changed_by == administrator
    org.refresh_from_db()
    assert org.updated_by == administrator


def test_the_directory_page_words_cannot_be_used_as_a_slug(client, administrator):
    client.force_login(administrator)

    response = client.post("/admin/organizations/organization/add/", {"name": "Mapa", "slug": "mapa",
                                                                       "legal_form": "fundacja"})

    assert "Ten adres jest zajęty" in response.content.decode()


def test_target_groups_are_editable_data(client, administrator):
    client.force_login(administrator)

    assert client.get("/admin/organizations/targetgroup/").status_code == 200
    assert TargetGroup.objects.filter(slug="zwierzeta").exists()

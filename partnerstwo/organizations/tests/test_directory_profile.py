"""An organisation's public profile /organizacje/<slug>/."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.organizations.models import LegalForm, Organization, RegisterStatus, TargetGroup
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db


def full_organization(**fields):
    values = {
        "short_name": "Azyl",
        "legal_form": LegalForm.FOUNDATION,
        "krs": "0000601234",
        "nip": "5260250274",
        "regon": "123456785",
        "street": "ul. Gajowa 85",
        "postal_code": "15-794",
        "town": "Białystok",
        "district": make.district("Skorupy"),
        "email": "kontakt@azyl.example.org",
        "phone": "85 123 45 67",
        "website": "https://azyl.example.org",
        "facebook": "https://www.facebook.com/azyl",
        "description": "Opiekujemy się **bezdomnymi** zwierzętami.",
        "statutory_goals": "Ochrona zwierząt.\nEdukacja.",
        "supervising_authority": "Prezydent Miasta Białegostoku",
        "is_opp": True,
        "opp_purpose": "leczenie zwierząt",
        "looking_for_volunteers": True,
        "krs_data_as_of": datetime.date(2026, 10, 5),
    }
    values.update(fields)
    return make.organization(
        "Fundacja Ochrony Zwierząt Azyl", spheres=["ecology-animals", "education"], target_groups=["zwierzeta"],
        **values,
    )


def test_the_profile_shows_every_public_field(client):
    org = full_organization()

    body = client.get(org.get_absolute_url()).content.decode()

    for text in [
        "<h1>Fundacja Ochrony Zwierząt Azyl</h1>", "<dd>fundacja</dd>", "0000601234", "526-025-02-74", "123456785",
        "ul. Gajowa 85", "15-794 Białystok", "Skorupy", 'href="mailto:kontakt@azyl.example.org"',
        'href="tel:851234567"', 'href="https://azyl.example.org"', 'href="https://www.facebook.com/azyl"',
        "<strong>bezdomnymi</strong>", "Ochrona zwierząt.<br>Edukacja.", "Prezydent Miasta Białegostoku",
        "leczenie zwierząt", "szuka wolontariuszy", ">OPP</abbr>", "Dane z KRS według stanu na 5 października 2026",
        "Ostatnia aktualizacja:",
    ]:
        assert text in body, text


def test_spheres_target_groups_and_district_link_to_the_filtered_directory(client):
    org = full_organization()

    body = client.get(org.get_absolute_url()).content.decode()

    assert 'href="/organizacje/?sfera=ecology-animals"' in body
    assert 'href="/organizacje/?sfera=education"' in body
    assert 'href="/organizacje/?grupa=zwierzeta"' in body
    assert 'href="/organizacje/?osiedle=skorupy"' in body


def test_the_manage_and_report_partials_are_included(client):
    org = full_organization()

    response = client.get(org.get_absolute_url())

    used = {template.name for template in response.templates}
    assert {"organizations/_profile_manage.html", "organizations/_profile_reports.html"} <= used


@pytest.mark.parametrize(
    ("status", "text"),
    [(RegisterStatus.REMOVED, "Organizacja została wykreślona z rejestru."),
     (RegisterStatus.IN_LIQUIDATION, "Organizacja jest w likwidacji.")],
)
def test_a_removed_or_liquidated_organisation_is_clearly_marked(client, status, text):
    org = full_organization(register_status=status)

    assert text in client.get(org.get_absolute_url()).content.decode()


def test_an_unpublished_organisation_is_hidden_from_the_public_and_other_representatives(client, representative_b):
    org = full_organization(is_published=False)

    assert client.get(org.get_absolute_url()).status_code == 404
    client.force_login(representative_b)
    assert client.get(org.get_absolute_url()).status_code == 404


def test_an_unpublished_organisation_is_visible_to_its_representative_and_to_officials(
    client, representative_a, official_x
):
    org = full_organization(is_published=False)
    make.represent(representative_a, org)

    for user in (representative_a, official_x):
        client.force_login(user)
        response = client.get(org.get_absolute_url())
        assert response.status_code == 200
        assert "nie jest opublikowana" in response.content.decode()


def test_a_missing_slug_is_a_404(client):
    assert client.get("/organizacje/nie-ma-takiej/").status_code == 404


def test_only_staff_see_who_made_the_last_change(client, official_x, representative_a, resident):
    org = full_organization()
    Organization.objects.filter(pk=org.pk).update(updated_by=representative_a)
    name = str(representative_a)

    assert name not in client.get(org.get_absolute_url()).content.decode()
    client.force_login(resident)
    assert name not in client.get(org.get_absolute_url()).content.decode()
    client.force_login(official_x)
    assert f"zmienił(a): {name}" in client.get(org.get_absolute_url()).content.decode()


def test_the_profile_links_to_the_organisations_events_and_not_to_grants(client):
    org = full_organization()

    body = client.get(org.get_absolute_url()).content.decode()

    assert f"organizator={org.slug}\">Wydarzenia organizacji</a>" in body
    assert "organizacja=" not in body  # the competitions list has no filter by organisation


def test_the_profile_runs_a_constant_number_of_queries(client):
    """The same queries for a bare profile and a full one (the partials of other features included)."""
    small = make.organization("Mała", spheres=["culture"])
    big = full_organization()
    big.spheres.set(PublicTaskSphere.objects.all()[:20])
    big.target_groups.set(TargetGroup.objects.all())

    counts = []
    for org in (small, big):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(org.get_absolute_url()).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]
    # The organisation, its spheres, target groups, the body's groups it belongs to, the consultations it
    # took part in, its annual reports, its good practices and its news: one query each.
    assert counts[0] <= 8

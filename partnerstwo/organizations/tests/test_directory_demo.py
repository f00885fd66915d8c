"""Demo organisations and the benchmark generator."""

import io

import pytest
from django.core.management import call_command
from stdnum.pl import nip, regon

from partnerstwo.organizations import demo
from partnerstwo.organizations.models import OppListEdition, Organization, RegisterStatus

pytestmark = pytest.mark.django_db


def test_the_demo_loads_realistic_organisations_once():

    demo.load(io.StringIO())
    demo.load(io.StringIO())

    organizations = Organization.objects.all()
    assert organizations.count() == len(demo.ORGANIZATIONS) >= 60
    assert organizations.filter(is_opp=True).exclude(opp_purpose="").count() >= 12
    assert organizations.filter(looking_for_volunteers=True).exists()
    assert organizations.filter(register_status=RegisterStatus.IN_LIQUIDATION).count() == 1
    assert organizations.filter(district=None).count() == 0
    for org in organizations:
        assert not org.nip or nip.is_valid(org.nip), org.nip
        assert not org.regon or regon.is_valid(org.regon), org.regon
        assert not org.krs or (len(org.krs) == 10 and org.krs.isdigit())
        assert 53.09 <= org.latitude <= 53.17 and 23.08 <= org.longitude <= 23.24, org.name
        assert org.postal_code.startswith("15-")
        assert org.spheres.exists() and org.target_groups.exists()
        assert org.search_text

    # Two editions of the official list; the newest leaves out one organisation marked OPP (staff see it).
    assert OppListEdition.objects.count() == 2
    newest = OppListEdition.objects.newest()
    assert Organization.objects.flagged_opp_missing_from(newest).count() == demo.OPP_LEFT_OUT
    assert Organization.objects.opp(newest).count() >= 11


def test_the_generator_makes_valid_unique_organisations_and_removes_them():
    demo.load(io.StringIO())
    out = io.StringIO()

    call_command("generate_organizations", count=250, batch_size=100, stdout=out)
    call_command("generate_organizations", count=50, batch_size=100, stdout=out)

    generated = Organization.objects.filter(slug__startswith="gen-")
    assert generated.count() == 300
    assert len(set(generated.values_list("krs", flat=True))) == 300
    assert all(nip.is_valid(number) for number in generated.values_list("nip", flat=True))
    sample = generated.order_by("?").first()
    assert sample.search_text == sample.build_search_text()
    assert sample.spheres.exists()

    call_command("generate_organizations", delete=True, stdout=out)
    assert not Organization.objects.filter(slug__startswith="gen-").exists()
    assert Organization.objects.count() == len(demo.ORGANIZATIONS)

"""What a person did on agreements and reports is in their export; deleting the account unlinks it and keeps the
record."""

import pytest

from partnerstwo.grants import personal_data
from partnerstwo.grants.tests import agreement_factories as factories


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def test_the_export_names_the_agreements_and_reports_and_deletion_keeps_the_record(
        department_x, organization_a, representative_a, official_x):
    received = factories.granted(department_x, organization_a, representative_a)
    agreement = factories.signed(official_x, representative_a, received)
    exported = personal_data.export(official_x)
    assert [a["title"] for a in exported["agreements_drafted_or_signature_recorded"]] == [agreement.title]
    official_x.delete()
    agreement.refresh_from_db()
    assert agreement.drafted_by is None and agreement.city_representatives

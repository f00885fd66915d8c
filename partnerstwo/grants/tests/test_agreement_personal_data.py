"""What a person did on agreements and reports is in their export; deleting the account unlinks it and keeps the
record."""

import pytest

from partnerstwo.grants import personal_data
from partnerstwo.grants.agreements import clauses
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


def test_the_clauses_an_administrator_wrote_are_in_the_export_and_stay_after_deletion(administrator):
    written = clauses.publish(text="Tekst miasta.", note="Pierwsza", by=administrator, based_on=None)
    assert personal_data.export(administrator)["agreement_clauses_written"] == [
        {"version": 1, "note": "Pierwsza", "created_at": written.created_at}]
    administrator.delete()
    written.refresh_from_db()
    assert written.created_by is None and written.text == "Tekst miasta."

import pytest

from partnerstwo.accounts.data_rights import export_everything, forget_everywhere
from partnerstwo.bulletin.models import MediaContact
from partnerstwo.pages.privacy import processing_register

pytestmark = pytest.mark.django_db


def test_a_media_contact_with_the_accounts_address_is_exported_and_forgotten(resident):
    MediaContact.objects.create(name="Anna", outlet="Kurier", email=resident.email.upper())
    MediaContact.objects.create(name="Inna", email="inna@example.org")
    exported = export_everything(resident)["data"]["bulletin"]["bulletin_media_contacts"]
    assert [(row["name"], row["outlet"]) for row in exported] == [("Anna", "Kurier")]
    forget_everywhere(resident)
    assert list(MediaContact.objects.values_list("name", flat=True)) == ["Inna"]


def test_the_privacy_policy_names_the_media_contacts():
    assert any("Kontakty w mediach" in str(entry.name) for entry in processing_register())

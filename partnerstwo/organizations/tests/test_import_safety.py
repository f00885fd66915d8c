"""Spreadsheet imports: an XLSX entity bomb is refused next to the file field, and a previewed import
is applied once however many times (or however fast) it is posted."""

import threading
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, close_old_connections, connection
from django.urls import reverse

from partnerstwo.lib.testing import TwoFactorClient
from partnerstwo.lib.tests.test_tabular_read import BILLION_LAUGHS, UNSAFE, tampered_xlsx
from partnerstwo.organizations import imports
from partnerstwo.organizations.models import Organization, OrganizationImport, OrganizationRevision
from partnerstwo.organizations.tests.test_bulk_import import HEADERS, csv_bytes, xlsx_bytes

ROW = [1, "", "Stowarzyszenie Jednorazowe", "stowarzyszenie", "", "", "", "Białystok", "", "", "", "", ""]


def bomb() -> bytes:
    return tampered_xlsx(BILLION_LAUGHS, "lol9", xlsx_bytes([ROW]))


@pytest.mark.django_db
def test_uploading_an_entity_bomb_shows_the_message_next_to_the_file_field(client, official_x):
    client.force_login(official_x)
    response = client.post(reverse("panel:organizations_panel:bulk_import"), {
        "file": SimpleUploadedFile("organizacje.xlsx", bomb()),
    })
    assert response.status_code == 200
    assert UNSAFE in response.content.decode()
    assert not OrganizationImport.objects.exists()


def upload(client, content=None):
    client.post(reverse("panel:organizations_panel:bulk_import"),
                {"file": SimpleUploadedFile("organizacje.csv", content or csv_bytes([ROW], HEADERS))})
    record = OrganizationImport.objects.get()
    return record, reverse("panel:organizations_panel:import_detail", args=[record.pk])


@pytest.mark.django_db
def test_posting_the_same_import_twice_applies_it_once_and_says_so(client, official_x):
    client.force_login(official_x)
    record, detail = upload(client)

    first = client.post(detail, {})
    second = client.post(detail, {})

    assert first.status_code == 302
    assert second.status_code == 409
    assert "Ten plik został już zapisany w katalogu" in second.content.decode()
    assert Organization.objects.filter(name="Stowarzyszenie Jednorazowe").count() == 1
    assert OrganizationRevision.objects.filter(source=OrganizationRevision.Source.BULK_IMPORT).count() == 1
    record.refresh_from_db()
    assert record.applied_by == official_x and record.result["rows"] == 1


@pytest.mark.django_db
def test_an_import_refused_for_its_errors_can_still_be_applied_later(client, official_x):
    client.force_login(official_x)
    bad = [2, "", "Fundacja Zła", "fundacja", "5213003701", "", "", "", "", "", "", "", ""]
    record, detail = upload(client, csv_bytes([ROW, bad], HEADERS))

    assert "nic nie zapisano" in client.post(detail, {}).content.decode()
    record.refresh_from_db()
    assert record.applied_at is None

    assert client.post(detail, {"only_valid": "on"}).status_code == 302
    assert Organization.objects.filter(name="Stowarzyszenie Jednorazowe").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submits_of_one_import_apply_it_once(official_x):
    setup = TwoFactorClient()  # staff pass their second factor
    setup.force_login(official_x)
    record, _detail = upload(setup)
    barrier = threading.Barrier(2)
    outcomes, errors = [], []

    def submit():
        try:
            barrier.wait()
            for _ in range(500):  # SQLite's in-memory test database: "locked" at once where a file would wait
                try:
                    imports.apply_once(OrganizationImport.objects.get(pk=record.pk), user=official_x)
                    outcomes.append("applied")
                    break
                except imports.AlreadyApplied:
                    outcomes.append("already applied")
                    break
                except OperationalError as error:  # the whole transaction rolled back, claim included
                    if connection.vendor != "sqlite" or "locked" not in str(error):
                        raise
                    time.sleep(0.01)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(outcomes) == ["already applied", "applied"]
    assert Organization.objects.filter(name="Stowarzyszenie Jednorazowe").count() == 1

"""Spreadsheet imports: XLSX files are parsed without entity expansion or external entities, and a
previewed import is applied once however many times (or however fast) it is posted."""

import io
import re
import threading
import time
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, close_old_connections, connection
from django.urls import reverse

from partnerstwo.lib.testing import TwoFactorClient
from partnerstwo.organizations import bulk_import, imports
from partnerstwo.organizations.models import Organization, OrganizationImport, OrganizationRevision
from partnerstwo.organizations.tables import TableError
from partnerstwo.organizations.tests.test_bulk_import import HEADERS, csv_bytes, xlsx_bytes

ROW = [1, "", "Stowarzyszenie Jednorazowe", "stowarzyszenie", "", "", "", "Białystok", "", "", "", "", ""]
UNSAFE = "niedozwolone konstrukcje XML"

BILLION_LAUGHS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE worksheet [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>"""
EXTERNAL = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"""
ONE_ENTITY = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE worksheet [<!ENTITY name "Fundacja z Encji">]>"""


def tampered_xlsx(doctype: str, entity: str) -> bytes:
    """A real workbook whose sheet declares entities and use one as the organisation's name."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([ROW])))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = re.sub(r"^<\?xml[^>]*\?>", "", text)
                text = text.replace("Stowarzyszenie Jednorazowe", f"&{entity};", 1)
                data = (doctype + text).encode()
            target.writestr(item, data)
    return output.getvalue()


def test_openpyxl_reads_through_defusedxml():
    assert openpyxl.DEFUSEDXML is True


@pytest.mark.django_db
@pytest.mark.parametrize(("doctype", "entity"), [(BILLION_LAUGHS, "lol9"), (EXTERNAL, "xxe"), (ONE_ENTITY, "name")])
def test_an_xlsx_declaring_entities_is_refused_with_a_polish_message(doctype, entity):
    started = time.monotonic()
    with pytest.raises(TableError, match=UNSAFE):
        bulk_import.preview(tampered_xlsx(doctype, entity), "organizacje.xlsx")
    assert time.monotonic() - started < 5


@pytest.mark.django_db
def test_uploading_an_entity_bomb_shows_the_message_next_to_the_file_field(client, official_x):
    client.force_login(official_x)
    response = client.post(reverse("panel:organizations_panel:bulk_import"), {
        "file": SimpleUploadedFile("organizacje.xlsx", tampered_xlsx(BILLION_LAUGHS, "lol9")),
    })
    assert response.status_code == 200
    assert UNSAFE in response.content.decode()
    assert not OrganizationImport.objects.exists()


@pytest.mark.django_db
def test_a_broken_xml_part_is_a_polish_message_too():
    content = tampered_xlsx("<!DOCTYPE", "x")  # not well-formed XML
    with pytest.raises(TableError, match="Nie udało się odczytać pliku XLSX"):
        bulk_import.preview(content, "organizacje.xlsx")


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

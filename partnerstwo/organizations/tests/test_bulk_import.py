"""Importing the city's spreadsheet of organisations: per-row errors, all or nothing unless chosen."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from partnerstwo.city.models import District
from partnerstwo.lib.tabular.read import TableError
from partnerstwo.organizations import bulk_import
from partnerstwo.organizations.models import Organization, OrganizationImport, OrganizationRevision
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db

HEADERS = ["Lp", "KRS", "Nazwa", "Forma prawna", "NIP", "Adres", "Kod pocztowy", "Miejscowość", "Osiedle",
           "Adres e-mail", "Telefon", "Strona WWW", "Notatki urzędu"]


@pytest.fixture
def district():
    return District.objects.get_or_create(slug="bojary", defaults={"name": "Bojary"})[0]


@pytest.fixture
def existing():
    return make.organization("Fundacja Stara", krs="0000111111", nip="5213003700", phone="85 000 00 00",
                             email="stara@example.org", legal_form="fundacja")


def csv_bytes(rows, headers=HEADERS) -> bytes:
    lines = [";".join(headers)] + [";".join(str(v) for v in values) for values in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def xlsx_bytes(rows, headers=HEADERS) -> bytes:
    book = Workbook()
    book.active.append(headers)
    for values in rows:
        book.active.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD = [
    [1, "222222", "Stowarzyszenie Nowe", "stowarzyszenie", "", "ul. Lipowa 1", "15427", "Białystok", "bojary",
     "nowe@example.org", "85 111 11 11", "nowe.example.org", "dzwonić rano"],
    [2, "0000111111", "", "", "", "", "", "", "", "", "85 999 99 99", "", ""],  # updates by KRS, keeps the rest
    [3, "", "Grupa Sąsiedzka", "Grupa nieformalna / inicjatywa", "", "", "", "Białystok", "", "", "", "", ""],
]
BAD = [
    [4, "", "Fundacja Zła", "fundacja", "5213003701", "", "", "", "", "", "", "", ""],
    [5, "", "Koło Dziwne", "spółka akcyjna", "", "", "", "", "Atlantyda", "", "", "", ""],
    [6, "222222", "Duplikat", "fundacja", "", "", "", "", "", "", "", "", ""],
    [7, "", "", "fundacja", "", "", "", "", "", "zły-adres", "", "", ""],
]


def test_a_clean_file_creates_and_updates_organisations(existing, district, official_x):
    result = bulk_import.apply(csv_bytes(GOOD), "organizacje.csv", user=official_x)

    assert (len(result.create), len(result.update), result.error_rows) == (2, 1, 0)
    assert result.ignored_columns == ["Lp", "Notatki urzędu"]
    new = Organization.objects.get(name="Stowarzyszenie Nowe")
    assert (new.krs, new.postal_code, new.district, new.website) == (
        "0000222222", "15-427", district, "https://nowe.example.org"
    )
    assert new.is_published and new.contact_email_confirmed_at is None
    created = new.revisions.get()
    assert created.source == OrganizationRevision.Source.BULK_IMPORT
    assert created.changes["name"] == [None, "Stowarzyszenie Nowe"]
    existing.refresh_from_db()
    assert (existing.name, existing.phone, existing.email) == ("Fundacja Stara", "85 999 99 99", "stara@example.org")
    assert existing.revisions.get().changes == {"phone": ["85 000 00 00", "85 999 99 99"]}
    assert Organization.objects.get(name="Grupa Sąsiedzka").legal_form == "grupa_nieformalna"


def test_the_preview_lists_each_error_with_its_row_and_column(existing, district):
    result = bulk_import.preview(csv_bytes(GOOD + BAD), "organizacje.csv")

    errors = {(e["row"], e["column"]) for e in result.errors}
    assert (5, "NIP") in errors
    assert (6, "Forma prawna") in errors and (6, "Osiedle") in errors
    assert (7, "KRS") in errors  # the same KRS as row 2 of the file
    assert (8, "Nazwa") in errors and (8, "Adres e-mail") in errors
    messages = " ".join(e["message"] for e in result.errors)
    assert "NIP ma błędną cyfrę kontrolną" in messages
    assert "Nieznana forma prawna „spółka akcyjna”" in messages
    assert "Nie ma osiedla „Atlantyda”" in messages
    assert "Ten sam numer jest już w wierszu 2" in messages
    assert result.error_rows == 4
    assert Organization.objects.count() == 1


def test_a_file_with_errors_changes_nothing(existing, district, official_x):
    with pytest.raises(ValidationError, match="nic nie zapisano"):
        bulk_import.apply(csv_bytes(GOOD + BAD), "organizacje.csv", user=official_x)

    assert Organization.objects.count() == 1
    existing.refresh_from_db()
    assert existing.phone == "85 000 00 00"


def test_only_the_valid_rows_are_imported_when_chosen(existing, district, official_x):
    result = bulk_import.apply(xlsx_bytes(GOOD + BAD), "organizacje.xlsx", user=official_x, only_valid=True)

    assert result.error_rows == 4
    assert set(Organization.objects.values_list("name", flat=True)) == {
        "Fundacja Stara", "Stowarzyszenie Nowe", "Grupa Sąsiedzka",
    }


def test_a_row_matching_two_organisations_is_an_error(existing):
    other = make.organization("Inna", krs="0000777777")
    rows = [[1, other.krs, "X", "fundacja", existing.nip, "", "", "", "", "", "", "", ""]]

    result = bulk_import.preview(csv_bytes(rows), "organizacje.csv")

    assert "dwóch różnych organizacji" in result.errors[0]["message"]


def test_a_file_without_a_name_column_is_refused(existing):
    with pytest.raises(TableError, match="brakuje kolumny z nazwą.*„KRS”"):
        bulk_import.preview(csv_bytes([["1"]], headers=["KRS", "NIP"]), "organizacje.csv")


def test_the_command_reports_errors_and_refuses_a_file_with_them(tmp_path, existing, district, capsys):
    path = tmp_path / "organizacje.csv"
    path.write_bytes(csv_bytes(GOOD + BAD))

    call_command("import_organizations", str(path), "--dry-run")
    _out, err = capsys.readouterr()
    assert "Wiersz 5 [NIP]: Ten NIP ma błędną cyfrę kontrolną" in err

    with pytest.raises(CommandError, match="nic nie zapisano"):
        call_command("import_organizations", str(path))
    assert Organization.objects.count() == 1

    call_command("import_organizations", str(path), "--only-valid")
    assert Organization.objects.count() == 3


def test_an_official_imports_in_the_panel_after_a_preview(client, official_y, existing, district):
    client.force_login(official_y)

    response = client.post(reverse("panel:organizations_panel:bulk_import"),
                           {"file": SimpleUploadedFile("organizacje.csv", csv_bytes(GOOD + BAD))})

    record = OrganizationImport.objects.get()
    detail = reverse("panel:organizations_panel:import_detail", args=[record.pk])
    assert response["Location"] == detail
    page = client.get(detail).content.decode()
    assert "Ten NIP ma błędną cyfrę kontrolną" in page and "Zaimportuj tylko poprawne wiersze" in page

    refused = client.post(detail, {})
    assert "nic nie zapisano" in refused.content.decode()
    assert Organization.objects.count() == 1

    client.post(detail, {"only_valid": "on"})
    assert Organization.objects.count() == 3
    record.refresh_from_db()
    assert record.applied_at and record.result["error_rows"] == 4


def test_the_upload_accepts_only_csv_and_xlsx(client, official_x):
    client.force_login(official_x)

    response = client.post(reverse("panel:organizations_panel:bulk_import"),
                           {"file": SimpleUploadedFile("organizacje.ods", b"x")})

    assert "Wybierz plik CSV albo XLSX." in response.content.decode()


@pytest.mark.parametrize(("role", "status"), [("resident", 403), ("team_member", 403), ("representative_a", 403),
                                             ("administrator", 200)])
def test_only_officials_and_administrators_import_organisations(client, request, role, status):
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse("panel:organizations_panel:bulk_import")).status_code == status

"""Importing the official OPP list (wykaz OPP): an edition with its year and date, columns found by their headers,
bad rows refused by name, a dry run, nothing unmarked."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from partnerstwo.lib.tabular.read import TableError
from partnerstwo.organizations import opp_list
from partnerstwo.organizations.models import OppListEdition, OppListEntry, OrganizationImport, OrganizationRevision
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db

# The edition as of 30 November 2025, for tax year 2025 (the test clock stands in December 2026).
EDITION = {"year": 2025, "as_of": "2025-11-30", "source_url": "https://niw.gov.pl/opp/wykaz-opp/"}
EDITION_FORM = {"year": "2025", "as_of": "2025-11-30", "source_url": "https://niw.gov.pl/opp/wykaz-opp/"}

# The NIW-CRSO columns are not known for sure (docs/law.md#art-27a-opp-list): other order, spelling, extra columns.
HEADERS = ["Lp.", "Województwo", "Nazwa organizacji", "Uwagi", "Numer KRS", "Powiat", "Miejscowość",
           "Cel szczegółowy 1,5%"]


def row(krs, name, town="Białystok", purpose="", lp=1):
    return [lp, "podlaskie", name, "", krs, "Białystok" if town == "Białystok" else "inny", town, purpose]


@pytest.fixture
def directory():
    return {
        "alfa": make.organization("Fundacja Alfa", krs="0000111111"),
        "beta": make.organization("Stowarzyszenie Beta", krs="0000222222", is_opp=True),
        "gamma": make.organization("Fundacja Gamma", krs="0000333333", is_opp=True, opp_purpose="Hospicjum"),
        "delta": make.organization("Klub Delta", krs="0000444444"),
    }


def xlsx(rows, headers=HEADERS, title=True) -> bytes:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append(["Wykaz organizacji pożytku publicznego uprawnionych do 1,5% — stan na 30.11.2025"])
        sheet.append([])
    sheet.append(headers)
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def list_rows():
    return [
        row("111111", "FUNDACJA ALFA", purpose="Pomoc dzieciom", lp=1),  # KRS typed as a short number
        row(333333, "FUNDACJA GAMMA", purpose="Hospicjum", lp=2),  # a number cell; nothing changes
        row("0000555555", "STOWARZYSZENIE SPOZA KATALOGU", lp=3),  # the city's OPP we do not have
        row("0000666666", "FUNDACJA Z WARSZAWY", town="Warszawa", lp=4),
        row("abc", "BŁĘDNY WIERSZ", lp=5),
    ]


def test_a_dry_run_shows_what_would_change_and_changes_nothing(directory):
    result = opp_list.preview(xlsx(list_rows()), "wykaz.xlsx")

    assert result.columns["krs"] == "Numer KRS" and result.columns["purpose"] == "Cel szczegółowy 1,5%"
    assert result.rows == 5 and result.on_list == 2
    [change] = result.changes
    assert change["name"] == "Fundacja Alfa"
    assert change["changes"] == {"is_opp": [False, True], "opp_purpose": ["", "Pomoc dzieciom"]}
    assert result.unchanged == 1
    assert [item["name"] for item in result.absent] == ["Stowarzyszenie Beta"]
    assert result.city_missing == [{"krs": "0000555555", "row": 6, "name": "STOWARZYSZENIE SPOZA KATALOGU"}]
    assert result.invalid[0]["row"] == 8 and result.invalid[0]["value"] == "abc"
    directory["alfa"].refresh_from_db()
    assert not directory["alfa"].is_opp


def test_importing_marks_the_listed_organisations_and_only_reports_the_absent_ones(directory, official_x):
    result = opp_list.apply(xlsx(list_rows()), "wykaz.xlsx", user=official_x, edition=EDITION)

    alfa, beta, gamma = (directory[key] for key in ("alfa", "beta", "gamma"))
    for org in (alfa, beta, gamma):
        org.refresh_from_db()
    assert alfa.is_opp and alfa.opp_purpose == "Pomoc dzieciom"
    assert beta.is_opp  # absent from the list: reported, not unmarked
    assert [item["name"] for item in result.absent] == ["Stowarzyszenie Beta"]
    revision = alfa.revisions.get()
    assert revision.source == OrganizationRevision.Source.OPP_LIST
    assert revision.changed_by == official_x
    assert not gamma.revisions.exists() and not beta.revisions.exists()
    assert alfa.contact_email_confirmed_at is None  # imported data is never a confirmed mailing address


def test_a_csv_in_windows_encoding_with_semicolons_and_other_headers_works(directory):
    content = "NAZWA;GMINA;nr krs;WOJEWODZTWO;dodatkowa kolumna\r\n" \
              "Fundacja Alfa;Białystok;0000111111;podlaskie;x\r\n" \
              "Klub Delta;Białystok;444444;podlaskie;y\r\n"

    result = opp_list.apply(content.encode("cp1250"), "wykaz.csv", user=None, edition=EDITION)

    assert result.columns == {"name": "NAZWA", "commune": "GMINA", "krs": "nr krs", "voivodeship": "WOJEWODZTWO"}
    assert {item["name"] for item in result.changes} == {"Fundacja Alfa", "Klub Delta"}
    directory["delta"].refresh_from_db()
    assert directory["delta"].is_opp and directory["delta"].opp_purpose == ""


def test_a_utf8_csv_with_commas_works(directory):
    content = "Numer KRS,Nazwa,Miejscowość\n0000111111,Fundacja Alfa,Białystok\n"

    assert opp_list.preview(content.encode("utf-8-sig"), "wykaz.csv").on_list == 1


@pytest.mark.parametrize(
    ("headers", "missing"),
    [(["Lp.", "Nazwa", "Miejscowość"], "numer KRS"), (["Numer KRS", "Województwo"], "nazwa")],
)
def test_a_file_without_the_krs_or_name_column_is_refused_listing_the_headers(headers, missing):
    with pytest.raises(TableError) as error:
        opp_list.preview(xlsx([["1", "x", "y"]], headers=headers, title=False), "wykaz.xlsx")

    assert f"brakuje kolumny: {missing}" in str(error.value)
    for header in headers:
        assert f"„{header}”" in str(error.value)


def test_the_command_has_a_dry_run(directory, tmp_path, capsys):
    path = tmp_path / "wykaz.xlsx"
    path.write_bytes(xlsx(list_rows()))

    edition = ["--year", "2025", "--as-of", "2025-11-30"]
    call_command("import_opp_list", str(path), "--dry-run", *edition)
    out = capsys.readouterr().out
    assert "Zmieniłoby się: 1" in out and "niczego nie zapisano" in out
    directory["alfa"].refresh_from_db()
    assert not directory["alfa"].is_opp

    assert not OppListEdition.objects.exists()
    call_command("import_opp_list", str(path), *edition)
    directory["alfa"].refresh_from_db()
    assert directory["alfa"].is_opp
    assert OppListEdition.objects.get().entry_count == 4
    assert "nie zmieniono): 1" in capsys.readouterr().out


def test_the_command_explains_a_file_it_cannot_use(tmp_path):
    path = tmp_path / "wykaz.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")

    with pytest.raises(CommandError, match="brakuje kolumny"):
        call_command("import_opp_list", str(path), "--year", "2025", "--as-of", "2025-11-30")


def test_an_official_previews_and_then_applies_the_list_in_the_panel(client, official_x, directory):
    client.force_login(official_x)
    upload = SimpleUploadedFile("wykaz.xlsx", xlsx(list_rows()))

    response = client.post(reverse("panel:organizations_panel:opp_import"), {"file": upload, **EDITION_FORM})

    record = OrganizationImport.objects.get()
    assert response.status_code == 302
    preview = client.get(response["Location"]).content.decode()
    assert "To jest podgląd" in preview and "Fundacja Alfa" in preview and "Stowarzyszenie Beta" in preview
    assert "Rok podatkowy 2025, data wydania 2025-11-30" in preview
    assert "Pozycji wykazu do zapisania (poprawnych, bez powtórzeń): 4" in preview
    assert not OppListEdition.objects.exists()
    directory["alfa"].refresh_from_db()
    assert not directory["alfa"].is_opp

    client.post(reverse("panel:organizations_panel:import_detail", args=[record.pk]))
    directory["alfa"].refresh_from_db()
    record.refresh_from_db()
    assert directory["alfa"].is_opp
    assert record.applied_by == official_x
    assert record.opp_edition.year == 2025 and record.opp_edition.as_of == dt.date(2025, 11, 30)
    # Applying twice does nothing more.
    client.post(reverse("panel:organizations_panel:import_detail", args=[record.pk]))
    assert directory["alfa"].revisions.count() == 1


def test_the_upload_page_shows_the_headers_of_a_file_it_refuses(client, administrator):
    client.force_login(administrator)
    upload = SimpleUploadedFile("wykaz.csv", b"Nazwa;Adres\nA;B\n")

    response = client.post(reverse("panel:organizations_panel:opp_import"), {"file": upload, **EDITION_FORM})

    assert response.status_code == 200
    assert "„Nazwa”, „Adres”" in response.context["form"].errors["file"][0]
    assert not OrganizationImport.objects.exists()


@pytest.mark.parametrize("role", ["resident", "representative_a", "team_member"])
def test_only_officials_and_administrators_import_the_list(client, request, role):
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse("panel:organizations_panel:opp_import")).status_code == 403


def test_the_edition_keeps_one_entry_per_listed_krs_matched_to_the_directory(directory):
    opp_list.apply(xlsx([*list_rows(), row("0000111111", "FUNDACJA ALFA (POWTÓRZONA)", lp=6)]), "wykaz.xlsx",
                   user=None, edition=EDITION)

    edition = OppListEdition.objects.get()
    assert (edition.year, edition.as_of, edition.source_name) == (2025, dt.date(2025, 11, 30), "wykaz.xlsx")
    entries = {entry.krs: entry.organization for entry in edition.entries.all()}
    assert entries == {
        "0000111111": directory["alfa"], "0000333333": directory["gamma"],
        "0000555555": None, "0000666666": None,
    }
    assert edition.entry_count == 4


def test_bad_rows_are_refused_with_their_reason_and_the_rest_is_saved(directory):
    rows = [
        row("0000111111", "FUNDACJA ALFA", lp=1),
        row("12345678901", "ZA DŁUGI NUMER", lp=2),
        row("", "BEZ NUMERU", lp=3),
        row("0000777777", "", lp=4),
        row("0000111111", "FUNDACJA ALFA DRUGI RAZ", lp=5),
    ]

    result = opp_list.apply(xlsx(rows), "wykaz.xlsx", user=None, edition=EDITION)

    messages = {item["row"]: item["message"] for item in result.invalid}
    assert result.invalid_count == 4 and result.entries == 1
    assert "10 cyfr" in messages[5] or "KRS" in messages[5]
    assert messages[6] == "Brak numeru KRS."
    assert messages[7] == "Brak nazwy organizacji."
    assert messages[8] == "Ten numer KRS jest już w wierszu 4; pominięto powtórzenie."
    assert list(OppListEntry.objects.values_list("krs", flat=True)) == ["0000111111"]


def test_the_same_edition_is_not_loaded_twice_and_nothing_of_the_second_is_saved(directory):
    opp_list.apply(xlsx(list_rows()), "wykaz.xlsx", user=None, edition=EDITION)

    with pytest.raises(ValidationError, match="jest już wczytane"):
        opp_list.apply(xlsx(list_rows()), "wykaz-2.xlsx", user=None, edition=EDITION)
    assert OppListEdition.objects.count() == 1 and OppListEntry.objects.count() == 4


@pytest.mark.parametrize(("year", "as_of", "field", "message"), [
    ("2025", "2025-11-29", "as_of", "poza tym okresem"),  # before the list's 30 November
    ("2024", "2026-01-15", "as_of", "poza tym okresem"),  # after the updates of the next year ended
    # Relative to the test clock's day (see resolve): the suite also runs on other days.
    ("LAST_YEAR", "TOMORROW", "as_of", "z przyszłości"),
    ("NEXT_YEAR", "TODAY", "year", "od 2003 do THIS_YEAR"),
    ("dwa tysiące", "2025-11-30", "year", "cyframi"),
    ("2025", "30 listopada", "as_of", "RRRR-MM-DD"),
    ("", "", "year", "Podaj rok podatkowy"),
])
def test_the_upload_form_checks_the_year_and_the_date_next_to_their_fields(
    client, official_x, year, as_of, field, message
):
    today = timezone.localdate()

    def resolve(value: str) -> str:
        for name, day in (("TOMORROW", today + dt.timedelta(days=1)), ("TODAY", today)):
            value = value.replace(name, day.isoformat())
        for name, number in (("LAST_YEAR", today.year - 1), ("NEXT_YEAR", today.year + 1), ("THIS_YEAR", today.year)):
            value = value.replace(name, str(number))
        return value

    client.force_login(official_x)
    upload = SimpleUploadedFile("wykaz.xlsx", xlsx(list_rows()))

    response = client.post(reverse("panel:organizations_panel:opp_import"),
                           {"file": upload, "year": resolve(year), "as_of": resolve(as_of), "source_url": ""})

    assert response.status_code == 200
    assert resolve(message) in " ".join(response.context["form"].errors[field])
    assert "error-summary" in response.content.decode()
    assert not OrganizationImport.objects.exists()


def test_an_old_preview_without_an_edition_is_refused_when_applied(client, official_x, directory):
    record = OrganizationImport.objects.create(
        kind=OrganizationImport.Kind.OPP_LIST, filename="wykaz.xlsx", content=xlsx(list_rows()),
        preview=opp_list.preview(xlsx(list_rows()), "wykaz.xlsx").to_json(), uploaded_by=official_x,
    )
    client.force_login(official_x)

    response = client.post(reverse("panel:organizations_panel:import_detail", args=[record.pk]))

    assert "wgraj plik ponownie" in response.content.decode()
    record.refresh_from_db()
    assert record.applied_at is None and not OppListEdition.objects.exists()


def test_the_editions_page_lists_them_and_the_organisations_missing_from_the_newest(
    client, official_x, directory, django_assert_max_num_queries
):
    opp_list.apply(xlsx(list_rows()), "wykaz.xlsx", user=None, edition=EDITION)
    client.force_login(official_x)

    with django_assert_max_num_queries(10):
        body = client.get(reverse("panel:organizations_panel:opp_editions")).content.decode()

    assert "30 listopada 2025" in body and "najnowsze" in body
    assert "Stowarzyszenie Beta" in body  # marked OPP, not on the list
    assert "Fundacja Gamma" not in body.split("opp-missing-heading")[1]


@pytest.mark.parametrize(("role", "status"), [
    ("resident", 403), ("representative_a", 403), ("team_member", 403), ("official_x", 200), ("administrator", 200),
])
def test_the_editions_page_is_for_directory_staff(client, request, role, status):
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse("panel:organizations_panel:opp_editions")).status_code == status

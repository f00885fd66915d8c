"""Open data: CSV, XLSX and JSON exports of the directory with the current filters."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from partnerstwo.organizations import public_data
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db
PRIVATE = ["search_text", "contact_email_confirmed_at", "confirmed_contact_email", "updated_by", "is_published"]


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def organizations():
    make.organization(
        "Fundacja Łąki", spheres=["ecology-animals", "education"], target_groups=["dzieci"], is_opp=True,
        opp_purpose="ochrona ptaków", district=make.district("Dojlidy"), latitude="53.115000", longitude="23.190000",
        description='=HYPERLINK("http://zly.example")', phone="+48 85 123 45 67",
    )
    make.organization("Stowarzyszenie Rzeki", spheres=["culture"])
    make.organization("Ukryta", is_published=False)


def test_the_csv_has_a_header_row_and_one_row_per_published_organisation(client, organizations):
    response = client.get("/organizacje/eksport.csv")

    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="organizacje-' in response["Content-Disposition"]
    data = content(response)
    assert data.startswith("\ufeff".encode())  # for Excel
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == public_data.KEYS
    assert [row["name"] for row in rows] == ["Fundacja Łąki", "Stowarzyszenie Rzeki"]
    first = rows[0]
    assert "ekologii i ochrony zwierząt" in first["spheres"] and "; " in first["spheres"]
    assert first["district"] == "Dojlidy"
    assert first["is_opp"] == "true"
    assert first["latitude"] == "53.115"
    assert first["url"] == "http://testserver" + "/organizacje/" + first["slug"] + "/"


def test_the_csv_defuses_formulas_but_keeps_phone_numbers(client, organizations):
    rows = list(csv.DictReader(io.StringIO(content(client.get("/organizacje/eksport.csv")).decode("utf-8-sig"))))

    assert rows[0]["description"] == "'=HYPERLINK(\"http://zly.example\")"
    assert rows[0]["phone"] == "+48 85 123 45 67"


def test_exports_honour_the_filters(client, organizations):
    rows = list(csv.DictReader(io.StringIO(
        content(client.get("/organizacje/eksport.csv", {"q": "laki", "opp": "1"})).decode("utf-8-sig")
    )))
    assert [row["name"] for row in rows] == ["Fundacja Łąki"]
    data = json.loads(content(client.get("/organizacje/eksport.json", {"sfera": "culture"})))
    assert [item["name"] for item in data] == ["Stowarzyszenie Rzeki"]


def test_the_xlsx_opens_with_openpyxl_and_keeps_text_as_text(client, organizations):
    response = client.get("/organizacje/eksport.xlsx")

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(content(response))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("identyfikator", "nazwa")
    assert len(rows) == 3
    assert rows[1][1] == "Fundacja Łąki"
    description = rows[1][public_data.KEYS.index("description")]
    assert description == '=HYPERLINK("http://zly.example")'
    assert sheet.cell(row=2, column=public_data.KEYS.index("description") + 1).data_type == "s"


def test_the_json_export_is_a_list_of_public_records(client, organizations):
    data = json.loads(content(client.get("/organizacje/eksport.json")))

    assert [item["name"] for item in data] == ["Fundacja Łąki", "Stowarzyszenie Rzeki"]
    assert list(data[0]) == public_data.KEYS
    assert data[0]["spheres"][0].keys() == {"slug", "point", "name"}
    assert data[0]["district"] == {"slug": "dojlidy", "name": "Dojlidy"}
    assert data[0]["latitude"] == 53.115


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_exports_contain_no_private_fields(client, organizations, fmt):
    data = content(client.get(f"/organizacje/eksport.{fmt}"))

    if fmt == "xlsx":
        cells = load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)
        text = " ".join(str(value) for row in cells for value in row)
    else:
        text = data.decode("utf-8-sig")
    for field in PRIVATE:
        assert field not in text
    assert "Ukryta" not in text


def test_the_csv_is_streamed_in_pieces_not_built_whole(client, monkeypatch):
    from partnerstwo.organizations import exports

    monkeypatch.setattr(exports, "ROWS_PER_PIECE", 2)
    for n in range(5):
        make.organization(f"Fundacja {n}", spheres=["culture"])

    response = client.get("/organizacje/eksport.csv")
    pieces = list(response.streaming_content)

    assert [piece.count(b"\n") for piece in pieces] == [1, 2, 2, 1]  # the header, then rows as they come


def test_an_unknown_format_is_a_404(client):
    assert client.get("/organizacje/eksport.pdf").status_code == 404


def test_records_keep_each_organisations_spheres_across_chunks():
    from partnerstwo.organizations.models import Organization

    for n in range(5):
        make.organization(f"Fundacja {n}", spheres=["culture"] if n % 2 else ["sport", "health"])

    found = list(public_data.records(Organization.objects.order_by("name"), lambda path: path, chunk_size=2))

    assert [[s["slug"] for s in r["spheres"]] for r in found] == [
        ["health", "sport"], ["culture"], ["health", "sport"], ["culture"], ["health", "sport"],
    ]


def test_downloads_are_limited_per_address(client, settings):
    settings.DIRECTORY_EXPORT_RATE_LIMIT = "2/h"

    statuses = [client.get("/organizacje/eksport.json").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]

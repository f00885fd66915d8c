"""Exports of the directory (CSV, XLSX, JSON) that stay small in memory at any number of rows.

public_data reads the rows in chunks (a server-side cursor on PostgreSQL) and each piece is
written out as it comes, so 150,000 organisations never sit in memory together. The columns are
public_data.FIELDS.
"""

import csv
import re
import tempfile
from collections.abc import Callable, Iterator

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from partnerstwo.organizations import public_data

FORMATS = ("csv", "xlsx", "json")
ROWS_PER_PIECE = 200  # lines handed to the server at a time: few, small writes
# A text cell a spreadsheet would run as a formula ("=HYPERLINK(…)"); phone numbers such as
# "+48 85 123 45 67" stay as they are.
_FORMULA = re.compile(r"^(?:[=@\t\r]|[+-](?![\d\s().-]*$))")


def filename(fmt: str) -> str:
    return f"organizacje-{timezone.localdate():%Y-%m-%d}.{fmt}"


def _defuse(value):
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


class _Echo:
    """csv.writer's file: hands each written line back instead of storing it."""

    def write(self, value):
        return value


def csv_lines(queryset, absolute_url: Callable[[str], str]) -> Iterator[str]:
    """The header, then the rows in pieces of ROWS_PER_PIECE lines."""
    # UTF-8 with a byte order mark: Excel then reads Polish letters right; other tools skip it.
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(public_data.KEYS)
    piece = []
    for cells in public_data.rows(queryset, absolute_url):
        piece.append(writer.writerow([_defuse(cell) for cell in cells]))
        if len(piece) == ROWS_PER_PIECE:
            yield "".join(piece)
            piece = []
    if piece:
        yield "".join(piece)


def json_chunks(queryset, absolute_url: Callable[[str], str]) -> Iterator[str]:
    """A JSON array written one organisation at a time."""
    yield "["
    separator = "\n"
    for record in public_data.records(queryset, absolute_url):
        yield separator + public_data.to_json(record)
        separator = ",\n"
    yield "\n]\n"


def csv_response(queryset, absolute_url):
    response = StreamingHttpResponse(csv_lines(queryset, absolute_url), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename("csv")}"'
    return response


def json_response(queryset, absolute_url):
    response = StreamingHttpResponse(json_chunks(queryset, absolute_url), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{filename("json")}"'
    return response


def xlsx_response(queryset, absolute_url):
    """openpyxl's write-only workbook keeps rows in a temporary file, not in memory."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="organizacje")
    sheet.append([str(field.label) for field in public_data.FIELDS])
    for cells in public_data.rows(queryset, absolute_url):
        sheet.append([_text_cell(sheet, value) for value in cells])
    output = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after sending
    workbook.save(output)
    output.seek(0)
    return FileResponse(
        output, as_attachment=True, filename=filename("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def _text_cell(sheet, value):
    """openpyxl stores a string starting with '=' as a formula; keep every string a string."""
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"
        return cell
    return value


def response(fmt: str, queryset, absolute_url):
    return {"csv": csv_response, "xlsx": xlsx_response, "json": json_response}[fmt](queryset, absolute_url)

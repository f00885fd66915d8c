"""Spreadsheet exports that stay small in memory at any number of rows: a streamed CSV and a write-only XLSX.

Used by the directory's exports and the grant results. A CSV is UTF-8 with a byte order mark (Excel
then reads Polish letters right; other tools skip it); a text cell that a spreadsheet would run as a
formula is prefixed with an apostrophe, and in XLSX every string is stored as a string.
"""

import csv
import re
import tempfile
from collections.abc import Iterable, Iterator

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

ROWS_PER_PIECE = 200  # lines handed to the server at a time: few, small writes
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A text cell a spreadsheet would run as a formula ("=HYPERLINK(…)"); phone numbers such as
# "+48 85 123 45 67" stay as they are.
_FORMULA = re.compile(r"^(?:[=@\t\r]|[+-](?![\d\s().-]*$))")


def defuse(value):
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


class _Echo:
    """csv.writer's file: hands each written line back instead of storing it."""

    def write(self, value):
        return value


def csv_lines(header: list[str], rows: Iterable[list], rows_per_piece: int = ROWS_PER_PIECE) -> Iterator[str]:
    """The header (after the byte order mark), then the rows in pieces of `rows_per_piece` lines."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([str(label) for label in header])
    piece = []
    for cells in rows:
        piece.append(writer.writerow([defuse(cell) for cell in cells]))
        if len(piece) == rows_per_piece:
            yield "".join(piece)
            piece = []
    if piece:
        yield "".join(piece)


def csv_response(lines: Iterable[str], filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def text_cell(sheet, value):
    """openpyxl stores a string starting with '=' as a formula; keep every string a string."""
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"
        return cell
    return value


def write_xlsx(output, header: list[str], rows: Iterable[list], *, sheet_title: str) -> None:
    """One sheet into `output` (a binary file); openpyxl's write-only workbook keeps rows in a temporary file,
    not in memory."""
    write_workbook(output, [(sheet_title, header, rows)])


def write_workbook(output, sheets: Iterable[tuple[str, list[str], Iterable[list]]]) -> None:
    """Several sheets, each (title, header, rows), into `output`, as write_xlsx writes one."""
    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=str(title)[:31])
        sheet.append([str(label) for label in header])
        for cells in rows:
            sheet.append([text_cell(sheet, value) for value in cells])
    workbook.save(output)


def xlsx_response(header: list[str], rows: Iterable[list], *, filename: str, sheet_title: str) -> FileResponse:
    output = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after sending
    write_xlsx(output, header, rows, sheet_title=sheet_title)
    output.seek(0)
    return FileResponse(output, as_attachment=True, filename=filename, content_type=XLSX_TYPE)

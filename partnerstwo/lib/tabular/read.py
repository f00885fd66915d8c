"""Reading a spreadsheet someone else made (CSV or XLSX) and finding its columns by their headers.

Headers are matched by keywords, case- and diacritics-insensitively ("Numer KRS", "nr krs", "KRS"),
because the files come from outside (NIW-CRSO's OPP list, the city's own spreadsheet) and their
exact columns are not fixed.
"""

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from django.utils.translation import gettext as _
from openpyxl import DEFUSEDXML, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from partnerstwo.lib.text import fold

MAX_ROWS = 100_000
HEADER_SEARCH_ROWS = 15


class TableError(Exception):
    """The file cannot be used; the message (Polish) says why."""


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the spreadsheet shows it, cells)


def header_words(header: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(header))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # KRS 30897 typed as a number comes back as 30897.0
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def _caused_by(error: BaseException, kind: type) -> bool:
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, kind):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def _xlsx_rows(content: bytes):
    # openpyxl parses the workbook's XML through defusedxml when it is installed (requirements.txt): a
    # file that declares entities (an "entity expansion bomb") or points at external ones is refused
    # with DefusedXmlException instead of being expanded or fetched.
    if not DEFUSEDXML:  # pragma: no cover - OPENPYXL_DEFUSEDXML=False in the environment
        raise TableError(_("Odczyt plików XLSX jest wyłączony (brak bezpiecznego parsera XML)."))
    unsafe = _("Plik XLSX zawiera niedozwolone konstrukcje XML (definicje encji lub odwołania do plików "
               "zewnętrznych) — zapisz go ponownie jako zwykły arkusz Excela i wczytaj jeszcze raz.")
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, SyntaxError) as error:
        # SyntaxError: xml.etree's ParseError, malformed XML inside the archive. openpyxl wraps what
        # defusedxml refused in a ValueError of its own.
        if _caused_by(error, DefusedXmlException):
            raise TableError(unsafe) from error
        raise TableError(_("Nie udało się odczytać pliku XLSX — sprawdź, czy to arkusz Excela.")) from error
    try:
        sheet = workbook.worksheets[0]
        try:
            for values in sheet.iter_rows(values_only=True):
                yield [_cell(value) for value in values]
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, SyntaxError) as error:
            if _caused_by(error, DefusedXmlException):  # DefusedXmlException is a ValueError itself
                raise TableError(unsafe) from error
            raise TableError(_("Nie udało się odczytać pliku XLSX — sprawdź, czy to arkusz Excela.")) from error
    finally:
        workbook.close()


def _csv_rows(content: bytes):
    for encoding in ("utf-8-sig", "cp1250"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1250 decodes almost anything
        raise TableError(_("Nie udało się odczytać pliku CSV (nieznane kodowanie znaków)."))
    if "\x00" in text:
        raise TableError(_("To nie jest plik CSV (zawiera dane binarne)."))
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
        delimiter = dialect.delimiter
    except csv.Error:
        first_line = sample.splitlines()[0] if sample else ""
        delimiter = max(";,\t", key=first_line.count)
    try:
        for values in csv.reader(io.StringIO(text), delimiter=delimiter):
            yield [value.strip() for value in values]
    except csv.Error as error:
        raise TableError(_("Plik CSV jest uszkodzony: %(error)s") % {"error": error}) from error


def read_table(content: bytes, filename: str, *, is_header: Callable[[list[str]], bool] | None = None) -> Table:
    """The header row (the first row `is_header` accepts among the first rows, else the first
    non-empty one) and the non-empty rows below it."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        source = _xlsx_rows(content)
    elif name.endswith(".csv"):
        source = _csv_rows(content)
    else:
        raise TableError(_("Obsługiwane są pliki CSV i XLSX."))
    leading: list[tuple[int, list[str]]] = []
    headers = None
    rows: list[tuple[int, list[str]]] = []
    for number, values in enumerate(source, start=1):
        if not any(values):
            continue
        if headers is None:
            leading.append((number, values))
            if is_header and is_header(values):
                headers = values
            elif len(leading) >= HEADER_SEARCH_ROWS or not is_header:
                # No row looks like the header: take the first one, the caller reports what it lacks.
                headers = leading[0][1]
                rows.extend(leading[1:])
            continue
        rows.append((number, values))
        if len(rows) > MAX_ROWS:
            raise TableError(_("Plik ma więcej niż %(max)s wierszy.") % {"max": MAX_ROWS})
    if headers is None:
        if not leading:
            raise TableError(_("Plik jest pusty."))
        headers, rows = leading[0][1], leading[1:]
    width = len(headers)
    rows = [(number, (values + [""] * width)[:max(width, len(values))]) for number, values in rows]
    return Table(headers=[h.strip() for h in headers], rows=rows)


def map_columns(headers: list[str], rules: list[tuple[str, Callable[[list[str]], bool]]]) -> dict[str, int]:
    """{key: column index}: each header goes to the first rule it satisfies whose key is still free."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        words = header_words(header)
        if not words:
            continue
        for key, matches in rules:
            if key not in mapping and matches(words):
                mapping[key] = index
                break
    return mapping


def starts(*prefixes: str) -> Callable[[list[str]], bool]:
    """A rule: some word of the header starts with one of the prefixes."""
    return lambda words: any(word.startswith(prefixes) for word in words)


def cell(values: list[str], mapping: dict[str, int], key: str) -> str:
    index = mapping.get(key)
    return values[index].strip() if index is not None and index < len(values) else ""

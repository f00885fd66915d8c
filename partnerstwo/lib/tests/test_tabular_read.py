"""Reading spreadsheets from outside: XLSX parsed without entity expansion or external entities, and a
broken file is a Polish message, not an error page."""

import io
import re
import time
import zipfile

import openpyxl
import pytest

from partnerstwo.lib.tabular.read import TableError, read_table

UNSAFE = "niedozwolone konstrukcje XML"
NAME = "Stowarzyszenie Jednorazowe"

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


def xlsx_bytes(rows) -> bytes:
    book = openpyxl.Workbook()
    for values in rows:
        book.active.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def tampered_xlsx(doctype: str, entity: str, content: bytes | None = None) -> bytes:
    """A real workbook (by default a name column and one row) whose sheet declares entities and uses
    one in place of the cell reading "Stowarzyszenie Jednorazowe"."""
    source = zipfile.ZipFile(io.BytesIO(content or xlsx_bytes([["Nazwa"], [NAME]])))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = re.sub(r"^<\?xml[^>]*\?>", "", text)
                text = text.replace(NAME, f"&{entity};", 1)
                data = (doctype + text).encode()
            target.writestr(item, data)
    return output.getvalue()


def test_openpyxl_reads_through_defusedxml():
    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize(("doctype", "entity"), [(BILLION_LAUGHS, "lol9"), (EXTERNAL, "xxe"), (ONE_ENTITY, "name")])
def test_an_xlsx_declaring_entities_is_refused_with_a_polish_message(doctype, entity):
    started = time.monotonic()
    with pytest.raises(TableError, match=UNSAFE):
        read_table(tampered_xlsx(doctype, entity), "organizacje.xlsx")
    assert time.monotonic() - started < 5


def test_a_broken_xml_part_is_a_polish_message_too():
    content = tampered_xlsx("<!DOCTYPE", "x")  # not well-formed XML
    with pytest.raises(TableError, match="Nie udało się odczytać pliku XLSX"):
        read_table(content, "organizacje.xlsx")


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [(b"PK\x03\x04 broken", "wykaz.xlsx", "Nie udało się odczytać pliku XLSX"), (b"", "wykaz.csv", "Plik jest pusty"),
     (b"\x00\x01\x02", "wykaz.csv", "dane binarne")],
)
def test_broken_files_get_a_message_not_an_error_page(content, name, message):
    with pytest.raises(TableError, match=message):
        read_table(content, name)

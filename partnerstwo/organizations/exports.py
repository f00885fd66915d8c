"""Exports of the directory (CSV, XLSX, JSON) that stay small in memory at any number of rows.

public_data reads the rows in chunks (a server-side cursor on PostgreSQL) and each piece is
written out as it comes, so 150,000 organisations never sit in memory together. The columns are
public_data.FIELDS.
"""

from collections.abc import Callable, Iterator

from django.http import StreamingHttpResponse
from django.utils import timezone

from partnerstwo.lib.tabular import write
from partnerstwo.organizations import public_data

FORMATS = ("csv", "xlsx", "json")
ROWS_PER_PIECE = write.ROWS_PER_PIECE


def filename(fmt: str) -> str:
    return f"organizacje-{timezone.localdate():%Y-%m-%d}.{fmt}"


def csv_lines(queryset, absolute_url: Callable[[str], str]) -> Iterator[str]:
    """The header, then the rows in pieces of ROWS_PER_PIECE lines (read at call time: tests shrink it)."""
    return write.csv_lines(public_data.KEYS, public_data.rows(queryset, absolute_url), ROWS_PER_PIECE)


def json_chunks(queryset, absolute_url: Callable[[str], str]) -> Iterator[str]:
    """A JSON array written one organisation at a time."""
    yield "["
    separator = "\n"
    for record in public_data.records(queryset, absolute_url):
        yield separator + public_data.to_json(record)
        separator = ",\n"
    yield "\n]\n"


def csv_response(queryset, absolute_url):
    return write.csv_response(csv_lines(queryset, absolute_url), filename("csv"))


def json_response(queryset, absolute_url):
    response = StreamingHttpResponse(json_chunks(queryset, absolute_url), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{filename("json")}"'
    return response


def xlsx_response(queryset, absolute_url):
    return write.xlsx_response(
        [field.label for field in public_data.FIELDS], public_data.rows(queryset, absolute_url),
        filename=filename("xlsx"), sheet_title="organizacje",
    )


def response(fmt: str, queryset, absolute_url):
    return {"csv": csv_response, "xlsx": xlsx_response, "json": json_response}[fmt](queryset, absolute_url)

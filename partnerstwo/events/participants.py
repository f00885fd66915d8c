"""The participant list of an occurrence as rows, and its CSV and XLSX exports."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.events.models import Registration


def registrations_of(occurrence):
    """Confirmed first, then the waiting list in its order, then those who cancelled."""
    order = {Registration.Status.CONFIRMED: 0, Registration.Status.WAITING: 1, Registration.Status.CANCELLED: 2}
    rows = list(occurrence.registrations.select_related("organization").order_by("created_at", "id"))
    return sorted(rows, key=lambda r: order[r.status])


def header() -> list[str]:
    return [_("Lp."), _("Imię i nazwisko"), _("E-mail"), _("Organizacja"), _("Potrzeby"), _("Status"),
            _("Zapisano"), _("Obecność")]


def rows(occurrence) -> list[list[str]]:
    attended = {True: _("tak"), False: _("nie"), None: ""}
    return [
        [
            str(number), r.name, r.email, r.organization.name if r.organization else "", r.needs,
            r.get_status_display(), timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"), attended[r.attended],
        ]
        for number, r in enumerate(registrations_of(occurrence), start=1)
    ]


def defuse(value: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading apostrophe stops that."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def as_csv(occurrence) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header())
    writer.writerows([[defuse(cell) for cell in row] for row in rows(occurrence)])
    return ("\ufeff" + buffer.getvalue()).encode()  # the BOM: Excel then reads UTF-8


def as_xlsx(occurrence) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Uczestnicy")[:31]
    sheet.append(header())
    for row in rows(occurrence):
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", defuse(cell)) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def filename(occurrence, extension: str) -> str:
    return f"uczestnicy-{occurrence.event.slug}-{timezone.localtime(occurrence.starts_at):%Y-%m-%d-%H%M}.{extension}"

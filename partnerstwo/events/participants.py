"""The participant list of an occurrence as rows, and its CSV and XLSX exports."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.events.models import Registration


def registrations_of(occurrence):
    """Confirmed first, then the waiting list in its order, then places held for addresses not yet
    confirmed, then those who cancelled."""
    order = {Registration.Status.CONFIRMED: 0, Registration.Status.WAITING: 1, Registration.Status.UNCONFIRMED: 2,
             Registration.Status.CANCELLED: 3}
    rows = list(occurrence.registrations.select_related("organization").order_by("created_at", "id"))
    return sorted(rows, key=lambda r: order[r.status])


NEEDS_COLUMN = 4


def header(*, with_needs: bool = True) -> list[str]:
    columns = [_("Lp."), _("Imię i nazwisko"), _("E-mail"), _("Organizacja"), _("Potrzeby"), _("Status"),
               _("Zapisano"), _("Obecność")]
    return columns if with_needs else columns[:NEEDS_COLUMN] + columns[NEEDS_COLUMN + 1:]


def rows(occurrence, *, with_needs: bool = True) -> list[list[str]]:
    """The needs column (it may reveal health) only for those who act on it: registration.sees_needs."""
    attended = {True: _("tak"), False: _("nie"), None: ""}
    result = []
    for number, r in enumerate(registrations_of(occurrence), start=1):
        row = [
            str(number), r.name, r.email, r.organization.name if r.organization else "", r.needs,
            r.get_status_display(), timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"), attended[r.attended],
        ]
        result.append(row if with_needs else row[:NEEDS_COLUMN] + row[NEEDS_COLUMN + 1:])
    return result


def defuse(value: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading apostrophe stops that."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def as_csv(occurrence, *, with_needs: bool = True) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header(with_needs=with_needs))
    writer.writerows([[defuse(cell) for cell in row] for row in rows(occurrence, with_needs=with_needs)])
    return ("\ufeff" + buffer.getvalue()).encode()  # the BOM: Excel then reads UTF-8


def as_xlsx(occurrence, *, with_needs: bool = True) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Uczestnicy")[:31]
    sheet.append(header(with_needs=with_needs))
    for row in rows(occurrence, with_needs=with_needs):
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", defuse(cell)) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def filename(occurrence, extension: str) -> str:
    return f"uczestnicy-{occurrence.event.slug}-{timezone.localtime(occurrence.starts_at):%Y-%m-%d-%H%M}.{extension}"

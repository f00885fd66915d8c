"""The official yearly list of public-benefit organisations (wykaz OPP, NIW-CRSO; docs/law.md#art-27a-opp-list).

The list names every OPP in Poland entitled to 1.5% of PIT. Each upload is an edition (its tax year, its
date and source) with one entry per listed KRS number; the 1.5% page shows the directory's organisations
named in the newest edition. We also mark them as OPP and take the specific purpose ("cel") when the
file has one.

Organisations marked OPP in the directory but absent from the list are reported, not unmarked: the
list leaves out OPPs that filed their reports late and is updated monthly, so absence is a reason for
an official to look, not a fact to write.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from partnerstwo.lib.tabular.read import Table, TableError, cell, map_columns, read_table, starts
from partnerstwo.lib.text import fold
from partnerstwo.organizations import editing
from partnerstwo.organizations.identifiers import clean_krs
from partnerstwo.organizations.models import (
    OppListEdition,
    OppListEntry,
    Organization,
    OrganizationImport,
    OrganizationRevision,
)

RULES = [
    ("krs", starts("krs")),
    ("name", starts("nazw")),
    ("voivodeship", starts("wojew")),
    ("county", starts("powiat")),
    ("commune", starts("gmin")),
    ("town", lambda words: any(w.startswith("miejscow") or w == "miasto" for w in words)),
    ("purpose", starts("cel")),
]
REQUIRED = ("krs", "name")
PURPOSE_MAX = Organization._meta.get_field("opp_purpose").max_length
NAME_MAX = OppListEntry._meta.get_field("name").max_length
FIRST_YEAR = 2003  # the act of 24 April 2003 created the OPP status and the percentage of PIT
LIST_LIMIT = 200  # rows shown per section of a report


def _looks_like_header(values: list[str]) -> bool:
    mapping = map_columns(values, RULES)
    return all(key in mapping for key in REQUIRED)


def read(content: bytes, filename: str) -> tuple[Table, dict[str, int]]:
    table = read_table(content, filename, is_header=_looks_like_header)
    mapping = map_columns(table.headers, RULES)
    missing = [key for key in REQUIRED if key not in mapping]
    if missing:
        labels = {"krs": _("numer KRS"), "name": _("nazwa")}
        raise TableError(
            _("W pliku brakuje kolumny: %(missing)s. Znalezione nagłówki: %(headers)s.") % {
                "missing": ", ".join(labels[key] for key in missing),
                "headers": ", ".join(f"„{h}”" for h in table.headers if h) or _("(brak)"),
            }
        )
    return table, mapping


@dataclass
class OppPlan:
    columns: dict[str, str] = field(default_factory=dict)
    rows: int = 0
    on_list: int = 0
    changes: list[dict] = field(default_factory=list)  # {"id", "name", "krs", "changes": {f: [before, after]}}
    unchanged: int = 0
    absent: list[dict] = field(default_factory=list)  # OPP in the directory, not on the list
    absent_count: int = 0
    city_missing: list[dict] = field(default_factory=list)  # the city's OPPs on the list, not in the directory
    city_missing_count: int = 0
    invalid: list[dict] = field(default_factory=list)  # {"row", "value", "message"}
    invalid_count: int = 0
    entries: int = 0  # distinct valid KRS numbers: the edition's entries
    edition: dict = field(default_factory=dict)  # {"year", "as_of" (ISO), "source_url"}

    def to_json(self) -> dict:
        return dict(self.__dict__)


def _in_city(values, mapping) -> bool:
    city = fold(settings.CITY["name"])
    return any(fold(cell(values, mapping, key)) == city for key in ("town", "commune", "county"))


@dataclass
class Listed:
    """The valid rows by KRS number, and the directory's organisation id for those it has."""

    rows: dict[str, tuple[int, list[str]]]
    organization_ids: dict[str, int]


def plan(table: Table, mapping: dict[str, int]) -> tuple[OppPlan, dict[int, dict], Listed]:
    """What importing the list would change, the values to set per organisation id, and the entries to save."""
    result = OppPlan(columns={key: table.headers[index] for key, index in mapping.items()}, rows=len(table.rows))
    listed: dict[str, tuple[int, list[str]]] = {}

    def refuse(number, value, message):
        result.invalid_count += 1
        if len(result.invalid) < LIST_LIMIT:
            result.invalid.append({"row": number, "value": value, "message": message})

    for number, values in table.rows:
        raw = cell(values, mapping, "krs")
        try:
            krs = clean_krs(raw)
        except ValidationError as error:
            krs, message = "", " ".join(error.messages)
        else:
            message = _("Brak numeru KRS.") if not krs else ""
        if not krs:
            refuse(number, raw, message)
        elif not cell(values, mapping, "name").strip():
            refuse(number, raw, _("Brak nazwy organizacji."))
        elif krs in listed:
            refuse(number, raw, _("Ten numer KRS jest już w wierszu %(row)s; pominięto powtórzenie.")
                   % {"row": listed[krs][0]})
        else:
            listed[krs] = (number, values)
    result.entries = len(listed)

    in_directory = {}
    numbers = list(listed)
    for start in range(0, len(numbers), 2000):
        for organization in Organization.objects.filter(krs__in=numbers[start:start + 2000]):
            in_directory[organization.krs] = organization
    result.on_list = len(in_directory)

    updates: dict[int, dict] = {}
    for krs, organization in sorted(in_directory.items(), key=lambda item: item[1].name):
        values = listed[krs][1]
        wanted = {"is_opp": True}
        purpose = cell(values, mapping, "purpose")[:PURPOSE_MAX].strip()
        if purpose:
            wanted["opp_purpose"] = purpose
        changes = {
            name: [editing.serialize(getattr(organization, name)), value]
            for name, value in wanted.items() if getattr(organization, name) != value
        }
        if changes:
            updates[organization.pk] = {name: pair[1] for name, pair in changes.items()}
            result.changes.append({"id": organization.pk, "name": organization.name, "krs": krs, "changes": changes})
        else:
            result.unchanged += 1

    absent = Organization.objects.filter(is_opp=True).exclude(krs__in=list(in_directory)).order_by("name")
    result.absent_count = absent.count()
    result.absent = [{"id": o.pk, "name": o.name, "krs": o.krs, "slug": o.slug} for o in absent[:LIST_LIMIT]]

    missing = [(krs, number, values) for krs, (number, values) in listed.items()
               if krs not in in_directory and _in_city(values, mapping)]
    result.city_missing_count = len(missing)
    result.city_missing = [
        {"krs": krs, "row": number, "name": cell(values, mapping, "name")}
        for krs, number, values in missing[:LIST_LIMIT]
    ]
    return result, updates, Listed(listed, {krs: organization.pk for krs, organization in in_directory.items()})


# --- The edition: its tax year, date and source ---------------------------------------------------


def _day(day: dt.date) -> str:
    return formats.date_format(day, "j E Y")


def edition_window(year: int) -> tuple[dt.date, dt.date]:
    """An edition for tax year Y is drawn up as of 30 November Y and updated until 31 December Y+1 (art. 27a)."""
    return dt.date(year, 11, 30), dt.date(year + 1, 12, 31)


def check_edition(year: int, as_of: dt.date, *, today: dt.date) -> None:
    """The edition's year and date, or a ValidationError naming the field at fault."""
    if not FIRST_YEAR <= year <= today.year:
        raise ValidationError({"year": _("Podaj rok podatkowy od %(first)s do %(last)s.") % {
            "first": FIRST_YEAR, "last": today.year,
        }})
    if as_of > today:
        raise ValidationError({"as_of": _("Data wydania nie może być z przyszłości.")})
    first, last = edition_window(year)
    if not first <= as_of <= last:
        raise ValidationError({"as_of": _(
            "Wykaz za rok %(year)s sporządza się według stanu na %(first)s i aktualizuje do %(last)s (art. 27a "
            "ustawy); podana data wydania jest poza tym okresem."
        ) % {"year": year, "first": _day(first), "last": _day(last)}})
    if OppListEdition.objects.filter(year=year, as_of=as_of).exists():
        raise ValidationError({"as_of": _("Wydanie wykazu za rok %(year)s z dnia %(day)s jest już wczytane.") % {
            "year": year, "day": _day(as_of),
        }})


def preview(content: bytes, filename: str, *, edition: dict | None = None) -> OppPlan:
    table, mapping = read(content, filename)
    result = plan(table, mapping)[0]
    result.edition = edition or {}
    return result


def apply(content: bytes, filename: str, *, user, edition: dict, source_import: OrganizationImport | None = None,
          today: dt.date | None = None) -> OppPlan:
    """Save the edition with an entry per listed KRS number and mark the listed organisations (a revision each,
    source "opp_list"), all in one transaction: a bad file or a second copy of an edition saves nothing."""
    if not edition.get("year") or not edition.get("as_of"):
        raise ValidationError(_("Brakuje roku podatkowego i daty wydania wykazu: wgraj plik ponownie i podaj je."))
    year, as_of = int(edition["year"]), dt.date.fromisoformat(edition["as_of"])
    table, mapping = read(content, filename)
    with transaction.atomic():
        check_edition(year, as_of, today=today or timezone.localdate())
        result, updates, listed = plan(table, mapping)
        saved = OppListEdition.objects.create(
            year=year, as_of=as_of, source_url=edition.get("source_url", ""), source_name=filename[:255],
            source_import=source_import, entry_count=len(listed.rows),
        )
        OppListEntry.objects.bulk_create(
            [
                OppListEntry(edition=saved, krs=krs, name=cell(values, mapping, "name").strip()[:NAME_MAX],
                             organization_id=listed.organization_ids.get(krs))
                for krs, (_number, values) in listed.rows.items()
            ],
            batch_size=1000,
        )
        organizations = Organization.objects.in_bulk(list(updates))
        for pk, values in updates.items():
            editing.apply_changes(organizations[pk], values, user=user, source=OrganizationRevision.Source.OPP_LIST)
    result.edition = {**edition, "id": saved.pk}
    return result

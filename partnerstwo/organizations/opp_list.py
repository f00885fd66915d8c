"""The official yearly list of public-benefit organisations (wykaz OPP, NIW-CRSO; docs/law.md#art-27a-opp-list).

The list names every OPP in Poland entitled to 1.5% of PIT. We find the city's organisations in it
by KRS number, mark them as OPP and take the specific purpose ("cel") when the file has one.

Organisations marked OPP in the directory but absent from the list are reported, not unmarked: the
list leaves out OPPs that filed their reports late and is updated monthly, so absence is a reason for
an official to look, not a fact to write.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerstwo.lib.tabular.read import Table, TableError, cell, map_columns, read_table, starts
from partnerstwo.lib.text import fold
from partnerstwo.organizations import editing
from partnerstwo.organizations.identifiers import clean_krs
from partnerstwo.organizations.models import Organization, OrganizationRevision

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

    def to_json(self) -> dict:
        return dict(self.__dict__)


def _in_city(values, mapping) -> bool:
    city = fold(settings.CITY["name"])
    return any(fold(cell(values, mapping, key)) == city for key in ("town", "commune", "county"))


def plan(table: Table, mapping: dict[str, int]) -> tuple[OppPlan, dict[int, dict]]:
    """What importing the list would change, and the values to set per organisation id."""
    result = OppPlan(columns={key: table.headers[index] for key, index in mapping.items()}, rows=len(table.rows))
    listed: dict[str, tuple[int, list[str]]] = {}
    for number, values in table.rows:
        raw = cell(values, mapping, "krs")
        try:
            krs = clean_krs(raw)
        except ValidationError as error:
            krs, message = "", " ".join(error.messages)
        else:
            message = _("Brak numeru KRS.") if not krs else ""
        if not krs:
            if len(result.invalid) < LIST_LIMIT:
                result.invalid.append({"row": number, "value": raw, "message": message})
            continue
        listed.setdefault(krs, (number, values))

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
    return result, updates


def preview(content: bytes, filename: str) -> OppPlan:
    table, mapping = read(content, filename)
    return plan(table, mapping)[0]


def apply(content: bytes, filename: str, *, user) -> OppPlan:
    """Mark the listed organisations (a revision each, source "opp_list"), all in one transaction."""
    table, mapping = read(content, filename)
    with transaction.atomic():
        result, updates = plan(table, mapping)
        organizations = Organization.objects.in_bulk(list(updates))
        for pk, values in updates.items():
            editing.apply_changes(organizations[pk], values, user=user, source=OrganizationRevision.Source.OPP_LIST)
    return result

"""The directory's open data: which fields of an organisation are public, defined once.

The CSV, XLSX and JSON exports and the JSON API all go through records(), so a field added to
FIELDS appears everywhere and a field left out (the search column, who edited, e-mail
confirmation, publication state) appears nowhere. Documented for re-users in docs/api.md.

records() reads plain column values (no model instances) in chunks, and the spheres and target
groups of each chunk with one query each: 150,000 organisations stream in seconds and little memory.
"""

import datetime
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from typing import Any

from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.organizations.models import LegalForm, Organization, TargetGroup

CHUNK_SIZE = 2000


def sphere_name(sphere) -> str:
    """The sphere's name in the reader's language (English falls back to the Polish name)."""
    if (get_language() or "pl").startswith("en") and sphere.name_en:
        return sphere.name_en
    return sphere.name_pl


@dataclass
class Lookups:
    """The small reference tables a record refers to, read once per export or API request."""

    absolute_url: Callable[[str], str]
    spheres: dict = field(default_factory=dict)  # pk -> {"slug", "point", "name"}
    sphere_order: dict = field(default_factory=dict)  # pk -> position
    target_groups: dict = field(default_factory=dict)
    group_order: dict = field(default_factory=dict)
    districts: dict = field(default_factory=dict)
    legal_forms: dict = field(default_factory=dict)
    profile_url_template: str = ""

    @classmethod
    def load(cls, absolute_url):
        lookups = cls(absolute_url=absolute_url)
        for position, sphere in enumerate(PublicTaskSphere.objects.all()):
            lookups.spheres[sphere.pk] = {"slug": sphere.slug, "point": sphere.point_label, "name": sphere_name(sphere)}
            lookups.sphere_order[sphere.pk] = position
        for position, group in enumerate(TargetGroup.objects.all()):
            lookups.target_groups[group.pk] = {"slug": group.slug, "name": group.name}
            lookups.group_order[group.pk] = position
        lookups.districts = {pk: {"slug": slug, "name": name} for pk, slug, name in
                             District.objects.values_list("pk", "slug", "name")}
        lookups.legal_forms = {key: str(label) for key, label in LegalForm.choices}
        lookups.profile_url_template = absolute_url(reverse("organizations:detail", args=["__slug__"]))
        return lookups


@dataclass(frozen=True)
class Field:
    key: str  # the JSON key and the CSV column name
    label: Any  # the XLSX header, for people
    value: Callable  # (row: dict of columns, lookups) -> a JSON-ready value
    columns: tuple = ()  # the Organization columns it reads
    flat: Callable | None = None  # value -> one spreadsheet cell; default flatten()


def _column(name, label, key=None):
    return Field(key or name, label, lambda row, lookups: row[name], (name,))


def _names(value):
    return "; ".join(item["name"] for item in value)


def _coordinate(value):
    return float(value) if isinstance(value, Decimal) else value


FIELDS = [
    _column("slug", _("identyfikator")),
    _column("name", _("nazwa")),
    _column("short_name", _("nazwa skrócona")),
    _column("legal_form", _("forma prawna")),
    Field("legal_form_label", _("forma prawna (opis)"),
          lambda row, lookups: lookups.legal_forms.get(row["legal_form"], row["legal_form"]), ("legal_form",)),
    _column("krs", _("numer KRS")),
    _column("nip", _("NIP")),
    _column("regon", _("REGON")),
    _column("register_status", _("status w rejestrze")),
    _column("street", _("ulica i numer")),
    _column("postal_code", _("kod pocztowy")),
    _column("town", _("miejscowość")),
    Field("district", _("osiedle"), lambda row, lookups: lookups.districts.get(row["district_id"]),
          ("district_id",), lambda value: value["name"] if value else ""),
    Field("latitude", _("szerokość geograficzna"), lambda row, lookups: _coordinate(row["latitude"]), ("latitude",)),
    Field("longitude", _("długość geograficzna"), lambda row, lookups: _coordinate(row["longitude"]), ("longitude",)),
    _column("email", _("e-mail")),
    _column("phone", _("telefon")),
    _column("website", _("strona internetowa")),
    _column("facebook", _("Facebook")),
    _column("instagram", _("Instagram")),
    _column("other_social", _("inny profil społecznościowy")),
    _column("description", _("opis działalności")),
    _column("statutory_goals", _("cele statutowe")),
    _column("supervising_authority", _("organ nadzoru")),
    Field("spheres", _("sfery zadań publicznych"),
          lambda row, lookups: [lookups.spheres[pk] for pk in row["sphere_ids"]], (), _names),
    Field("target_groups", _("grupy odbiorców"),
          lambda row, lookups: [lookups.target_groups[pk] for pk in row["group_ids"]], (), _names),
    _column("is_opp", _("status OPP")),
    _column("opp_purpose", _("cel szczegółowy 1,5%")),
    _column("looking_for_volunteers", _("szuka wolontariuszy")),
    Field("logo", _("logo"), lambda row, lookups: lookups.absolute_url(default_storage.url(row["logo"]))
          if row["logo"] else None, ("logo",)),
    _column("krs_data_as_of", _("dane z KRS według stanu na")),
    _column("updated_at", _("ostatnia aktualizacja")),
    Field("url", _("adres w katalogu"),
          lambda row, lookups: lookups.profile_url_template.replace("__slug__", row["slug"]), ("slug",)),
]
KEYS = [f.key for f in FIELDS]
COLUMNS = list(dict.fromkeys(["pk", *(column for f in FIELDS for column in f.columns)]))


# <, > and & as JSON escapes: a record or an error message never reads as HTML, whoever sniffs it.
_HTML_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(_HTML_ESCAPES)


def _json_ready(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def flatten(value):
    """One spreadsheet cell: lists joined with '; ', booleans as true/false, dates in ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return _json_ready(value)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return value


def _rows(queryset, lookups, chunk_size) -> Iterator[dict]:
    sphere_link = Organization.spheres.through
    group_link = Organization.target_groups.through
    values = queryset.values_list(*COLUMNS).iterator(chunk_size=chunk_size)
    while chunk := list(islice(values, chunk_size)):
        ids = [row[0] for row in chunk]
        spheres, groups = defaultdict(list), defaultdict(list)
        for org_id, sphere_id in sphere_link.objects.filter(organization_id__in=ids).values_list(
            "organization_id", "publictasksphere_id"
        ):
            spheres[org_id].append(sphere_id)
        for org_id, group_id in group_link.objects.filter(organization_id__in=ids).values_list(
            "organization_id", "targetgroup_id"
        ):
            groups[org_id].append(group_id)
        for values_row in chunk:
            row = dict(zip(COLUMNS, values_row, strict=True))
            row["sphere_ids"] = sorted(spheres[row["pk"]], key=lookups.sphere_order.__getitem__)
            row["group_ids"] = sorted(groups[row["pk"]], key=lookups.group_order.__getitem__)
            yield row


def records(queryset, absolute_url: Callable[[str], str], *, chunk_size=CHUNK_SIZE) -> Iterator[dict]:
    """Each organisation as the API and the JSON export give it (absolute_url turns a path into a URL)."""
    lookups = Lookups.load(absolute_url)
    for row in _rows(queryset, lookups, chunk_size):
        yield {f.key: _json_ready(f.value(row, lookups)) for f in FIELDS}


def rows(queryset, absolute_url: Callable[[str], str], *, chunk_size=CHUNK_SIZE) -> Iterator[list]:
    """Each organisation as a CSV or XLSX row, in the order of KEYS."""
    lookups = Lookups.load(absolute_url)
    flats = [f.flat or flatten for f in FIELDS]
    for row in _rows(queryset, lookups, chunk_size):
        yield [flat(f.value(row, lookups)) for f, flat in zip(FIELDS, flats, strict=True)]

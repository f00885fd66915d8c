"""The directory's open data: which fields of an organisation are public, defined once.

The CSV, XLSX and JSON exports and the JSON API all read FIELDS, so a field added here appears
everywhere and a field left out (the search column, who edited, e-mail confirmation, publication
state) appears nowhere. Documented for re-users in docs/api.md.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def sphere_name(sphere) -> str:
    """The sphere's name in the reader's language (English falls back to the Polish name)."""
    if (get_language() or "pl").startswith("en") and sphere.name_en:
        return sphere.name_en
    return sphere.name_pl


@dataclass(frozen=True)
class Field:
    key: str  # the JSON key and the CSV column name
    label: Any  # the XLSX header, for people
    value: Callable  # organisation, absolute_url -> a JSON-ready value
    flat: Callable | None = None  # the value -> one spreadsheet cell; default: flatten()


def flatten(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime | datetime.date):
        return _json_ready(value)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return value


def _names(value):
    return "; ".join(item["name"] for item in value)


def _spheres(org, absolute_url):
    return [{"slug": s.slug, "point": s.point_label, "name": sphere_name(s)} for s in org.spheres.all()]


def _target_groups(org, absolute_url):
    return [{"slug": g.slug, "name": g.name} for g in org.target_groups.all()]


def _district(org, absolute_url):
    return {"slug": org.district.slug, "name": org.district.name} if org.district_id else None


def _coordinate(value):
    return float(value) if isinstance(value, Decimal) else value


def _attr(name):
    return lambda org, absolute_url: getattr(org, name)


FIELDS = [
    Field("slug", _("identyfikator"), _attr("slug")),
    Field("name", _("nazwa"), _attr("name")),
    Field("short_name", _("nazwa skrócona"), _attr("short_name")),
    Field("legal_form", _("forma prawna"), _attr("legal_form")),
    Field("legal_form_label", _("forma prawna (opis)"), lambda o, u: str(o.get_legal_form_display())),
    Field("krs", _("numer KRS"), _attr("krs")),
    Field("nip", _("NIP"), _attr("nip")),
    Field("regon", _("REGON"), _attr("regon")),
    Field("register_status", _("status w rejestrze"), _attr("register_status")),
    Field("street", _("ulica i numer"), _attr("street")),
    Field("postal_code", _("kod pocztowy"), _attr("postal_code")),
    Field("town", _("miejscowość"), _attr("town")),
    Field("district", _("osiedle"), _district, lambda v: v["name"] if v else ""),
    Field("latitude", _("szerokość geograficzna"), lambda o, u: _coordinate(o.latitude)),
    Field("longitude", _("długość geograficzna"), lambda o, u: _coordinate(o.longitude)),
    Field("email", _("e-mail"), _attr("email")),
    Field("phone", _("telefon"), _attr("phone")),
    Field("website", _("strona internetowa"), _attr("website")),
    Field("facebook", _("Facebook"), _attr("facebook")),
    Field("instagram", _("Instagram"), _attr("instagram")),
    Field("other_social", _("inny profil społecznościowy"), _attr("other_social")),
    Field("description", _("opis działalności"), _attr("description")),
    Field("statutory_goals", _("cele statutowe"), _attr("statutory_goals")),
    Field("supervising_authority", _("organ nadzoru"), _attr("supervising_authority")),
    Field("spheres", _("sfery zadań publicznych"), _spheres, _names),
    Field("target_groups", _("grupy odbiorców"), _target_groups, _names),
    Field("is_opp", _("status OPP"), _attr("is_opp")),
    Field("opp_purpose", _("cel szczegółowy 1,5%"), _attr("opp_purpose")),
    Field("looking_for_volunteers", _("szuka wolontariuszy"), _attr("looking_for_volunteers")),
    Field("logo", _("logo"), lambda o, u: u(o.logo.url) if o.logo else None),
    Field("krs_data_as_of", _("dane z KRS według stanu na"), lambda o, u: o.krs_data_as_of),
    Field("updated_at", _("ostatnia aktualizacja"), lambda o, u: o.updated_at),
    Field("url", _("adres w katalogu"), lambda o, u: u(o.get_absolute_url())),
]
KEYS = [field.key for field in FIELDS]


def _json_ready(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def record(org, absolute_url: Callable[[str], str]) -> dict:
    """One organisation as the API and the JSON export give it (absolute_url turns a path into a URL)."""
    return {field.key: _json_ready(field.value(org, absolute_url)) for field in FIELDS}


def row(org, absolute_url: Callable[[str], str]) -> list:
    """One organisation as a CSV or XLSX row, in the order of KEYS (lists joined with '; ')."""
    cells = []
    for field in FIELDS:
        value = field.value(org, absolute_url)
        cells.append((field.flat or flatten)(value))
    return cells

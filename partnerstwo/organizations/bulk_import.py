"""Loading the city's own spreadsheet of organisations (CSV/XLSX) into the directory.

Each row creates an organisation or updates the one with the same KRS (else NIP). Rows are
validated like the edit form; the preview lists every error with its row and column. A file with
errors changes nothing unless the official chooses to import only the valid rows. Empty cells never
erase data already in the directory. Everything happens in one transaction.
"""

import copy
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _

from partnerstwo.city.models import District
from partnerstwo.lib.tabular.read import Table, TableError, cell, map_columns, read_table, starts
from partnerstwo.lib.text import fold
from partnerstwo.organizations import editing
from partnerstwo.organizations.identifiers import clean_krs, clean_nip, unique_slug
from partnerstwo.organizations.manage_forms import IdentifierFieldsMixin, _formfield
from partnerstwo.organizations.models import LegalForm, Organization, OrganizationRevision

# Order matters: the first rule a header satisfies wins ("adres e-mail" is an e-mail, not an address).
RULES = [
    ("short_name", starts("skrocon", "skrot")),
    ("email", lambda w: any(x in ("email", "mail") or x.startswith("mail") for x in w)),
    ("website", lambda w: any(x in ("www", "strona", "internet", "url") or x.startswith("internet") for x in w)),
    ("facebook", starts("facebook", "fb")),
    ("instagram", starts("instagram")),
    ("postal_code", starts("kod")),
    ("street", lambda w: any(x.startswith(("adres", "ulica")) or x == "ul" for x in w)),
    ("town", lambda w: any(x.startswith("miejscow") or x == "miasto" for x in w)),
    ("district", starts("osiedl", "dzielnic")),
    ("legal_form", starts("form")),
    ("krs", starts("krs")),
    ("nip", starts("nip")),
    ("regon", starts("regon")),
    ("phone", starts("telefon", "tel")),
    ("description", starts("opis")),
    ("statutory_goals", starts("statut")),
    ("opp_purpose", starts("szczegol")),
    ("looking_for_volunteers", starts("wolontari")),
    ("name", starts("nazw")),
]
FIELDS = [key for key, _rule in RULES]
TRUE_WORDS = {"tak", "t", "x", "1", "yes", "true", "prawda"}


class RowForm(IdentifierFieldsMixin, forms.ModelForm):
    class Meta:
        model = Organization
        fields = FIELDS
        formfield_callback = _formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("krs", "nip", "regon"):
            self.fields[name] = forms.CharField(required=False, max_length=30, label=self.fields[name].label)

    def clean(self):
        cleaned = super().clean()
        self.check_duplicates(cleaned)
        return cleaned


def _legal_forms() -> dict[str, str]:
    forms_by_text = {}
    for value, label in LegalForm.choices:
        forms_by_text[fold(value).replace("_", " ")] = value
        forms_by_text[fold(str(label))] = value
    forms_by_text.update({"uks": LegalForm.STUDENT_SPORTS_CLUB, "kgw": LegalForm.RURAL_WOMENS_CIRCLE})
    return forms_by_text


@dataclass
class BulkPlan:
    columns: dict[str, str] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)
    rows: int = 0
    create: list[dict] = field(default_factory=list)  # {"row", "name"}
    update: list[dict] = field(default_factory=list)  # {"row", "id", "name", "changes"}
    unchanged: int = 0
    errors: list[dict] = field(default_factory=list)  # {"row", "column", "message"}
    error_rows: int = 0

    def to_json(self) -> dict:
        return dict(self.__dict__)


def read(content: bytes, filename: str) -> tuple[Table, dict[str, int]]:
    table = read_table(content, filename, is_header=lambda values: "name" in map_columns(values, RULES))
    mapping = map_columns(table.headers, RULES)
    if "name" not in mapping:
        raise TableError(
            _("W pliku brakuje kolumny z nazwą organizacji. Znalezione nagłówki: %(headers)s.")
            % {"headers": ", ".join(f"„{h}”" for h in table.headers if h) or _("(brak)")}
        )
    return table, mapping


def _row_data(values, mapping, *, legal_forms, districts) -> tuple[dict, list[tuple[str, str]]]:
    """Form data from the row's non-empty cells, and the errors found while translating them."""
    data, problems = {}, []
    for key in mapping:
        raw = cell(values, mapping, key)
        if not raw:
            continue
        if key == "legal_form":
            value = legal_forms.get(fold(raw))
            if value is None:
                problems.append((key, _("Nieznana forma prawna „%(value)s”.") % {"value": raw}))
                continue
            data[key] = value
        elif key == "district":
            district = districts.get(fold(raw))
            if district is None:
                problems.append((key, _("Nie ma osiedla „%(value)s”.") % {"value": raw}))
                continue
            data[key] = district.pk
        elif key == "looking_for_volunteers":
            data[key] = "on" if fold(raw) in TRUE_WORDS else ""
        else:
            data[key] = raw
    return data, problems


def _existing(data: dict) -> Organization | None:
    """The organisation in the directory with the row's KRS, else its NIP; an error when they are two."""
    found = []
    for key, cleaner in (("krs", clean_krs), ("nip", clean_nip)):
        try:
            value = cleaner(data.get(key, ""))
        except ValidationError:
            continue
        if value:
            found.append(Organization.objects.filter(**{key: value}).first())
    found = [organization for organization in found if organization is not None]
    if len({organization.pk for organization in found}) > 1:
        raise ValidationError(_("Numer KRS i NIP należą w katalogu do dwóch różnych organizacji."))
    return found[0] if found else None


def _report(table: Table, mapping: dict[str, int]) -> BulkPlan:
    """An empty report that names the file's columns: those read into a field and those ignored."""
    headers = table.headers
    return BulkPlan(
        columns={key: headers[index] for key, index in mapping.items()},
        ignored_columns=[h for i, h in enumerate(headers) if h and i not in mapping.values()],
        rows=len(table.rows),
    )


def _row_form(data: dict, existing: Organization | None) -> RowForm:
    """The edit form over the row's values; for an organisation already in the directory, over its
    current values, so that an empty cell keeps what is there."""
    if existing is None:
        return RowForm(data, instance=Organization())
    form_data = {k: v for k, v in model_to_dict(existing, fields=FIELDS).items() if v is not None}
    form_data["looking_for_volunteers"] = "on" if existing.looking_for_volunteers else ""
    form_data.update(data)
    return RowForm(form_data, instance=copy.copy(existing))  # the form writes into its instance


def _repeated_numbers(cleaned: dict, number: int, seen: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
    """Problems for a KRS or NIP an earlier row of the file has; the row's new numbers go into `seen`."""
    problems = []
    for key in ("krs", "nip"):
        value = cleaned.get(key)
        if value and (key, value) in seen:
            problems.append((key, _("Ten sam numer jest już w wierszu %(row)s.") % {"row": seen[key, value]}))
        elif value:
            seen[key, value] = number
    return problems


def _report_errors(result: BulkPlan, number: int, problems: list[tuple[str, str]], form: RowForm) -> None:
    """The row's errors in the report, each under the file's column it came from."""
    column_of = result.columns
    result.error_rows += 1
    for key, message in problems:
        result.errors.append({"row": number, "column": column_of.get(key, ""), "message": str(message)})
    for key, messages in form.errors.items():
        if any(key == k for k, _m in problems):
            continue
        column = column_of.get(key, "") if key != "__all__" else ""
        if key not in column_of and key != "__all__" and key in ("name", "legal_form"):
            messages = [_("Brak wartości w wymaganej kolumnie (%(field)s).") % {
                "field": editing.field_label(key)}]
        for message in messages:
            result.errors.append({"row": number, "column": column, "message": str(message)})


def _report_change(result: BulkPlan, number: int, existing: Organization | None, cleaned: dict) -> bool:
    """The valid row in the report as a creation, an update or unchanged; whether there is anything to save."""
    if existing is None:
        result.create.append({"row": number, "name": cleaned.get("name", "")})
        return True
    before = editing.snapshot(existing, cleaned)
    changes = editing.diff(before, {k: editing.serialize(v) for k, v in cleaned.items()})
    if not changes:
        result.unchanged += 1
        return False
    result.update.append({"row": number, "id": existing.pk, "name": existing.name, "changes": changes})
    return True


def plan(table: Table, mapping: dict[str, int]) -> tuple[BulkPlan, list[tuple[int, Organization | None, dict]]]:
    """Validate every row; return the report and the valid rows as (row, existing or None, cleaned values)."""
    result = _report(table, mapping)
    legal_forms = _legal_forms()
    districts = {fold(d.name): d for d in District.objects.all()}
    valid: list[tuple[int, Organization | None, dict]] = []
    seen: dict[tuple[str, str], int] = {}
    for number, values in table.rows:
        data, problems = _row_data(values, mapping, legal_forms=legal_forms, districts=districts)
        try:
            existing = _existing(data)
        except ValidationError as error:
            problems.append(("krs", " ".join(error.messages)))
            existing = None
        form = _row_form(data, existing)
        if not problems and form.is_valid():
            problems += _repeated_numbers(form.cleaned_data, number, seen)
        if problems or form.errors:
            _report_errors(result, number, problems, form)
            continue
        cleaned = {name: form.cleaned_data[name] for name in data if name in form.cleaned_data}
        if _report_change(result, number, existing, cleaned):
            valid.append((number, existing, cleaned))
    return result, valid


def preview(content: bytes, filename: str) -> BulkPlan:
    return plan(*read(content, filename))[0]


def apply(content: bytes, filename: str, *, user, only_valid: bool = False) -> BulkPlan:
    """Create and update organisations from the file; with errors, only when `only_valid` is chosen."""
    table, mapping = read(content, filename)
    with transaction.atomic():
        result, valid = plan(table, mapping)
        if result.errors and not only_valid:
            raise ValidationError(_(
                "Plik zawiera błędy (%(count)s wierszy) — nic nie zapisano. Popraw plik albo wybierz "
                "import tylko poprawnych wierszy."
            ) % {"count": result.error_rows})
        for _number, existing, values in valid:
            if existing is None:
                plain = {k: v for k, v in values.items() if k not in editing.M2M_FIELDS}
                organization = Organization(slug=unique_slug(plain["name"]), updated_by=user, **plain)
                organization.save()
                editing.record_revision(
                    organization, {k: [None, editing.serialize(v)] for k, v in plain.items()},
                    user=user, source=OrganizationRevision.Source.BULK_IMPORT,
                )
            else:
                editing.apply_changes(existing, values, user=user, source=OrganizationRevision.Source.BULK_IMPORT)
    return result

"""The current KRS extract of an organisation (Ministry of Justice open API, docs/law.md#krs-open-api).

`fetch_extract` gets the JSON with urllib, `parse_extract` turns it into a plain `KrsRecord`,
`differences` compares it with the directory and `apply_record` saves the chosen differences
(a revision with source "krs"; identifying fields of a representative go to an official, as for
any edit — see editing.py).
"""

import http.client
import json
import re
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.text import fold
from partnerstwo.organizations import editing
from partnerstwo.organizations.identifiers import clean_krs, clean_nip, clean_regon, unique_slug
from partnerstwo.organizations.models import LegalForm, Organization, OrganizationRevision, RegisterStatus

DEFAULT_URL = "https://api-krs.ms.gov.pl/api/krs/OdpisAktualny/{krs}?rejestr=S&format=json"
MAX_BYTES = 2 * 1024 * 1024  # an extract is ~10-20 KB; anything this big is not one

LEGAL_FORMS = {
    "fundacja": LegalForm.FOUNDATION,
    "stowarzyszenie": LegalForm.ASSOCIATION,
    "stowarzyszenie kultury fizycznej": LegalForm.ASSOCIATION,
    "zwiazek stowarzyszen": LegalForm.ASSOCIATION,
    "uczniowski klub sportowy": LegalForm.STUDENT_SPORTS_CLUB,
    "kolo gospodyn wiejskich": LegalForm.RURAL_WOMENS_CIRCLE,
    "spoldzielnia socjalna": LegalForm.SOCIAL_COOPERATIVE,
}

# Fields a KRS extract fills, in the order the difference page shows them.
FIELDS = (
    "name", "legal_form", "nip", "regon", "street", "postal_code", "town",
    "is_opp", "register_status", "supervising_authority", "statutory_goals",
)


class KrsError(Exception):
    message = _("Nie udało się pobrać danych z KRS.")

    def __init__(self, detail: str = ""):
        super().__init__(detail or str(self.message))
        self.detail = detail

    def __str__(self):
        return str(self.message)


class KrsNotFound(KrsError):
    message = _("W rejestrze stowarzyszeń i fundacji KRS nie ma podmiotu o tym numerze. Sprawdź numer.")


class KrsTimeout(KrsError):
    message = _("Serwer KRS nie odpowiedział na czas. Spróbuj ponownie za kilka minut.")


class KrsMalformed(KrsError):
    message = _("Serwer KRS zwrócił odpowiedź, której nie da się odczytać. Spróbuj ponownie później.")


class KrsUnavailable(KrsError):
    message = _("Nie udało się połączyć z serwerem KRS. Spróbuj ponownie później.")


def api_url(krs: str) -> str:
    return getattr(settings, "KRS_API_URL", DEFAULT_URL).format(krs=krs)


def fetch_extract(krs: str, *, timeout: float | None = None) -> dict:
    """The JSON of the current extract; a KrsError subclass for every way it can fail."""
    timeout = timeout if timeout is not None else getattr(settings, "KRS_API_TIMEOUT", 10)
    request = urllib.request.Request(  # noqa: S310 - a fixed https URL (or the test server's)
        api_url(krs), headers={"Accept": "application/json", "User-Agent": "Partnerstwo (katalog organizacji)"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise KrsNotFound(f"HTTP 404 for {krs}") from error
        raise KrsUnavailable(f"HTTP {error.code} for {krs}") from error
    except TimeoutError as error:
        raise KrsTimeout(str(error)) from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise KrsTimeout(str(error.reason)) from error
        raise KrsUnavailable(str(error.reason)) from error
    except (OSError, http.client.HTTPException) as error:
        raise KrsUnavailable(repr(error)) from error
    if len(body) > MAX_BYTES:
        raise KrsMalformed("response too large")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise KrsMalformed(f"not JSON: {error}") from error
    if isinstance(data, dict) and data.get("status") == 404:
        raise KrsNotFound(f"404 body for {krs}")
    if not isinstance(data, dict) or not isinstance(data.get("odpis"), dict):
        raise KrsMalformed("no 'odpis' object")
    return data


@dataclass
class KrsRecord:
    krs: str
    name: str
    legal_form: str | None  # None: the KRS form has no counterpart here; keep the current one
    legal_form_raw: str = ""
    nip: str | None = None  # None: absent or invalid in the extract; keep the current one
    regon: str | None = None
    street: str = ""
    postal_code: str = ""
    town: str = ""
    is_opp: bool = False
    supervising_authority: str = ""
    statutory_goals: str = ""
    register_status: str = RegisterStatus.ACTIVE
    data_as_of: date | None = None
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        data = asdict(self)
        data["data_as_of"] = self.data_as_of.isoformat() if self.data_as_of else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> "KrsRecord":
        data = dict(data)
        data["data_as_of"] = date.fromisoformat(data["data_as_of"]) if data.get("data_as_of") else None
        return cls(**data)

    def values(self) -> dict:
        """Organisation fields this record sets (absent values keep what the directory has)."""
        values = {
            "name": self.name, "is_opp": self.is_opp, "register_status": self.register_status,
        }
        for name in ("legal_form", "nip", "regon"):
            if getattr(self, name):
                values[name] = getattr(self, name)
        for name in ("street", "postal_code", "town", "supervising_authority", "statutory_goals"):
            if getattr(self, name):
                values[name] = getattr(self, name)
        return values


def _text(value) -> str:
    return " ".join(str(value).split()) if value not in (None, "") else ""


def _nice_case(text: str) -> str:
    """'DOMINIKAŃSKA 19 C' -> 'Dominikańska 19 C'; Roman numerals (JANA PAWŁA II) stay upper case."""
    words = []
    for word in text.split(" "):
        if re.fullmatch(r"[IVXLC]+", word):
            words.append(word)
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def _goals(text: str) -> str:
    lines = (" ".join(line.replace("\t", " ").split()) for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def _parse_date(value) -> date | None:
    try:
        return datetime.strptime(str(value)[:10], "%d.%m.%Y").date()
    except (TypeError, ValueError):
        return None


def _register_status(header: dict, section6: dict) -> str:
    # The shape of a removed entity's extract is not in our recorded samples (unverified): read the
    # removal date keys clients use, from the header and from section 6.
    removed = header.get("dataWykresleniaZRejestru") or header.get("dataWykreslenia") or (
        section6.get("informacjeOWykresleniu") or {}
    ).get("dataWykresleniaZRejestru")
    if removed:
        return RegisterStatus.REMOVED
    if section6.get("likwidacja"):
        return RegisterStatus.IN_LIQUIDATION
    return RegisterStatus.ACTIVE


def parse_extract(data: dict) -> KrsRecord:
    """A KrsRecord from the JSON paths of docs/law.md#krs-open-api; KrsMalformed when the shape is not an extract."""
    try:
        extract = data["odpis"]
        header = extract["naglowekA"]
        section1 = extract["dane"]["dzial1"]
        entity = section1["danePodmiotu"]
        name = _text(entity["nazwa"])
        krs = clean_krs(str(header["numerKRS"]))
        if not name:
            raise KrsMalformed("empty name")
        identifiers = entity.get("identyfikatory") or {}
        address = (section1.get("siedzibaIAdres") or {}).get("adres") or {}
        section3 = extract["dane"].get("dzial3") or {}
        section6 = extract["dane"].get("dzial6") or {}
        record = KrsRecord(krs=krs, name=name, legal_form=None, legal_form_raw=_text(entity.get("formaPrawna")))
        form = LEGAL_FORMS.get(fold(record.legal_form_raw))
        record.legal_form = form.value if form else None
        if record.legal_form is None:
            record.warnings.append(_gettext(
                "Forma prawna z KRS „%(form)s” nie ma odpowiednika w katalogu — pozostaje obecna."
            ) % {"form": record.legal_form_raw or "—"})
        for name_, cleaner, kwargs in (("nip", clean_nip, {}), ("regon", clean_regon, {"from_krs": True})):
            raw = _text(identifiers.get(name_))
            if not raw:
                continue
            try:
                setattr(record, name_, cleaner(raw, **kwargs))
            except ValidationError:
                record.warnings.append(
                    _gettext("%(name)s z KRS (%(value)s) nie przechodzi kontroli — pozostaje obecny.")
                    % {"name": name_.upper(), "value": raw}
                )
        street = _text(address.get("ulica"))
        number = _text(address.get("nrDomu"))
        flat = _text(address.get("nrLokalu"))
        town = _text(address.get("miejscowosc"))
        if number:
            place = street or town  # villages have no streets: "Szadowo 1"
            record.street = _nice_case(f"{place} {number}".strip()) + (f"/{flat}" if flat else "")
        elif street:
            record.street = _nice_case(street)
        record.postal_code = _text(address.get("kodPocztowy"))
        record.town = _nice_case(town) if town else ""
        record.is_opp = entity.get("czyPosiadaStatusOPP") is True
        record.supervising_authority = _text((section1.get("organSprawujacyNadzor") or {}).get("nazwa"))
        record.statutory_goals = _goals((section3.get("celDzialaniaOrganizacji") or {}).get("celDzialania") or "")
        record.register_status = str(_register_status(header, section6).value)
        record.data_as_of = _parse_date(header.get("stanZDnia"))
    except (KeyError, TypeError, AttributeError) as error:
        raise KrsMalformed(f"missing or wrong key: {error!r}") from error
    except ValidationError as error:
        raise KrsMalformed(f"bad KRS number in the extract: {error}") from error
    if not re.fullmatch(r"\d{2}-\d{3}", record.postal_code or "00-000"):
        record.postal_code = ""
    return record


def get_record(krs: str) -> KrsRecord:
    return parse_extract(fetch_extract(krs))


# --- Comparing and saving ---


def _comparable(field_name: str, value) -> str:
    """Differences of case, spacing and 'ul.' are not differences (KRS writes in capitals)."""
    if isinstance(value, bool):
        return str(value)
    text = fold(str(value or ""))
    if field_name == "street":
        text = re.sub(r"\b(ul|ulica|al|aleja)\b\.?", "", text)
    return re.sub(r"[^a-z0-9]", "", text)


@dataclass
class Difference:
    field: str
    label: str
    current: str
    new: str
    value: object


def differences(organization: Organization, record: KrsRecord) -> list[Difference]:
    found = []
    for name, value in record.values().items():
        current = getattr(organization, name)
        if _comparable(name, current) == _comparable(name, value):
            continue
        found.append(Difference(
            field=name, label=editing.field_label(name),
            current=editing.display_value(name, current), new=editing.display_value(name, value), value=value,
        ))
    found.sort(key=lambda item: FIELDS.index(item.field))
    return found


def apply_record(organization: Organization, record: KrsRecord, *, user, fields=None) -> editing.EditOutcome:
    """Save the record's differences (all, or the chosen `fields`) and the extract's date.

    Staff and the import command (user None) apply everything; a representative's changes to the
    identifying fields become a change request (source KRS) for an official, like any edit of theirs.
    """
    if record.krs != organization.krs:
        raise ValidationError(_("Ten odpis dotyczy innego numeru KRS niż organizacja."))
    chosen = {d.field: d.value for d in differences(organization, record) if fields is None or d.field in fields}
    direct = user is None or editing.is_staff_editor(user)
    moderated = {} if direct else {f: chosen.pop(f) for f in editing.MODERATED_FIELDS if f in chosen}
    if record.data_as_of and organization.krs_data_as_of != record.data_as_of:
        chosen["krs_data_as_of"] = record.data_as_of
    outcome = editing.EditOutcome()
    with transaction.atomic():
        outcome.revision = editing.apply_changes(
            organization, chosen, user=user, source=OrganizationRevision.Source.KRS
        )
        if moderated:
            outcome.change_request = editing.request_change(
                organization, moderated, user=user, source=editing.OrganizationChangeRequest.Source.KRS
            )
    return outcome


def create_from_record(record: KrsRecord, *, user=None) -> Organization:
    """A new published directory entry from an extract (the import command's --create-missing)."""
    if record.legal_form is None:
        raise ValidationError(_("Nieznana forma prawna „%(form)s” — dodaj organizację ręcznie.")
                              % {"form": record.legal_form_raw})
    values = record.values()
    editing.check_identifiers_free(Organization(), {"krs": record.krs, "nip": values.get("nip")})
    with transaction.atomic():
        organization = Organization(krs=record.krs, slug=unique_slug(record.name), krs_data_as_of=record.data_as_of,
                                    updated_by=user, **values)
        organization.save()
        editing.record_revision(
            organization,
            {name: [None, editing.serialize(value)] for name, value in {**values, "krs": record.krs}.items()},
            user=user, source=OrganizationRevision.Source.KRS,
        )
    return organization


SIGNING_SALT = "organizations.krs-record"


def sign_record(record: KrsRecord) -> str:
    """The fetched record travels from the difference page to 'save' signed, so it cannot be forged."""
    return signing.dumps(record.to_json(), salt=SIGNING_SALT, compress=True)


def unsign_record(token: str, *, max_age: int = 3600) -> KrsRecord:
    try:
        return KrsRecord.from_json(signing.loads(token, salt=SIGNING_SALT, max_age=max_age))
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise ValidationError(_("Dane z KRS wygasły — pobierz je ponownie.")) from error


# --- Many numbers (manage.py import_krs): a row per number, so a rerun resumes ---


def read_numbers(text: str) -> tuple[list[str], list[tuple[int, str, str]]]:
    """Numbers from a file, one per line ('#' starts a comment); and the lines that are not numbers."""
    numbers, invalid, seen = [], [], set()
    for line_number, line in enumerate(text.splitlines(), start=1):
        value = line.split("#", 1)[0].strip().strip(",;")
        if not value:
            continue
        try:
            number = clean_krs(value)
        except ValidationError as error:
            invalid.append((line_number, value, " ".join(error.messages)))
            continue
        if number not in seen:
            seen.add(number)
            numbers.append(number)
    return numbers, invalid


def start_or_resume(numbers: list[str], *, source_name: str = "", create_missing: bool = False, restart: bool = False):
    """The unfinished run for exactly these numbers (resumed), or a new one with a row per number."""
    import hashlib

    from partnerstwo.organizations.models import KrsImportItem, KrsImportRun

    key = hashlib.sha256("\n".join(numbers).encode()).hexdigest()
    run = None if restart else KrsImportRun.objects.filter(key=key, finished_at=None).first()
    if run is not None:
        if create_missing and not run.create_missing:
            run.create_missing = True
            run.save(update_fields=["create_missing"])
        return run, True
    with transaction.atomic():
        run = KrsImportRun.objects.create(key=key, source_name=source_name[:255], create_missing=create_missing)
        KrsImportItem.objects.bulk_create(
            KrsImportItem(run=run, position=position, krs=number) for position, number in enumerate(numbers, start=1)
        )
    return run, False


def import_one(item, *, create_missing: bool, user=None, fetch=None) -> tuple[str, str]:
    """Fetch and save one number; (status, message). KrsError becomes status "error" or "not_found"."""
    from partnerstwo.organizations.models import KrsImportItem

    Status = KrsImportItem.Status
    try:
        record = parse_extract((fetch or fetch_extract)(item.krs))
    except KrsNotFound as error:
        return Status.NOT_FOUND, str(error)
    except KrsError as error:
        return Status.ERROR, f"{error} ({error.detail})" if error.detail else str(error)
    organization = Organization.objects.filter(krs=item.krs).first()
    warnings = "; ".join(record.warnings)
    try:
        if organization is None:
            if not create_missing:
                return Status.MISSING, _gettext("Nie ma tej organizacji w katalogu (użyj --create-missing).")
            created = create_from_record(record, user=user)
            return Status.CREATED, "; ".join(filter(None, [created.name, warnings]))
        outcome = apply_record(organization, record, user=user)
    except ValidationError as error:
        return Status.ERROR, " ".join(error.messages)
    if outcome.revision and set(outcome.revision.changes) - {"krs_data_as_of"}:
        changed = ", ".join(sorted(set(outcome.revision.changes) - {"krs_data_as_of"}))
        return Status.UPDATED, "; ".join(filter(None, [changed, warnings]))
    return Status.UNCHANGED, warnings

"""Forms of the self-service and staff pages: they parse input and leave decisions to claims/editing/krs."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.lib.forms import DecisionForm, add_errors
from partnerstwo.lib.uploads import validate_pdf
from partnerstwo.organizations import editing, opp_list
from partnerstwo.organizations.identifiers import clean_krs, clean_nip, clean_regon
from partnerstwo.organizations.models import AnnualReport, Organization, TargetGroup

LOGO_MAX_BYTES = 1024 * 1024
LOGO_MAX_SIDE = 2000
LOGO_FORMATS = {"JPEG", "PNG", "WEBP"}
REPORT_MAX_BYTES = 10 * 1024 * 1024
IMPORT_MAX_BYTES = 5 * 1024 * 1024


def _formfield(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


def validate_logo(logo) -> None:
    """A JPEG, PNG or WebP of at most 1 MB and 2000 px a side (Pillow has already opened it)."""
    if logo.size > LOGO_MAX_BYTES:
        raise ValidationError(_("Logo może mieć najwyżej 1 MB — zmniejsz plik."), code="logo_size")
    image = getattr(logo, "image", None)
    if image is None or (image.format or "").upper() not in LOGO_FORMATS:
        raise ValidationError(_("Logo musi być obrazem JPEG, PNG lub WebP."), code="logo_format")
    width, height = image.size
    if width > LOGO_MAX_SIDE or height > LOGO_MAX_SIDE:
        raise ValidationError(
            _("Logo może mieć najwyżej %(max)s × %(max)s pikseli (to ma %(width)s × %(height)s).")
            % {"max": LOGO_MAX_SIDE, "width": width, "height": height}, code="logo_dimensions",
        )


TEXT_LIMITS = {"description": 10_000, "statutory_goals": 20_000}


def limit_text_lengths(form) -> None:
    """Long texts have no database limit; the form sets a generous one."""
    for name, limit in TEXT_LIMITS.items():
        if name in form.fields:
            form.fields[name].max_length = limit
            form.fields[name].validators.append(MaxLengthValidator(limit))
            form.fields[name].widget.attrs["maxlength"] = str(limit)


class LogoField(forms.ImageField):
    """Refuses a too big file before Pillow decodes it."""

    def to_python(self, data):
        if data and getattr(data, "size", 0) > LOGO_MAX_BYTES:
            raise ValidationError(_("Logo może mieć najwyżej 1 MB — zmniejsz plik."), code="logo_size")
        return super().to_python(data)


class IdentifierFieldsMixin:
    """KRS, NIP and REGON as people type them, stored as digits; duplicates named on the field."""

    def clean_krs(self):
        return clean_krs(self.cleaned_data.get("krs", ""))

    def clean_nip(self):
        return clean_nip(self.cleaned_data.get("nip", ""))

    def clean_regon(self):
        return clean_regon(self.cleaned_data.get("regon", ""))

    def clean_postal_code(self):
        value = (self.cleaned_data.get("postal_code") or "").strip()
        digits = value.replace("-", "").replace(" ", "")
        if len(digits) == 5 and digits.isdigit():
            return f"{digits[:2]}-{digits[2:]}"
        return value

    def check_duplicates(self, cleaned, message_suffix=""):
        organization = self.instance if self.instance.pk else Organization()
        try:
            editing.check_identifiers_free(organization, {k: cleaned.get(k) for k in ("krs", "nip")})
        except ValidationError as error:
            for field, errors in error.error_dict.items():
                if field in self.fields and field not in self.errors:
                    for item in errors:
                        self.add_error(field, ValidationError(f"{item.message}{message_suffix}"))


class OrganizationForm(IdentifierFieldsMixin, forms.ModelForm):
    """The profile as a representative (or, with more fields, an official) edits it."""

    krs = forms.CharField(label=_("Numer KRS"), max_length=20, required=False,
                          help_text=Organization._meta.get_field("krs").help_text)
    nip = forms.CharField(label=_("NIP"), max_length=20, required=False)
    regon = forms.CharField(label=_("REGON"), max_length=20, required=False, help_text=_("9 lub 14 cyfr; opcjonalny."))
    latitude = forms.DecimalField(label=_("Szerokość geograficzna"), required=False, min_value=-90, max_value=90,
                                  help_text=_("Np. 53.132500. Puste pola — organizacja nie pojawi się na mapie."))
    longitude = forms.DecimalField(label=_("Długość geograficzna"), required=False, min_value=-180, max_value=180,
                                   help_text=_("Np. 23.168800."))
    logo = LogoField(
        label=_("Logo"), required=False,
        error_messages={"invalid_image": _(
            "Ten plik nie jest obrazem albo jest uszkodzony. Dodaj logo w formacie JPEG, PNG lub WebP."
        )},
    )

    class Meta:
        model = Organization
        fields = [
            "name", "short_name", "legal_form", "krs", "nip", "regon",
            "street", "postal_code", "town", "district", "latitude", "longitude",
            "email", "phone", "website", "facebook", "instagram", "other_social",
            "description", "statutory_goals", "supervising_authority", "spheres", "target_groups",
            "opp_purpose", "looking_for_volunteers", "logo",
        ]
        widgets = {
            "spheres": forms.CheckboxSelectMultiple, "target_groups": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 8}), "statutory_goals": forms.Textarea(attrs={"rows": 6}),
        }
        formfield_callback = _formfield

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        limit_text_lengths(self)
        # Formatted here, in the reader's language (a lazy text formatted at import would be Polish for good).
        self.fields["logo"].help_text = _("JPEG, PNG lub WebP, najwyżej 1 MB i %(side)s × %(side)s pikseli.") % {
            "side": LOGO_MAX_SIDE,
        }
        self.fields["district"].queryset = District.objects.active()
        self.fields["spheres"].queryset = PublicTaskSphere.objects.active()
        self.fields["target_groups"].queryset = TargetGroup.objects.all()
        if not editing.is_staff_editor(user):
            for name in editing.MODERATED_FIELDS:
                self.fields[name].help_text = " ".join(filter(None, [
                    str(self.fields[name].help_text or ""),
                    str(_("Zmiana wymaga zatwierdzenia przez pracownika urzędu.")),
                ]))

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "image"):  # a new upload (not the stored file)
            validate_logo(logo)
        return logo

    def _clean_coordinate(self, name):
        value = self.cleaned_data.get(name)
        return value.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP) if value is not None else None

    def clean_latitude(self):
        return self._clean_coordinate("latitude")

    def clean_longitude(self):
        return self._clean_coordinate("longitude")

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None) and not (
            "latitude" in self.errors or "longitude" in self.errors
        ):
            self.add_error("longitude", _("Podaj obie współrzędne albo żadnej."))
        self.check_duplicates(cleaned)
        return cleaned


class StaffOrganizationForm(OrganizationForm):
    """Officials also set the register facts (OPP status, register status) and publication."""

    class Meta(OrganizationForm.Meta):
        fields = [*OrganizationForm.Meta.fields, *editing.REGISTER_FIELDS]


def organization_form_class(user):
    return StaffOrganizationForm if editing.is_staff_editor(user) else OrganizationForm


class RegistrationForm(IdentifierFieldsMixin, forms.ModelForm):
    """A new organisation's basic data; it stays unpublished until an official approves it."""

    krs = forms.CharField(label=_("Numer KRS"), max_length=20, required=False,
                          help_text=Organization._meta.get_field("krs").help_text)
    nip = forms.CharField(label=_("NIP"), max_length=20, required=False)
    regon = forms.CharField(label=_("REGON"), max_length=20, required=False, help_text=_("9 lub 14 cyfr; opcjonalny."))
    role_in_organization = forms.CharField(
        label=_("Twoja funkcja w organizacji"), max_length=120, required=False, help_text=_("Np. prezes zarządu.")
    )

    class Meta:
        model = Organization
        fields = [
            "name", "short_name", "legal_form", "krs", "nip", "regon", "street", "postal_code", "town",
            "district", "email", "phone", "website", "description", "spheres",
        ]
        widgets = {"spheres": forms.CheckboxSelectMultiple, "description": forms.Textarea(attrs={"rows": 6})}
        formfield_callback = _formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.active()
        self.fields["spheres"].queryset = PublicTaskSphere.objects.active()
        limit_text_lengths(self)
        self.fields["email"].required = True
        self.fields["email"].help_text = _(
            "Adres kontaktowy organizacji. Wyślemy na niego link, którym potwierdzisz, że masz do niego dostęp."
        )

    def clean(self):
        cleaned = super().clean()
        self.check_duplicates(
            cleaned, str(_(" Jeśli to Twoja organizacja, znajdź ją w katalogu i zgłoś się jako jej przedstawiciel."))
        )
        return cleaned


class ClaimForm(forms.Form):
    role_in_organization = forms.CharField(
        label=_("Twoja funkcja w organizacji"), max_length=120, required=False, help_text=_("Np. prezes zarządu.")
    )
    statement = forms.BooleanField(
        label=_("Oświadczam, że jestem upoważniony(-a) do reprezentowania tej organizacji w serwisie."),
        error_messages={"required": _("Potwierdź, że możesz reprezentować organizację.")},
    )


class ClaimDecisionForm(DecisionForm):
    verified_otherwise = forms.BooleanField(
        label=_("Tożsamość zgłaszającego sprawdzono w inny sposób (adres e-mail organizacji nie został potwierdzony)."),
        required=False,
    )


class KrsApplyForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    chosen = forms.MultipleChoiceField(
        label=_("Zmiany do zapisania"), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Zaznacz co najmniej jedną zmianę do zapisania.")},
    )

    def __init__(self, *args, differences=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chosen"].choices = [(d.field, d.label) for d in differences]
        self.fields["chosen"].initial = [d.field for d in differences]


class AnnualReportForm(forms.ModelForm):
    class Meta:
        model = AnnualReport
        fields = ["year", "kind", "file", "url"]
        formfield_callback = _formfield
        help_texts = {
            "file": _("PDF, najwyżej 10 MB."),
            "url": _("Albo adres, pod którym sprawozdanie jest opublikowane (np. baza sprawozdań OPP)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"] = forms.IntegerField(
            label=_("Rok, którego dotyczy"), min_value=1990, max_value=datetime.date.today().year
        )
        if not self.is_bound:
            self.initial.setdefault("year", datetime.date.today().year - 1)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):
            validate_pdf(upload, REPORT_MAX_BYTES)
        return upload

    def clean(self):
        cleaned = super().clean()
        has_file, has_url = bool(cleaned.get("file")), bool(cleaned.get("url"))
        if has_file == has_url and not ("file" in self.errors or "url" in self.errors):
            self.add_error("file", _("Dodaj plik PDF albo podaj adres — jedno z dwóch."))
        organization = self.instance.organization
        if cleaned.get("year") and cleaned.get("kind") and AnnualReport.objects.filter(
            organization=organization, year=cleaned["year"], kind=cleaned["kind"]
        ).exists():
            self.add_error("year", _("To sprawozdanie za ten rok jest już dodane; usuń je, aby dodać nowe."))
        return cleaned


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Plik CSV lub XLSX"), help_text=_("Najwyżej 5 MB. Pierwszy wiersz: nagłówki kolumn.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise ValidationError(_("Wybierz plik CSV albo XLSX."), code="import_extension")
        if upload.size > IMPORT_MAX_BYTES:
            raise ValidationError(_("Plik może mieć najwyżej 5 MB."), code="import_size")
        return upload


class OppUploadForm(ImportUploadForm):
    """An edition of the official OPP list: the file, its tax year, its date and where it comes from."""

    year = forms.IntegerField(
        label=_("Rok podatkowy"), help_text=_("Rok, za który podatnicy przekazują 1,5% (np. wykaz z grudnia 2025 "
                                             "r. jest za rok 2025)."),
        error_messages={"required": _("Podaj rok podatkowy wykazu."), "invalid": _("Podaj rok cyframi, np. 2025.")},
    )
    as_of = forms.DateField(
        label=_("Data wydania"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Stan na 30 listopada albo dzień comiesięcznej aktualizacji wykazu."),
        error_messages={"required": _("Podaj datę wydania wykazu."),
                        "invalid": _("Podaj datę w postaci RRRR-MM-DD.")},
    )
    source_url = forms.URLField(
        label=_("Adres dokumentu źródłowego"), required=False, max_length=200, assume_scheme="https",
        initial="https://niw.gov.pl/opp/wykaz-opp/",
        error_messages={"invalid": _("Podaj pełny adres strony, np. https://niw.gov.pl/opp/wykaz-opp/.")},
    )
    field_order = ["file", "year", "as_of", "source_url"]

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self):
        data = super().clean()
        if data.get("year") is not None and data.get("as_of"):
            try:
                opp_list.check_edition(data["year"], data["as_of"], today=self.today)
            except ValidationError as error:
                add_errors(self, error)
        return data

    def edition(self) -> dict:
        return {"year": self.cleaned_data["year"], "as_of": self.cleaned_data["as_of"].isoformat(),
                "source_url": self.cleaned_data["source_url"]}


class BulkApplyForm(forms.Form):
    only_valid = forms.BooleanField(
        label=_("Zaimportuj tylko poprawne wiersze (wiersze z błędami zostaną pominięte)"), required=False
    )

"""Staff forms of the advisory body: its rules, its terms and their members."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.uploads import validate_pdf
from partnerstwo.organizations.models import Organization
from partnerstwo.team.models import Body, Membership, Term

# Photos are checked as event photos and organisation logos are: format by content, size, dimensions.
PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_MAX_SIDE = 3000
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
PHOTO_TOO_BIG = _("Zdjęcie może mieć najwyżej 2 MB — zmniejsz plik.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class PhotoField(forms.ImageField):
    """Refuses a too big file before Pillow decodes it, then its format and dimensions."""

    default_error_messages = {"invalid_image": _("Ten plik nie jest zdjęciem: dodaj obraz JPEG, PNG lub WebP.")}

    def to_python(self, data):
        if data and getattr(data, "size", 0) > PHOTO_MAX_BYTES:
            raise ValidationError(PHOTO_TOO_BIG, code="photo_size")
        image_file = super().to_python(data)
        if image_file is None:
            return None
        image = getattr(image_file, "image", None)
        if image is None or (image.format or "").upper() not in PHOTO_FORMATS:
            raise ValidationError(_("Zdjęcie musi być obrazem JPEG, PNG lub WebP."), code="photo_format")
        width, height = image.size
        if width > PHOTO_MAX_SIDE or height > PHOTO_MAX_SIDE:
            raise ValidationError(
                _("Zdjęcie może mieć najwyżej %(max)s × %(max)s pikseli (to ma %(width)s × %(height)s).")
                % {"max": PHOTO_MAX_SIDE, "width": width, "height": height}, code="photo_dimensions",
            )
        return image_file


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = [
            "name", "description", "resolution", "resolution_url", "rules_document", "quorum_percent",
            "majority_rule", "chair_decides_tie", "publish_member_votes", "ngo_share_percent", "term_years",
            "meeting_interval_months",
        ]
        widgets = {"majority_rule": forms.RadioSelect}
        help_texts = {"rules_document": _("Plik PDF, najwyżej 10 MB. Widoczny na stronie Zespołu.")}

    def clean_rules_document(self):
        upload = self.cleaned_data.get("rules_document")
        if upload and upload is not self.initial.get("rules_document"):
            validate_pdf(upload)
        return upload


class TermForm(forms.ModelForm):
    class Meta:
        model = Term
        fields = ["number", "starts_on", "ends_on", "appointed_by"]
        widgets = {"starts_on": DateInput, "ends_on": DateInput}


class MembershipForm(forms.ModelForm):
    account_email = forms.EmailField(
        label=_("Konto w serwisie (adres e-mail)"), required=False,
        help_text=_("Z kontem osoba wchodzi do części dla członków, dopóki zasiada w Zespole. "
                    "Puste: członek bez konta."),
    )
    photo = PhotoField(
        label=_("Zdjęcie"), required=False,
        help_text=_("JPEG, PNG lub WebP, najwyżej 2 MB. Widoczne na stronie Zespołu; dodaj je za zgodą osoby."),
    )

    class Meta:
        model = Membership
        fields = [
            "person_name", "account_email", "email", "role", "represents", "organization", "position",
            "joined_on", "left_on", "photo",
        ]
        widgets = {"represents": forms.RadioSelect, "joined_on": DateInput, "left_on": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.public().order_by("name")
        self.fields["organization"].help_text = _("Tylko dla przedstawiciela organizacji: organizacja z katalogu.")
        if self.instance.user_id and not self.is_bound:
            self.initial["account_email"] = self.instance.user.email

    def clean(self):
        data = super().clean()
        if data.get("represents") == Membership.Represents.ORGANIZATION and not data.get("organization"):
            self.add_error("organization", _("Wskaż organizację, którą reprezentuje ta osoba."))
        elif data.get("represents") and data.get("represents") != Membership.Represents.ORGANIZATION:
            data["organization"] = None
        return data

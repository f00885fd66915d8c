"""Forms of offers: an offer registered by an official, and the organisation field other forms share."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.offers.registration import OrganizationNotFound, resolve_organization
from partnerstwo.lib.forms import AmountField
from partnerstwo.lib.uploads import validate_pdf

NGO_HELP = _("Nazwa organizacji z katalogu albo jej numer KRS (10 cyfr).")


def clean_text(value: str) -> str:
    """Text without NUL bytes, which no database column accepts."""
    return value.replace("\x00", "")


class OrganizationField(forms.CharField):
    """A text field resolved to exactly one organisation of the directory, with a clear error otherwise."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 300)
        kwargs.setdefault("help_text", NGO_HELP)
        super().__init__(**kwargs)

    def clean(self, value):
        text = clean_text(super().clean(value) or "")
        if not text:
            return None
        try:
            return resolve_organization(text)
        except OrganizationNotFound as error:
            raise forms.ValidationError(str(error)) from None


class OfferForm(forms.Form):
    organization = OrganizationField(label=_("Organizacja"))
    title = forms.CharField(label=_("Tytuł zadania"), max_length=300)
    requested_amount = AmountField(
        label=_("Wnioskowana kwota (zł)"), min_value=Decimal("0.01"), max_digits=12, decimal_places=2
    )
    received_on = forms.DateField(label=_("Data wpływu"), widget=forms.DateInput(attrs={"type": "date"}))
    file = forms.FileField(label=_("Oferta (PDF)"), help_text=_("Plik PDF, najwyżej 10 MB."))

    def clean_title(self):
        return clean_text(self.cleaned_data["title"])

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_pdf(upload)
        return upload

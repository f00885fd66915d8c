"""The representative's forms of an online offer: one per section of the standard form, rows as formsets.

Each form carries the version of the offer it was read at (submission.save checks it). Texts have a hard cap
that no call needs (TEXT_CAP); the call's own limits are checks (checks.py), shown but not blocking a draft.
"""

from django import forms
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.offers import budget as budgets
from partnerstwo.grants.offers.forms import OrganizationField, clean_text
from partnerstwo.grants.offers.models import CostLine, OfferAction, OfferPartner, OfferResult, OnlineOffer

TEXT_CAP = 20000
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NOT_NEGATIVE = _("Kwota nie może być ujemna.")


class VersionedForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, offer=None, **kwargs):
        super().__init__(*args, instance=offer, **kwargs)
        if offer is not None and not self.is_bound:
            self.initial["version"] = offer.version
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
                field.max_length = field.max_length or TEXT_CAP
                field.validators.append(MaxLengthValidator(field.max_length))
                field.widget.attrs.setdefault("rows", 8)
            if isinstance(field, forms.DecimalField):
                field.min_value = 0
                field.validators.append(MinValueValidator(0))
                field.error_messages["min_value"] = NOT_NEGATIVE

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str):
                data[name] = clean_text(value)
        return data

    def offer_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class ApplicantForm(VersionedForm):
    class Meta:
        model = OnlineOffer
        fields = ["contact_name", "contact_phone", "contact_email"]


class BasicsForm(VersionedForm):
    class Meta:
        model = OnlineOffer
        fields = ["title", "task_start", "task_end", "description"]
        widgets = {"task_start": DATE, "task_end": DATE, "description": forms.Textarea}
        help_texts = {
            "description": _("Miejsce realizacji, grupa docelowa, jej potrzeby i sposób ich zaspokojenia, "
                             "komplementarność z innymi działaniami."),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("task_start"), data.get("task_end")
        if start and end and end < start:
            self.add_error("task_end", _("Data zakończenia nie może być wcześniejsza niż data rozpoczęcia."))
        return data


class ResultsForm(VersionedForm):
    class Meta:
        model = OnlineOffer
        fields = ["results_description"]
        help_texts = {
            "results_description": _("Co będzie bezpośrednim efektem zadania, jaka zmiana społeczna nastąpi "
                                     "i czy rezultaty będą trwałe."),
        }


class ProfileForm(VersionedForm):
    class Meta:
        model = OnlineOffer
        fields = ["experience", "resources"]


class SourcesForm(VersionedForm):
    class Meta:
        model = OnlineOffer
        fields = ["grant_amount", "own_financial", "own_non_financial", "recipient_payments"]


class OtherForm(VersionedForm):
    class Meta:
        model = OnlineOffer
        fields = ["payment", "partners_roles", "other_info"]
        widgets = {"payment": forms.RadioSelect}
        help_texts = {
            "partners_roles": _("Tylko w ofercie wspólnej."),
            "other_info": _("Inne działania, które mogą mieć znaczenie przy ocenie oferty, w tym kalkulacji "
                            "kosztów i oświadczeń."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["payment"].choices = OnlineOffer.Payment.choices
        self.fields["payment"].required = False


ARREARS = [(False, _("nie zalega")), (True, _("zalega"))]


class StatementsForm(VersionedForm):
    tax_arrears = forms.TypedChoiceField(
        label=_("Z należnościami z tytułu zobowiązań podatkowych oferent"), choices=ARREARS, widget=forms.RadioSelect,
        coerce=lambda value: value in (True, "True"),
    )
    social_insurance_arrears = forms.TypedChoiceField(
        label=_("Ze składkami na ubezpieczenia społeczne oferent"), choices=ARREARS, widget=forms.RadioSelect,
        coerce=lambda value: value in (True, "True"),
    )

    class Meta:
        model = OnlineOffer
        fields = ["tax_arrears", "social_insurance_arrears", "statements_accepted"]


SECTION_FORMS = {
    "applicant": ApplicantForm, "basics": BasicsForm, "results": ResultsForm, "profile": ProfileForm,
    "sources": SourcesForm, "other": OtherForm, "statements": StatementsForm,
}


# --- Rows ----------------------------------------------------------------------------------------


class RowForm(forms.ModelForm):
    def __init__(self, *args, offer=None, **kwargs):
        self.offer = offer
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
                field.max_length = TEXT_CAP
                field.validators.append(MaxLengthValidator(TEXT_CAP))
                field.widget.attrs.setdefault("rows", 3)
            if isinstance(field, forms.DecimalField):
                field.validators.append(MinValueValidator(0))
                field.error_messages["min_value"] = _("Wartość nie może być ujemna.")

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str):
                data[name] = clean_text(value)
        return data


class ActionForm(RowForm):
    class Meta:
        model = OfferAction
        fields = ["name", "description", "target_group", "starts_on", "ends_on", "subcontracted"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "description": forms.Textarea}

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Koniec działania nie może być wcześniejszy niż jego początek."))
        return data


class ResultForm(RowForm):
    class Meta:
        model = OfferResult
        fields = ["name", "target_value", "unit", "monitoring"]
        widgets = {"monitoring": forms.Textarea}


class CostLineForm(RowForm):
    # The field of the row's parent: an online offer here, an agreement in agreements/forms.py.
    parent = "offer"

    class Meta:
        model = CostLine
        fields = ["action", "name", "unit", "unit_cost", "units", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        action = self.fields["action"]
        action.queryset = action.queryset.filter(**{self.parent: self.offer}) if self.offer else action.queryset.none()
        action.empty_label = _("II. Koszty administracyjne")
        action.label = _("Działanie (grupa kosztów)")
        years = budgets.task_years(self.offer.task_start, self.offer.task_end) if self.offer else 1
        current = self.instance.year if self.instance.pk else 1
        self.fields["year"] = forms.TypedChoiceField(
            label=_("Rok"), coerce=int, choices=[(y, y) for y in range(1, max(years, current) + 1)], initial=1,
        )


class RowFormSet(BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, form_kwargs={"offer": kwargs.get("instance")}, **kwargs)


def row_formset(model, form, extra=2):
    return inlineformset_factory(OnlineOffer, model, form=form, formset=RowFormSet, extra=extra, can_delete=True,
                                 max_num=200, validate_max=True)


ActionFormSet = row_formset(OfferAction, ActionForm)
ResultFormSet = row_formset(OfferResult, ResultForm)
CostLineFormSet = row_formset(CostLine, CostLineForm, extra=3)
SECTION_FORMSETS = {"actions": ActionFormSet, "results": ResultFormSet, "costs": CostLineFormSet}


class PartnerShareForm(forms.ModelForm):
    class Meta:
        model = OfferPartner
        fields = ["cost_share"]

    def __init__(self, *args, offer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cost_share"].min_value = 0
        self.fields["cost_share"].validators.append(MinValueValidator(0))
        self.fields["cost_share"].error_messages["min_value"] = NOT_NEGATIVE
        self.fields["cost_share"].label = self.instance.organization.name if self.instance.pk else ""


PartnerFormSet = inlineformset_factory(OnlineOffer, OfferPartner, form=PartnerShareForm, formset=RowFormSet, extra=0,
                                       can_delete=True)


class AddPartnerForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    organization = OrganizationField(label=_("Organizacja partnerska"))


class StartForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Oferent"), queryset=None, empty_label=None)
    title = forms.CharField(label=_("Tytuł zadania publicznego"), max_length=300)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def clean_title(self):
        return clean_text(self.cleaned_data["title"])


class VersionForm(forms.Form):
    """Submit, withdraw or submit a correction: only the version the page was read at."""

    version = forms.IntegerField(widget=forms.HiddenInput)

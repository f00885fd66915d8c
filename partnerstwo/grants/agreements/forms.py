"""The forms of an agreement: the official's (drafting, the parties, the signature), the representative's (the
account and who signs, the schedule, the cost table and the sources, as in the offer's forms) and the
administrator's (the city's clauses)."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.agreements import drafting
from partnerstwo.grants.agreements.models import Agreement, AgreementAction, AgreementCostLine
from partnerstwo.grants.offers.forms import clean_text
from partnerstwo.grants.offers.manage_forms import DATE, ActionForm, CostLineForm, RowFormSet, VersionedForm
from partnerstwo.lib.editorial.forms import BODY_MAX_LENGTH, MARKDOWN_HELP, normalise_newlines

TEXT = forms.Textarea(attrs={"rows": 3})


class DraftForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["number", "place", "city_representatives"]
        widgets = {"city_representatives": TEXT}
        help_texts = {"city_representatives": _("Np. „Jan Kowalski – Zastępca Prezydenta Miasta”; każda osoba w "
                                                "osobnym wierszu.")}

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str):
                data[name] = clean_text(value)
        return data


class PartiesForm(VersionedForm):
    class Meta:
        model = Agreement
        fields = ["number", "place", "city_representatives", "title", "task_start", "task_end"]
        widgets = {"city_representatives": TEXT, "task_start": DATE, "task_end": DATE}

    def clean(self):
        data = super().clean()
        start, end = data.get("task_start"), data.get("task_end")
        if start and end and end < start:
            self.add_error("task_end", _("Data zakończenia nie może być wcześniejsza niż data rozpoczęcia."))
        return data


class AccountForm(VersionedForm):
    class Meta:
        model = Agreement
        fields = ["organization_representatives", "bank_account", "bank_name"]
        widgets = {"organization_representatives": TEXT}
        help_texts = {
            "organization_representatives": _("Osoby upoważnione do reprezentacji organizacji, zgodnie z KRS: imię, "
                                              "nazwisko i funkcja, każda w osobnym wierszu."),
            "bank_account": _("26 cyfr rachunku, na który urząd przekaże dotację; spacje są dozwolone."),
        }

    def clean_bank_account(self):
        value = self.cleaned_data["bank_account"]
        if not value:
            return value
        try:
            return drafting.valid_iban(value)
        except ValidationError as error:
            raise ValidationError(error.message_dict["bank_account"]) from None


class SourcesForm(VersionedForm):
    class Meta:
        model = Agreement
        fields = ["own_financial", "own_non_financial", "recipient_payments"]


class AgreementActionForm(ActionForm):
    class Meta(ActionForm.Meta):
        model = AgreementAction
        fields = ["name", "description", "target_group", "starts_on", "ends_on"]


class AgreementCostLineForm(CostLineForm):
    parent = "agreement"

    class Meta(CostLineForm.Meta):
        model = AgreementCostLine


def row_formset(model, form, extra=2):
    return inlineformset_factory(Agreement, model, form=form, formset=RowFormSet, extra=extra, can_delete=True,
                                 max_num=200, validate_max=True)


ActionFormSet = row_formset(AgreementAction, AgreementActionForm)
CostLineFormSet = row_formset(AgreementCostLine, AgreementCostLineForm, extra=3)

SECTION_FORMS = {"parties": PartiesForm, "account": AccountForm, "sources": SourcesForm}
SECTION_FORMSETS = {"actions": ActionFormSet, "costs": CostLineFormSet}


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class SignatureForm(forms.Form):
    signed_on = forms.DateField(label=_("Data zawarcia umowy"), widget=DATE)


class ClausesForm(forms.Form):
    """A new version of the city's clauses; `based_on` is the version the form was read at (clauses.publish)."""

    text = forms.CharField(label=_("Treść postanowień umowy"), max_length=BODY_MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 24}), help_text=MARKDOWN_HELP)
    note = forms.CharField(label=_("Co zmieniono"), max_length=300, required=False,
                           help_text=_("Krótko, np. „§ 4: termin zwrotu niewykorzystanej dotacji”."))
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def clean_text(self):
        return normalise_newlines(self.cleaned_data["text"]).strip()

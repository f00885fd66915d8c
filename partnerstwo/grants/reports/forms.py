"""The report's forms: one per part, with the rows of the agreement (results, actions, cost lines) as formsets
that only change the values of existing rows; and the official's forms (a partial report demanded, the decision)."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.offers.manage_forms import DATE, RowForm, RowFormSet, VersionedForm
from partnerstwo.grants.reports.models import Report, ReportAction, ReportCost, ReportResult
from partnerstwo.lib.forms import DecisionForm

TEXT = forms.Textarea(attrs={"rows": 4})


class MeritForm(VersionedForm):
    class Meta:
        model = Report
        fields = ["results_description", "actions_description"]


class FinanceForm(VersionedForm):
    class Meta:
        model = Report
        fields = ["grant_spent", "own_financial", "own_non_financial", "recipient_payments",
                  "recipient_payments_info", "other_income", "other_income_info"]
        widgets = {"recipient_payments_info": TEXT, "other_income_info": TEXT}


class StatementsForm(VersionedForm):
    class Meta:
        model = Report
        fields = ["additional_info", "statements_accepted"]
        help_texts = {"additional_info": _("Np. inne działania, które mogą mieć znaczenie przy ocenie realizacji "
                                           "zadania.")}


class ResultRowForm(RowForm):
    class Meta:
        model = ReportResult
        fields = ["achieved_value", "comment"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.result_id is None:
            return
        result = self.instance.result
        self.fields["achieved_value"].label = _("%(name)s: osiągnięta wartość (planowano %(target)s %(unit)s)") % {
            "name": result.name, "target": result.target_value.normalize(), "unit": result.unit}


class ActionRowForm(RowForm):
    class Meta:
        model = ReportAction
        fields = ["done", "deviations"]
        widgets = {"done": TEXT, "deviations": TEXT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.action_id is not None:
            self.fields["done"].label = _("%(name)s: co zrobiono") % {"name": self.instance.action.name}


class CostRowForm(RowForm):
    class Meta:
        model = ReportCost
        fields = ["spent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.line_id is not None:
            self.fields["spent"].label = _("%(name)s: poniesione wydatki (zł)") % {"name": self.instance.line.name}
        self.fields["spent"].error_messages["min_value"] = _("Kwota nie może być ujemna.")


class FixedRowsFormSet(RowFormSet):
    """The report's rows are the agreement's: values change, no row is added whatever the form claims."""

    def total_form_count(self):
        return min(super().total_form_count(), len(self.get_queryset()))


def rows(model, form):
    return inlineformset_factory(Report, model, form=form, formset=FixedRowsFormSet, extra=0, can_delete=False,
                                 max_num=200, validate_max=True)


ResultFormSet = rows(ReportResult, ResultRowForm)
ActionFormSet = rows(ReportAction, ActionRowForm)
CostFormSet = rows(ReportCost, CostRowForm)

# Each part: its form and its formsets by prefix.
PARTS = {
    "merit": (MeritForm, {"results": ResultFormSet, "actions": ActionFormSet}),
    "finance": (FinanceForm, {"costs": CostFormSet}),
    "statements": (StatementsForm, {}),
}


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class PartialReportForm(forms.Form):
    period_end = forms.DateField(label=_("Okres sprawozdawczy do"), widget=DATE)
    due_on = forms.DateField(label=_("Termin złożenia"), widget=DATE,
                             help_text=_("Co najmniej 30 dni od doręczenia wezwania (art. 18)."))


class ReportDecisionForm(DecisionForm):
    approve_label, reject_label = _("Przyjmij sprawozdanie"), _("Zwróć do poprawy z uwagami")


class YearForm(forms.Form):
    rok = forms.IntegerField(label=_("Rok"), min_value=2000, max_value=2100, required=False)
    wydzial = forms.ModelChoiceField(label=_("Wydział"), queryset=None, required=False,
                                     empty_label=_("wszystkie"))

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wydzial"].queryset = departments

"""The officials' forms of online offers: the call's rules and a request for correction."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers import checks

LIMIT_LABELS = {
    "title": _("Tytuł zadania"), "description": _("Syntetyczny opis zadania"),
    "results_description": _("Opis zakładanych rezultatów"), "experience": _("Wcześniejsza działalność"),
    "resources": _("Zasoby"), "partners_roles": _("Działania poszczególnych oferentów"),
    "other_info": _("Inne informacje"), "action_description": _("Opis działania"),
    "monitoring": _("Sposób monitorowania rezultatu"),
}


class CallRulesForm(forms.ModelForm):
    """The rules of the call the online offers are checked against (checks.py)."""

    class Meta:
        model = Competition
        fields = ["accepts_online_offers", "max_grant", "min_own_contribution_percent",
                  "own_contribution_includes_non_financial", "max_admin_percent", "allows_corrections"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in LIMIT_LABELS.items():
            self.fields[f"limit_{key}"] = forms.IntegerField(
                label=_("Limit znaków: %(field)s") % {"field": label}, required=False, min_value=1,
                max_value=100_000, initial=checks.limit_for(self.instance, key),
            )

    def save(self, commit=True):
        competition = super().save(commit=False)
        competition.field_limits = {
            key: self.cleaned_data[f"limit_{key}"] for key in LIMIT_LABELS if self.cleaned_data.get(f"limit_{key}")
        }
        if commit:
            competition.save()
        return competition


class CorrectionForm(forms.Form):
    sections = forms.MultipleChoiceField(
        label=_("Części do poprawy"), widget=forms.CheckboxSelectMultiple,
        choices=[(key, title) for key, _slug, title in checks.SECTIONS],
    )
    note = forms.CharField(label=_("Co poprawić"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    deadline = forms.DateTimeField(label=_("Termin poprawy"),
                                   widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                              format="%Y-%m-%dT%H:%M"))

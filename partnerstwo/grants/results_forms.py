"""The year chosen on the results page and in the results exports (GET `rok`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

FIRST_YEAR, LAST_YEAR = 2000, 2100


class ResultsYearForm(forms.Form):
    """On the results page: one of the years that have published results."""

    rok = forms.TypedChoiceField(label=_("Rok"), coerce=int, required=False, choices=())

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rok"].choices = [(year, str(year)) for year in years]
        self.fields["rok"].error_messages["invalid_choice"] = _("Wybierz rok, w którym ogłoszono wyniki konkursów.")


class ExportYearForm(forms.Form):
    """In an export: any year, or none for every year."""

    rok = forms.IntegerField(label=_("Rok"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR)

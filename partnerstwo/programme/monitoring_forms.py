"""The forms of the programme's monitoring and yearly report."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.programme import indicators as measures
from partnerstwo.programme.models import Indicator, IndicatorValue, YearReport

FIRST_YEAR, LAST_YEAR = 2000, 2100


class YearForm(forms.Form):
    """The dashboard's year (?rok=); a bad value is reported and the default year shown."""

    rok = forms.IntegerField(label=_("Rok"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR,
                             widget=forms.TextInput(attrs={"inputmode": "numeric"}))


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "source", "measure", "sphere", "source_description", "baseline", "baseline_year",
                  "target", "position"]
        widgets = {"source": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sphere"].queryset = PublicTaskSphere.objects.active()
        self.fields["measure"].choices = [("", _("— brak (wskaźnik wpisywany ręcznie) —")), *measures.MEASURE_CHOICES]

    def clean(self):
        data = super().clean()
        source, measure, sphere = data.get("source"), data.get("measure"), data.get("sphere")
        if source == Indicator.Source.COMPUTED and not measure:
            self.add_error("measure", _("Wybierz, co jest liczone: wskaźnik liczony z danych serwisu potrzebuje "
                                        "miary."))
        if source == Indicator.Source.MANUAL:
            if measure:
                self.add_error("measure", _("Wskaźnik wpisywany ręcznie nie ma miary; wybierz „brak” albo zmień "
                                            "źródło danych."))
            if not data.get("source_description"):
                self.add_error("source_description", _("Napisz, skąd pochodzą wartości wpisywane ręcznie."))
        if measure and sphere and not measures.MEASURES[measure].by_sphere:
            self.add_error("sphere", _("Tej miary nie liczy się według sfer; zostaw pole puste."))
        if data.get("baseline") is not None and not data.get("baseline_year"):
            self.add_error("baseline_year", _("Podaj rok, z którego pochodzi wartość bazowa."))
        return data


class IndicatorValueForm(forms.ModelForm):
    class Meta:
        model = IndicatorValue
        fields = ["year", "value", "note"]

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator

    def validate_unique(self):
        """A value for a year already entered is corrected (monitoring.save_value), not refused."""


class YearReportForm(forms.ModelForm):
    publish = forms.BooleanField(label=_("Opublikuj sprawozdanie w serwisie"), required=False)

    class Meta:
        model = YearReport
        fields = ["introduction", "priorities_text", "cooperation_text", "indicators_text", "funds_text",
                  "competitions_text", "conclusions", "submitted_to_council_on", "published_in_bip_on"]
        widgets = {
            "submitted_to_council_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "published_in_bip_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"introduction": _("Markdown. Tabele sprawozdania powstają same z danych serwisu.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish"].initial = self.instance.is_published
        for name in ("introduction", "priorities_text", "cooperation_text", "indicators_text", "funds_text",
                     "competitions_text", "conclusions"):
            self.fields[name].widget.attrs["rows"] = 5

    def clean(self):
        data = super().clean()
        if data.get("publish") and not data.get("submitted_to_council_on"):
            self.add_error("submitted_to_council_on", _("Sprawozdanie publikuje się po przedłożeniu go Radzie Miasta: "
                                                        "podaj datę przedłożenia."))
        return data

"""The panel's forms: a survey's settings, a section, a question (with its options, one per line)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.team.models import Group

from .models import Question, Section, Survey

MAX_CHOICES = 30

class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "intro", "opens_on", "closes_on", "audience", "sphere", "team_group", "results_public"]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "intro": forms.Textarea(attrs={"rows": 5}),
            "audience": forms.RadioSelect,
        }
        error_messages = {
            "title": {"required": _("Podaj tytuł badania.")},
            "opens_on": {"required": _("Podaj dzień otwarcia."), "invalid": _("Podaj datę w postaci RRRR-MM-DD.")},
            "closes_on": {"required": _("Podaj ostatni dzień."), "invalid": _("Podaj datę w postaci RRRR-MM-DD.")},
        }

    def __init__(self, *args, audience_locked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team_group"].queryset = Group.objects.sector()
        self.fields["sphere"].help_text = _("Tylko gdy odbiorcami są organizacje jednej sfery.")
        self.fields["team_group"].help_text = _("Tylko gdy odbiorcami są organizacje grupy branżowej.")
        if audience_locked:
            # Answers exist: the organisations asked stay the ones asked.
            for name in ("audience", "sphere", "team_group"):
                self.fields[name].disabled = True

    def clean(self):
        data = super().clean()
        audience = data.get("audience")
        if audience == Survey.Audience.SPHERE and not data.get("sphere"):
            self.add_error("sphere", _("Wybierz sferę."))
        if audience == Survey.Audience.SECTOR_GROUP and not data.get("team_group"):
            self.add_error("team_group", _("Wybierz grupę branżową."))
        if audience != Survey.Audience.SPHERE:
            data["sphere"] = None
        if audience != Survey.Audience.SECTOR_GROUP:
            data["team_group"] = None
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("Ostatni dzień nie może być wcześniejszy niż dzień otwarcia."))
        return data

class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"title": {"required": _("Podaj tytuł części.")}}

class QuestionForm(forms.ModelForm):
    choices_text = forms.CharField(
        label=_("Odpowiedzi do wyboru"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Dla pytań wyboru: każda odpowiedź w osobnym wierszu, od 2 do 30."),
    )

    class Meta:
        model = Question
        fields = ["section", "text", "help_text", "kind", "required", "scale_min", "scale_max", "scale_min_label",
                  "scale_max_label"]
        widgets = {"kind": forms.RadioSelect}
        error_messages = {
            "text": {"required": _("Wpisz treść pytania.")},
            "section": {"required": _("Wybierz część ankiety."),
                        "invalid_choice": _("Wybierz jedną z części tej ankiety.")},
            "scale_min": {"invalid": _("Podaj liczbę całkowitą."), "required": _("Podaj początek skali.")},
            "scale_max": {"invalid": _("Podaj liczbę całkowitą."), "required": _("Podaj koniec skali.")},
        }

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = survey.sections.all()
        self.fields["section"].empty_label = None
        self.fields["scale_min"].help_text = _("Dla skali, np. od 1 do 5.")
        if self.instance.pk and not self.is_bound:
            self.initial["choices_text"] = "\n".join(choice.label for choice in self.instance.choices.all())

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        lines = [line.strip() for line in (data.get("choices_text") or "").splitlines() if line.strip()]
        if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            if len(lines) < 2:
                self.add_error("choices_text", _("Podaj co najmniej dwie odpowiedzi, każdą w osobnym wierszu."))
            elif len(lines) > MAX_CHOICES:
                self.add_error("choices_text", _("Podaj najwyżej 30 odpowiedzi."))
            elif len(set(lines)) != len(lines):
                self.add_error("choices_text", _("Odpowiedzi do wyboru nie mogą się powtarzać."))
            elif any(len(line) > 200 for line in lines):
                self.add_error("choices_text", _("Odpowiedź do wyboru może mieć najwyżej 200 znaków."))
        if kind == Question.Kind.SCALE:
            low, high = data.get("scale_min"), data.get("scale_max")
            if low is not None and high is not None and not (low < high <= 10):
                self.add_error("scale_max", _("Koniec skali musi być większy niż początek i najwyżej 10."))
        elif kind:
            # Only a scale has a range: other kinds keep the defaults, whatever was typed there.
            data["scale_min"], data["scale_max"] = 1, 5
        data["choice_lines"] = lines
        return data

class ResultsFilterForm(forms.Form):
    sfera = forms.ModelChoiceField(
        label=_("Sfera organizacji"), queryset=PublicTaskSphere.objects.all(), required=False,
        empty_label=_("wszystkie"),
    )
    osiedle = forms.ModelChoiceField(
        label=_("Osiedle organizacji"), queryset=District.objects.all(), required=False, empty_label=_("wszystkie"),
    )

    def chosen(self) -> dict:
        if not self.is_valid():
            return {}
        return {"sphere": self.cleaned_data.get("sfera"), "district": self.cleaned_data.get("osiedle")}

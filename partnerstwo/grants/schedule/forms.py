"""Forms of the yearly schedule: the public filters, the rows, the year, its consultation and comments."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.grants.schedule.models import MONTHS, PlannedCompetition, ScheduleYear
from partnerstwo.lib.forms import AmountField

SORTS = [("miesiac", _("według miesiąca")), ("wydzial", _("według wydziału"))]


class PublicFilterForm(forms.Form):
    """The public table's GET filters; an invalid value is ignored (and shown as an error next to its field)."""

    rok = forms.IntegerField(required=False, widget=forms.HiddenInput)
    wydzial = forms.ChoiceField(label=_("Wydział"), required=False)
    sfera = forms.ChoiceField(label=_("Sfera zadań publicznych"), required=False)
    sortuj = forms.ChoiceField(choices=SORTS, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, departments, spheres, **kwargs):
        # Lists fetched once by the view: the choices make no further queries.
        super().__init__(*args, **kwargs)
        self.fields["wydzial"].choices = [("", _("wszystkie")), *((str(d.pk), d.name) for d in departments)]
        self.fields["sfera"].choices = [("", _("wszystkie")), *((s.slug, str(s)) for s in spheres)]

    def cleaned_or_empty(self) -> dict:
        if self.is_bound:
            self.is_valid()
            # The year and the order come from links, not from the reader: a wrong one falls back silently.
            for name in ("rok", "sortuj"):
                self.errors.pop(name, None)
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value not in (None, "")}


class ScheduleYearForm(forms.ModelForm):
    year = forms.IntegerField(
        label=_("Rok"),
        validators=[MinValueValidator(2000, _("Podaj rok od 2000.")), MaxValueValidator(2100, _("Podaj rok do 2100."))],
        error_messages={
            "required": _("Podaj rok."),
            "invalid": _("Podaj rok jako liczbę, np. 2027."),
            "unique": _("Harmonogram na ten rok już istnieje."),
        },
    )

    class Meta:
        model = ScheduleYear
        fields = ["year"]


class RowForm(forms.ModelForm):
    """A row of the schedule. An official's department is their own; an administrator chooses it."""

    planned_month = forms.TypedChoiceField(
        label=_("Planowany miesiąc ogłoszenia konkursu"),
        choices=[("", "—"), *MONTHS],
        coerce=int,
        error_messages={
            "required": _("Wybierz miesiąc ogłoszenia."),
            "invalid_choice": _("Wybierz miesiąc od stycznia do grudnia."),
        },
    )
    planned_amount = AmountField(
        label=_("Planowana kwota (zł)"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
        help_text=_("Wysokość środków publicznych planowanych na zadanie, np. 50000 lub 12500,50."),
        error_messages={
            "required": _("Podaj planowaną kwotę."),
            "invalid": _("Podaj kwotę jako liczbę, np. 50000 lub 12500,50."),
            "min_value": _("Kwota nie może być ujemna."),
            "max_digits": _("Kwota jest za duża."),
            "max_decimal_places": _("Podaj kwotę z dokładnością do groszy."),
            "max_whole_digits": _("Kwota jest za duża."),
        },
    )

    class Meta:
        model = PlannedCompetition
        fields = ["department", "task", "sphere", "mode", "planned_month", "planned_amount", "notes"]
        widgets = {"task": forms.Textarea(attrs={"rows": 2}), "notes": forms.Textarea(attrs={"rows": 3})}
        labels = {"task": _("Zadanie publiczne"), "notes": _("Uwagi (widoczne publicznie)")}
        error_messages = {
            "department": {"required": _("Wybierz wydział."), "invalid_choice": _("Wybierz wydział z listy.")},
            "task": {"required": _("Opisz zadanie publiczne."), "max_length": _("Opis zadania jest za długi.")},
            "sphere": {
                "required": _("Wybierz sferę zadań publicznych."),
                "invalid_choice": _("Wybierz sferę zadań publicznych z listy."),
            },
            "mode": {
                "required": _("Wybierz formę zlecenia: wspieranie albo powierzanie."),
                "invalid_choice": _("Wybierz formę zlecenia: wspieranie albo powierzanie."),
            },
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sphere"].queryset = PublicTaskSphere.objects.active()
        self.fields["sphere"].empty_label = "—"
        self.fields["mode"].help_text = _("Art. 11 ust. 1: wspieranie (współfinansowanie) albo powierzanie "
                                          "(pełne finansowanie) realizacji zadania.")
        if user.is_administrator:
            self.fields["department"].queryset = Department.objects.filter(is_active=True)
            self.fields["department"].empty_label = "—"
        else:
            # Officials plan for their own department only; the field is not theirs to choose.
            del self.fields["department"]
            self.instance.department_id = user.department_id


class ConsultationForm(forms.Form):
    comments_until = forms.DateField(
        label=_("Uwagi Zespołu do dnia"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Podaj termin uwag."), "invalid": _("Podaj datę w formacie RRRR-MM-DD.")},
    )
    notify = forms.BooleanField(
        label=_("Wyślij członkom Zespołu e-mail z odnośnikiem do projektu"), required=False, initial=True
    )

    def clean_comments_until(self):
        day = self.cleaned_data["comments_until"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("Termin uwag nie może być w przeszłości."))
        return day


class CommentForm(forms.Form):
    row = forms.ModelChoiceField(
        label=_("Dotyczy pozycji"),
        queryset=PlannedCompetition.objects.none(),
        required=False,
        empty_label=_("całego harmonogramu"),
        error_messages={"invalid_choice": _("Wybierz pozycję harmonogramu z listy.")},
    )
    text = forms.CharField(
        label=_("Uwaga"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Wpisz treść uwagi."), "max_length": _("Uwaga może mieć do 5000 znaków.")},
    )

    def __init__(self, *args, schedule, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["row"].queryset = schedule.rows.select_related("department")
        self.fields["row"].label_from_instance = _row_label

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\x00", "").strip()
        if not text:
            raise forms.ValidationError(_("Wpisz treść uwagi."))
        return text


def _row_label(row) -> str:
    return f"{row.department.short_name or row.department}: {row.task}"


class StatusForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("consultation", "consultation"), ("draft", "draft"), ("publish", "publish")],
        error_messages={"invalid_choice": _("Nieznane działanie."), "required": _("Nieznane działanie.")},
    )

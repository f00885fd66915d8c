"""Forms of the programme's panel: the programme itself, its sections, the priority tasks and planned funds (as
formsets), the consultation of its draft and its adoption."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.consultations.forms import ConsultationForm, DateInput
from partnerstwo.consultations.models import Kind
from partnerstwo.lib.forms import AmountField
from partnerstwo.lib.uploads import validate_pdf
from partnerstwo.programme.models import Form, PlannedFunds, Priority, Programme

TOO_LONG = _("Tekst może mieć najwyżej %(limit_value)d znaków (ma %(show_value)d).")
MARKDOWN_HELP = _("Można używać Markdown: **pogrubienie**, listy (- punkt), nagłówki (### Tytuł).")
NOTE_FIELD = {"label": _("Opis zmiany"), "required": False, "max_length": 500,
                  "help_text": _("Krótko: co się zmieniło. Zapisany w historii wersji.")}


class ProgrammeForm(forms.ModelForm):
    """A new programme: its title, years and (for an administrator) the department responsible."""

    class Meta:
        model = Programme
        fields = ["title", "year_from", "year_to", "department"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["year_from"].error_messages["required"] = _("Podaj pierwszy rok programu.")
        self.fields["year_to"].error_messages["required"] = _("Podaj ostatni rok programu.")
        self.fields["title"].error_messages["required"] = _("Podaj tytuł programu.")
        for name in ["year_from", "year_to"]:
            self.fields[name].error_messages["min_value"] = _("Podaj rok nie wcześniejszy niż 2000.")
            self.fields[name].max_value = 2100
            self.fields[name].widget.attrs["max"] = 2100
            self.fields[name].validators.append(_max_year)
        if user.is_administrator:
            self.fields["department"].queryset = Department.objects.filter(is_active=True)
            self.fields["department"].error_messages["required"] = _("Wybierz wydział odpowiedzialny.")
        else:  # an official prepares the programme of their own department
            del self.fields["department"]

    def clean(self):
        data = super().clean()
        start, end = data.get("year_from"), data.get("year_to")
        if start and end and end < start:
            self.add_error("year_to", _("Ostatni rok nie może być wcześniejszy niż pierwszy."))
        if start and end and end - start > 9:
            self.add_error("year_to", _("Program wieloletni może obejmować najwyżej 10 lat."))
        return data

    def save(self, commit=True):
        if "department" not in self.fields:
            self.instance.department = self.user.department
        return super().save(commit=commit)


def _max_year(value):
    if value > 2100:
        raise forms.ValidationError(_("Podaj rok nie późniejszy niż 2100."))


class SectionsForm(forms.ModelForm):
    note = forms.CharField(**NOTE_FIELD)

    class Meta:
        model = Programme
        fields = ["title", "objectives", "principles", "scope", "spheres", "forms", "forms_text", "period", "method",
                  "funds_text", "evaluation", "drafting", "committees"]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in [
            "objectives", "principles", "scope", "forms_text", "period", "method", "funds_text", "evaluation",
            "drafting", "committees"]}
        widgets["spheres"] = forms.CheckboxSelectMultiple

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forms"] = forms.MultipleChoiceField(
            label=_("Formy współpracy (art. 5 ust. 2)"), choices=Form.choices, required=False,
            widget=forms.CheckboxSelectMultiple, error_messages={"invalid_choice": _("Wybierz formy z listy.")},
        )
        self.fields["spheres"].queryset = PublicTaskSphere.objects.filter(is_active=True)
        self.fields["title"].error_messages["required"] = _("Podaj tytuł programu.")
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.Textarea) and name != "note":
                field.help_text = MARKDOWN_HELP
                field.error_messages["max_length"] = TOO_LONG


class PriorityForm(forms.ModelForm):
    class Meta:
        model = Priority
        fields = ["position", "sphere", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2}), "position": forms.NumberInput(attrs={"min": 0})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sphere"].queryset = PublicTaskSphere.objects.filter(is_active=True)
        self.fields["sphere"].error_messages["required"] = _("Wybierz sferę zadań publicznych.")
        self.fields["title"].error_messages["required"] = _("Podaj nazwę zadania priorytetowego.")
        self.fields["position"].error_messages["invalid"] = _("Podaj kolejność liczbą całkowitą.")
        self.fields["position"].error_messages["min_value"] = _("Kolejność nie może być ujemna.")


class RowFormSet(forms.BaseModelFormSet):
    """The formset's rows; a row left empty is skipped, one marked for removal is removed."""

    def __init__(self, *args, programme, **kwargs):
        self.programme = programme
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "programme": self.programme}


class PriorityRowForm(PriorityForm):
    def __init__(self, *args, programme, **kwargs):
        self.programme = programme
        super().__init__(*args, **kwargs)


PriorityFormSet = forms.modelformset_factory(
    Priority, form=PriorityRowForm, formset=RowFormSet, extra=2, can_delete=True, max_num=200, validate_max=True,
)


class FundsForm(forms.ModelForm):
    amount = AmountField(label=_("Kwota (zł)"), min_value=0, max_digits=14, error_messages={
        "required": _("Podaj kwotę."), "min_value": _("Kwota nie może być ujemna."),
        "max_digits": _("Kwota jest za duża."), "max_whole_digits": _("Kwota jest za duża."),
    })

    class Meta:
        model = PlannedFunds
        fields = ["year", "sphere", "priority", "amount"]

    def __init__(self, *args, programme, **kwargs):
        self.programme = programme
        super().__init__(*args, **kwargs)
        self.fields["year"] = forms.TypedChoiceField(
            label=_("Rok"), coerce=int, choices=[("", "–")] + [(year, year) for year in programme.years],
            error_messages={"required": _("Wybierz rok."),
                            "invalid_choice": _("Wybierz rok, który obejmuje program.")},
        )
        self.fields["sphere"].queryset = PublicTaskSphere.objects.filter(is_active=True)
        self.fields["sphere"].error_messages["required"] = _("Wybierz sferę zadań publicznych.")
        self.fields["priority"].queryset = programme.priorities.select_related("sphere")
        self.fields["priority"].required = False
        self.fields["priority"].empty_label = _("– cała sfera –")
        self.fields["priority"].error_messages["invalid_choice"] = _("Wybierz zadanie priorytetowe tego programu.")

    def clean(self):
        data = super().clean()
        priority, sphere = data.get("priority"), data.get("sphere")
        if priority and sphere and priority.sphere_id != sphere.pk:
            self.add_error("priority", _("To zadanie priorytetowe należy do innej sfery: %(sphere)s.") % {
                "sphere": priority.sphere})
        return data

    def validate_unique(self):
        pass  # checked across the rows by the formset, with a message of ours


class FundsFormSet(RowFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk or self._should_delete_form(form):
                continue
            data = getattr(form, "cleaned_data", None) or {}
            key = (data.get("year"), data.get("sphere"), data.get("priority"))
            if None in key[:2]:
                continue
            if key in seen:
                form.add_error(None, _("Ta sama kwota (rok, sfera, zadanie) jest już w innym wierszu: połącz je."))
                raise forms.ValidationError(_("Rok, sfera i zadanie mogą wystąpić tylko raz."))
            seen.add(key)


FundsRowFormSet = forms.modelformset_factory(
    PlannedFunds, form=FundsForm, formset=FundsFormSet, extra=3, can_delete=True, max_num=500, validate_max=True,
)


class ChangeNoteForm(forms.Form):
    note = forms.CharField(**NOTE_FIELD)


class ProgrammeConsultationForm(ConsultationForm):
    """The consultations' own form, for a draft programme: its kind is "programme" and its department the
    programme's (editing.start_consultation sets both)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("department", None)
        self.fields["kind"].initial = Kind.PROGRAMME
        self.fields["kind"].disabled = True
        self.fields["kind"].widget = forms.HiddenInput()

    def save(self, commit=True):
        return forms.ModelForm.save(self, commit=commit)


class AdoptionForm(forms.Form):
    number = forms.CharField(label=_("Numer uchwały"), max_length=100, error_messages={
        "required": _("Podaj numer uchwały."), "max_length": _("Numer może mieć najwyżej 100 znaków.")})
    day = forms.DateField(label=_("Data podjęcia uchwały"), widget=DateInput, error_messages={
        "required": _("Podaj datę uchwały."), "invalid": _("Podaj datę w postaci RRRR-MM-DD.")})
    document = forms.FileField(label=_("Uchwała (PDF)"), error_messages={
        "required": _("Dodaj uchwałę w PDF."), "empty": _("Plik jest pusty.")})
    consulted_on = forms.DateField(
        label=_("Początek konsultacji przeprowadzonych poza serwisem"), required=False, widget=DateInput,
        help_text=_("Tylko gdy projekt konsultowano bez serwisu: pierwszy dzień konsultacji, do kalendarza terminów."),
        error_messages={"invalid": _("Podaj datę w postaci RRRR-MM-DD.")},
    )

    def __init__(self, *args, programme, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme, self.today = programme, today
        if programme.consultation_id:
            del self.fields["consulted_on"]

    def clean(self):
        data = super().clean()
        consulted, day = data.get("consulted_on"), data.get("day")
        if consulted and day and consulted > day:
            self.add_error("consulted_on", _("Konsultacje muszą poprzedzać uchwałę."))
        return data

    def clean_document(self):
        document = self.cleaned_data["document"]
        validate_pdf(document)
        return document

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day > self.today:
            raise forms.ValidationError(_("Data uchwały nie może być w przyszłości."))
        if day.year > self.programme.year_to:
            raise forms.ValidationError(_("Uchwała nie może być późniejsza niż ostatni rok programu."))
        return day

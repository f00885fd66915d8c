from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from partnerstwo.bulletin.models import Issue, ItemKind, MediaContact, issues_per_year

EDITORIAL_MAX_LENGTH = 6_000
# The browser's date field takes and shows ISO dates, whatever the language.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IssueForm(forms.ModelForm):
    """An issue's number, period, title and editorial; the number and period are proposed from the setting."""

    year = forms.IntegerField(label=_("Rok"), min_value=2000, max_value=2100, error_messages={
        "required": _("Podaj rok wydania."), "invalid": _("Rok to liczba, np. 2026."),
        "min_value": _("Podaj rok od 2000 do 2100."), "max_value": _("Podaj rok od 2000 do 2100.")})
    number = forms.IntegerField(label=_("Numer w roku"), min_value=1, error_messages={
        "required": _("Podaj numer wydania w roku."), "invalid": _("Numer to liczba, np. 4."),
        "min_value": _("Numer wydania zaczyna się od 1.")})
    title = forms.CharField(label=_("Tytuł"), max_length=200, error_messages={
        "required": _("Podaj tytuł wydania."), "max_length": _("Tytuł może mieć najwyżej 200 znaków.")})
    period_start = forms.DateField(label=_("Okres od"), widget=DATE,
                                   error_messages={"required": _("Podaj pierwszy dzień okresu."),
                                                   "invalid": _("Podaj datę w postaci RRRR-MM-DD.")})
    period_end = forms.DateField(label=_("Okres do"), widget=DATE,
                                 error_messages={"required": _("Podaj ostatni dzień okresu."),
                                                 "invalid": _("Podaj datę w postaci RRRR-MM-DD.")})
    editorial = forms.CharField(
        label=_("Wstępniak"), required=False, max_length=EDITORIAL_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Słowo od Centrum na początek wydania. Można używać Markdown: **pogrubienie**, listy, "
                    "[link](https://…)."),
        error_messages={"max_length": _("Wstępniak może mieć najwyżej %(limit_value)d znaków.")},
    )

    class Meta:
        model = Issue
        fields = ["year", "number", "title", "period_start", "period_end", "editorial"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].help_text = _("Od 1 do %(count)d (tyle wydań w roku).") % {"count": issues_per_year()}

    def clean_number(self):
        number = self.cleaned_data["number"]
        if number > issues_per_year():
            raise ValidationError(_("W roku wychodzi %(count)d wydań: podaj numer od 1 do %(count)d.")
                                  % {"count": issues_per_year()})
        return number

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Koniec okresu nie może być przed jego początkiem."))
        year, number = cleaned.get("year"), cleaned.get("number")
        if year and number and Issue.objects.filter(year=year, number=number).exclude(pk=self.instance.pk).exists():
            # On the field (which leaves the database constraint out of the model's own check: said once).
            self.add_error("number", _("Wydanie %(number)s/%(year)s już jest. Wybierz inny numer.")
                           % {"number": number, "year": year})
        return cleaned


class AddItemForm(forms.Form):
    kind = forms.ChoiceField(choices=ItemKind.choices, widget=forms.HiddenInput)
    target = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    note = forms.CharField(label=_("Komentarz redakcji (opcjonalnie)"), max_length=300, required=False,
                           error_messages={"max_length": _("Komentarz może mieć najwyżej 300 znaków.")})


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Komentarz redakcji"), max_length=300, required=False,
                           error_messages={"max_length": _("Komentarz może mieć najwyżej 300 znaków.")})


class MediaContactForm(forms.ModelForm):
    name = forms.CharField(label=_("Imię i nazwisko"), max_length=200,
                           error_messages={"required": _("Podaj imię i nazwisko.")})
    outlet = forms.CharField(label=_("Redakcja"), max_length=200, required=False,
                             help_text=_("Gazeta, radio, telewizja lub portal."))
    email = forms.EmailField(label=_("Adres e-mail"), help_text=_(
        "Dodaj tylko osoby, które zgodziły się otrzymywać biuletyn; każda wiadomość ma link do wypisania się."),
        error_messages={"required": _("Podaj adres e-mail."),
                        "invalid": _("Wpisz poprawny adres e-mail, np. redakcja@example.org.")})

    class Meta:
        model = MediaContact
        fields = ["name", "outlet", "email"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if MediaContact.objects.filter(email=email).exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("Ten adres jest już na liście kontaktów."))
        return email

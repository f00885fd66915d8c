"""Forms of consultations: preparing one (officials), the comment survey and written opinions (participants),
entering received comments, moderating, answering and the report (officials), and the public list's filters."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.consultations import drafting, participation
from partnerstwo.consultations.models import Answer, Capacity, Channel, Consultation, Document, Kind
from partnerstwo.lib.uploads import validate_pdf
from partnerstwo.team.models import LegalAct

TEXT_LIMIT = 10_000
TOO_LONG = _("Tekst może mieć najwyżej %(limit_value)d znaków (ma %(show_value)d).")


def long_text(label, *, required=True, rows=6, max_length=TEXT_LIMIT, help_text="", missing=None):
    messages = {"max_length": TOO_LONG}
    if missing:
        messages["required"] = missing
    return forms.CharField(
        label=label, required=required, max_length=max_length, help_text=help_text, strip=True,
        widget=forms.Textarea(attrs={"rows": rows}), error_messages=messages,
    )


MISSING_PROPOSAL = _("Wpisz proponowane brzmienie przepisu (albo np. „skreślić”).")
MISSING_JUSTIFICATION = _("Uzasadnij proponowaną zmianę.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = [
            "title", "kind", "legal_basis", "summary", "department", "spheres", "legal_act",
            "for_ngos", "for_body", "for_residents", "starts_on", "ends_on", "short_period_reason",
            "form_site", "form_written", "form_meeting", "meeting_starts_at", "meeting_ends_at", "meeting_place",
            "comments_public_at_once", "contact_name", "contact_email", "contact_phone",
        ]
        widgets = {
            "legal_basis": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 6}),
            "short_period_reason": forms.Textarea(attrs={"rows": 3}),
            "spheres": forms.CheckboxSelectMultiple,
            "starts_on": DateInput, "ends_on": DateInput,
            "meeting_starts_at": DateTimeInput, "meeting_ends_at": DateTimeInput,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["spheres"].queryset = PublicTaskSphere.objects.filter(is_active=True)
        self.fields["legal_act"].queryset = LegalAct.objects.order_by("title")
        if user.is_administrator:
            self.fields["department"].queryset = Department.objects.all()
        else:  # an official prepares consultations of their own department only
            del self.fields["department"]
        if self.instance.is_announced:  # the period and the forms were announced; they stay as they were
            for name in ["kind", "starts_on", "ends_on", "short_period_reason", "form_site", "form_written",
                         "form_meeting", "meeting_starts_at", "meeting_ends_at", "for_ngos", "for_body",
                         "for_residents", "comments_public_at_once"]:
                self.fields[name].disabled = True

    def clean(self):
        data = super().clean()
        for field, message in drafting.period_errors(
            kind=data.get("kind"), starts_on=data.get("starts_on"), ends_on=data.get("ends_on"),
            short_period_reason=data.get("short_period_reason", ""), for_body=bool(data.get("for_body")),
        ).items():
            self.add_error(field, message)
        if not (data.get("for_ngos") or data.get("for_body") or data.get("for_residents")):
            self.add_error("for_ngos", _("Wskaż, kogo konsultacje dotyczą."))
        if data.get("form_meeting"):
            start, end = data.get("meeting_starts_at"), data.get("meeting_ends_at")
            if not start:
                self.add_error("meeting_starts_at", _("Podaj początek spotkania."))
            if not end:
                self.add_error("meeting_ends_at", _("Podaj koniec spotkania."))
            if start and end and end <= start:
                self.add_error("meeting_ends_at", _("Spotkanie musi kończyć się po swoim początku."))
            if not data.get("meeting_place"):
                self.add_error("meeting_place", _("Podaj miejsce spotkania."))
        return data

    def save(self, commit=True):
        if "department" not in self.fields and not self.instance.department_id:
            self.instance.department = self.user.department
        return super().save(commit=commit)


class DraftTextForm(forms.Form):
    text = forms.CharField(
        label=_("Tekst projektu"), max_length=500_000, widget=forms.Textarea(attrs={"rows": 20}),
        help_text=_("Wklej cały tekst. System podzieli go na rozdziały, paragrafy, ustępy, punkty i litery; "
                    "każda jednostka zaczyna się w nowym wierszu („§ 5.”, „1.”, „1)”, „a)”)."),
        error_messages={"required": _("Wklej tekst projektu."), "max_length": TOO_LONG},
    )
    note = forms.CharField(
        label=_("Co się zmieniło"), max_length=500, required=False,
        help_text=_("Tylko dla nowej wersji w trakcie konsultacji: opis zmian, widoczny publicznie."),
    )


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["kind", "title", "file"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_pdf(upload)
        return upload


class SpeakerFields(forms.Form):
    """As whom a participant speaks: the choices follow participation.capacities_for."""

    capacity = forms.ChoiceField(label=_("Zgłaszam"), widget=forms.RadioSelect, choices=[],
                                 error_messages={"required": _("Wybierz, w czyim imieniu zgłaszasz.")})
    organization = forms.ModelChoiceField(label=_("Organizacja"), queryset=None, required=False)
    body_position = forms.ModelChoiceField(
        label=_("Stanowisko Zespołu, na którym opiera się uwaga"), queryset=None, required=False,
        help_text=_("Tylko w imieniu Zespołu: uwaga musi wynikać z przyjętego stanowiska lub opinii."),
    )

    def __init__(self, *args, consultation, user, **kwargs):
        super().__init__(*args, **kwargs)
        capacities = participation.capacities_for(consultation, user)
        self.fields["capacity"].choices = [(value, Capacity(value).label) for value in capacities]
        if len(capacities) == 1:
            self.fields["capacity"].initial = capacities[0]
        if Capacity.ORGANIZATION in capacities:
            self.fields["organization"].queryset = participation.organizations_for(user)
        else:
            del self.fields["organization"]
        if Capacity.BODY in capacities:
            self.fields["body_position"].queryset = participation.body_positions()
            # The body's own opinion on this consultation (drafting.open_body_position), once adopted, comes first.
            own = consultation.team_position
            if own is not None and own.status == own.Status.ADOPTED:
                self.fields["body_position"].initial = own.pk
        else:
            del self.fields["body_position"]

    def speaker(self) -> dict:
        return {
            "capacity": self.cleaned_data["capacity"],
            "organization": self.cleaned_data.get("organization"),
            "body_position": self.cleaned_data.get("body_position"),
        }


class CommentForm(SpeakerFields):
    unit = forms.CharField(widget=forms.HiddenInput, required=False, max_length=150)
    proposed_wording = long_text(_("Proponowane brzmienie"), missing=MISSING_PROPOSAL, help_text=_(
        "Jak powinien brzmieć przepis. Aby zaproponować skreślenie, wpisz „skreślić”."))
    justification = long_text(_("Uzasadnienie"), missing=MISSING_JUSTIFICATION)


class CommentEditForm(forms.Form):
    proposed_wording = long_text(_("Proponowane brzmienie"), missing=MISSING_PROPOSAL)
    justification = long_text(_("Uzasadnienie"), missing=MISSING_JUSTIFICATION)


class OpinionForm(SpeakerFields):
    title = forms.CharField(label=_("Tytuł opinii"), max_length=200)
    file = forms.FileField(label=_("Opinia (PDF, do 10 MB)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_pdf(upload)
        return upload


class ReceivedCommentForm(forms.Form):
    """A comment an official received outside the site, entered so the report is complete."""

    channel = forms.ChoiceField(label=_("Jak wpłynęła"), choices=[
        (Channel.PAPER, Channel.PAPER.label), (Channel.EMAIL, Channel.EMAIL.label),
        (Channel.MEETING, Channel.MEETING.label)])
    capacity = forms.ChoiceField(label=_("Zgłaszający"), choices=Capacity.choices, widget=forms.RadioSelect)
    author_name = forms.CharField(label=_("Imię i nazwisko lub nazwa organizacji"), max_length=200)
    received_on = forms.DateField(label=_("Data wpływu"), widget=DateInput)
    unit = forms.ChoiceField(label=_("Przepis"), required=False)
    proposed_wording = long_text(_("Proponowane brzmienie"))
    justification = long_text(_("Uzasadnienie"))

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        version = consultation.current_version()
        units = version.units.all() if version else []
        self.units = {unit.anchor: unit for unit in units if unit.takes_comments}
        self.fields["unit"].choices = [("", _("cały projekt"))] + [
            (anchor, unit.path_label) for anchor, unit in self.units.items()
        ]

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Data wpływu nie może być z przyszłości."))
        return day


class RemovalForm(forms.Form):
    reason = long_text(_("Powód usunięcia"), rows=3, max_length=2000, required=False, help_text=_(
        "Tylko z powodu zasad serwisu (np. treści obraźliwe, dane osobowe innych osób). Powód zobaczą wszyscy."))


class AnswerForm(forms.Form):
    comments = forms.MultipleChoiceField(
        label=_("Uwagi, na które odpowiadasz"), widget=forms.CheckboxSelectMultiple, choices=[],
        help_text=_("Jednakowe uwagi kilku zgłaszających można rozstrzygnąć jedną odpowiedzią."),
        error_messages={"required": _("Zaznacz co najmniej jedną uwagę.")},
    )
    decision = forms.ChoiceField(label=_("Rozstrzygnięcie"), choices=Answer.Decision.choices,
                                 widget=forms.RadioSelect, error_messages={"required": _("Wybierz rozstrzygnięcie.")})
    justification = long_text(_("Uzasadnienie odpowiedzi"), rows=4)

    def __init__(self, *args, comment_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comments"].choices = comment_choices


class ReportForm(forms.Form):
    outcome = long_text(_("Wynik konsultacji"), rows=6, help_text=_(
        "Np. liczba uwag, co zmieniono w projekcie, dalsze kroki. Także wtedy, gdy nie wpłynęła żadna uwaga."))
    meeting_minutes = long_text(_("Protokół z otwartego spotkania"), rows=6, max_length=20_000, required=False)


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Szukaj"), required=False, max_length=200)
    sfera = forms.ModelChoiceField(label=_("Sfera"), queryset=PublicTaskSphere.objects.filter(is_active=True),
                                   required=False, to_field_name="slug", empty_label=_("wszystkie"))
    wydzial = forms.ModelChoiceField(label=_("Wydział"), queryset=Department.objects.all(), required=False,
                                     empty_label=_("wszystkie"))
    rodzaj = forms.ChoiceField(label=_("Rodzaj"), required=False, choices=[("", _("wszystkie")), *Kind.choices])
    rok = forms.IntegerField(label=_("Rok"), required=False, min_value=2000, max_value=2100)

"""Forms of the mailings panel: a one-off mailing, its schedule, and the choice of uncertain deliveries to resend."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.lib.editorial.forms import BODY_MAX_LENGTH, MARKDOWN_HELP, MarkdownFieldsMixin
from partnerstwo.newsletter.models import Mailing, Topic
from partnerstwo.organizations.models import TargetGroup
from partnerstwo.team.models import Group

Segment = Mailing.Segment

# The parameter each segment needs, and what to say when it is missing.
SEGMENT_PARAMETERS = {
    Segment.TOPIC: ("topic", _("Wybierz temat: wiadomość dostaną ci, którzy go zamówili.")),
    Segment.SPHERE: ("sphere", _("Wybierz sferę zadań publicznych, do której kierujesz wiadomość.")),
    Segment.DISTRICT: ("district", _("Wybierz osiedle, do którego kierujesz wiadomość.")),
    Segment.TARGET_GROUP: ("target_group", _("Wybierz grupę odbiorców, z którą pracują organizacje.")),
    Segment.TEAM_GROUP: ("team_group", _("Wybierz grupę branżową lub zespół roboczy.")),
    Segment.WITHOUT_ANNUAL_REPORT: ("report_year", _("Podaj rok, za który organizacje nie opublikowały sprawozdania.")),
}
PARAMETERS = ("topic", "sphere", "district", "target_group", "team_group", "report_year")
FIRST_REPORT_YEAR = 2000


class MailingForm(MarkdownFieldsMixin, forms.ModelForm):
    subject = forms.CharField(
        label=_("Temat wiadomości"),
        max_length=200,
        help_text=_("Tak zobaczą go odbiorcy w skrzynce."),
    )
    body = forms.CharField(
        label=_("Treść"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=MARKDOWN_HELP,
        error_messages={"required": _("Napisz treść wiadomości.")},
    )
    segment = forms.ChoiceField(
        label=_("Odbiorcy"),
        choices=[("", _("— wybierz —")), *Segment.choices],
        help_text=_(
            "Wszystkie organizacje: te, których adres potwierdzono przy dołączaniu do katalogu i które nie "
            "zrezygnowały z wiadomości. Sfera i osiedle: organizacje, które w nich działają lub je wybrały, oraz "
            "subskrybenci, którzy je wybrali. Grupa odbiorców: organizacje, które z nią pracują. Grupa branżowa "
            "lub zespół roboczy: organizacje-członkowie oraz osoby-członkowie zapisane na subskrypcję."
        ),
        error_messages={"required": _("Wybierz, kto ma dostać wiadomość.")},
    )
    topic = forms.ChoiceField(
        label=_("Temat subskrypcji"),
        choices=[("", _("— wybierz —")), *Topic.choices],
        required=False,
        help_text=_("Tylko gdy odbiorcy to subskrybenci tematu."),
    )
    sphere = forms.ModelChoiceField(
        label=_("Sfera zadań publicznych"),
        queryset=PublicTaskSphere.objects.all(),
        required=False,
        empty_label=_("— wybierz —"),
        help_text=_("Tylko gdy odbiorcy to sfera zadań publicznych."),
    )
    district = forms.ModelChoiceField(
        label=_("Osiedle"),
        queryset=District.objects.all(),
        required=False,
        empty_label=_("— wybierz —"),
        help_text=_("Tylko gdy odbiorcy to osiedle."),
    )
    target_group = forms.ModelChoiceField(
        label=_("Grupa odbiorców organizacji"),
        queryset=TargetGroup.objects.all(),
        required=False,
        empty_label=_("— wybierz —"),
        help_text=_("Tylko gdy odbiorcy to grupa odbiorców organizacji."),
    )

    team_group = forms.ModelChoiceField(
        label=_("Grupa branżowa lub zespół roboczy"),
        queryset=Group.objects.order_by("kind", "name"),
        required=False,
        empty_label=_("— wybierz —"),
        help_text=_("Tylko gdy odbiorcy to członkowie grupy lub zespołu."),
    )

    report_year = forms.IntegerField(
        label=_("Rok sprawozdania"),
        required=False,
        min_value=FIRST_REPORT_YEAR,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_("Tylko gdy odbiorcy to organizacje bez sprawozdania rocznego za rok."),
        error_messages={
            "invalid": _("Podaj rok cyframi, np. 2025."),
            "min_value": _("Podaj rok nie wcześniejszy niż %(limit_value)s."),
        },
    )

    class Meta:
        model = Mailing
        fields = [
            "subject", "body", "segment", "topic", "sphere", "district", "target_group", "team_group", "report_year",
        ]

    def clean_report_year(self):
        year = self.cleaned_data.get("report_year")
        if year is not None and year > timezone.localdate().year:
            raise forms.ValidationError(
                _("Podaj rok nie późniejszy niż %(year)s.") % {"year": timezone.localdate().year}, code="max_value"
            )
        return year

    def clean_subject(self):
        subject = self.cleaned_data["subject"]
        if "\n" in subject or "\r" in subject:
            # A line break would end the e-mail header; the browser's one-line field cannot send one anyway.
            raise forms.ValidationError(_("Temat musi mieścić się w jednym wierszu."), code="newline")
        return subject

    def clean(self):
        cleaned = super().clean()
        segment = cleaned.get("segment")
        needed = SEGMENT_PARAMETERS.get(segment)
        if needed:
            name, message = needed
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, forms.ValidationError(message, code="required"))
        # A parameter of another segment would only confuse the list of mailings later: keep the one that counts.
        for name in PARAMETERS:
            if not needed or name != needed[0]:
                cleaned[name] = "" if name == "topic" else None
        return cleaned


class ScheduleForm(forms.Form):
    scheduled_for = forms.DateTimeField(
        label=_("Wyślij o"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Data i godzina czasu polskiego, np. 2026-12-01 09:00."),
        error_messages={
            "required": _("Podaj datę i godzinę wysyłki."),
            "invalid": _("Podaj datę i godzinę, np. 2026-12-01 09:00."),
        },
    )

    def clean_scheduled_for(self):
        when = self.cleaned_data["scheduled_for"]
        if when <= timezone.now():
            raise forms.ValidationError(_("Podaj chwilę w przyszłości."), code="past")
        return when


MAX_ID = 2**63 - 1


def selected_ids(values: list[str]) -> list[int]:
    """Ids ticked on the page; anything that is not an id is ignored (the delivery module checks the rest)."""
    ids = []
    for value in values:
        if value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID:
            ids.append(int(value))
    return ids


class ConfirmSendForm(forms.Form):
    """The number of addresses the sender saw on the confirmation page."""

    count = forms.IntegerField(min_value=0, max_value=10_000_000)

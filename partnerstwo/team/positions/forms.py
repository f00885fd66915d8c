"""Forms of positions and opinions, their votes and amendments, and of the tracked legal acts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import Department
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.team.body.forms import DateInput
from partnerstwo.team.meetings.forms import DATETIME_FORMAT, DateTimeLocalInput
from partnerstwo.team.models import Amendment, LegalAct, Position, PositionVote


class PositionForm(forms.ModelForm):
    class Meta:
        model = Position
        fields = [
            "kind", "title", "text", "concerns", "legal_act", "competition", "subject_title", "subject_url",
            "delivered_on", "addressed_to",
        ]
        widgets = {
            "kind": forms.RadioSelect, "concerns": forms.RadioSelect, "delivered_on": DateInput,
            "addressed_to": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["legal_act"].queryset = body.legal_acts.all()
        self.fields["competition"].queryset = Competition.objects.public().order_by("-year", "title", "pk")
        self.fields["addressed_to"].queryset = Department.objects.active()


class MemberDraftForm(PositionForm):
    """A member's own draft: its content only. Whom it is sent to and when a draft act was delivered are the
    secretary's to set before the vote."""

    class Meta(PositionForm.Meta):
        fields = ["kind", "title", "text", "concerns", "legal_act", "competition", "subject_title", "subject_url"]

    def __init__(self, *args, body, **kwargs):
        forms.ModelForm.__init__(self, *args, **kwargs)
        self.fields["legal_act"].queryset = body.legal_acts.all()
        self.fields["competition"].queryset = Competition.objects.public().order_by("-year", "title", "pk")


class ElectronicVoteForm(forms.Form):
    until = forms.DateTimeField(label=_("Głosowanie trwa do"), widget=DateTimeLocalInput,
                                input_formats=[DATETIME_FORMAT])


class MeetingVoteForm(forms.Form):
    """One choice per member present at the meeting; blank: did not vote."""

    def __init__(self, *args, present, **kwargs):
        super().__init__(*args, **kwargs)
        self.present = present
        choices = [("", _("nie głosował(a)")), *PositionVote.Choice.choices]
        for seat in present:
            self.fields[f"member_{seat.pk}"] = forms.ChoiceField(
                label=seat.person_name, choices=choices, required=False, widget=forms.RadioSelect,
            )

    def choices(self) -> dict[int, str]:
        return {seat.pk: self.cleaned_data.get(f"member_{seat.pk}", "") for seat in self.present}


class VoteForm(forms.Form):
    choice = forms.ChoiceField(label=_("Twój głos"), choices=PositionVote.Choice.choices, widget=forms.RadioSelect)


class AmendmentForm(forms.ModelForm):
    class Meta:
        model = Amendment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        labels = {"text": _("Twoja poprawka do projektu")}


class AmendmentDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=Amendment.Decision.choices)


class LegalActForm(forms.ModelForm):
    class Meta:
        model = LegalAct
        fields = ["title", "stage", "department", "consultation_url", "next_step", "next_step_on"]
        widgets = {"next_step_on": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.active()

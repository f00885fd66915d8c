"""Forms of the meetings: the meeting and its agenda, guests, attendance, minutes, action items, approval, and the
members' answers and comments."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import Department
from partnerstwo.lib.uploads import validate_pdf
from partnerstwo.team.body.forms import DateInput
from partnerstwo.team.models import ActionItem, AgendaDocument, AgendaItem, Attendance, Guest, Meeting, Membership

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
MAX_VOTES = 500


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_FORMAT)


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["title", "starts_at", "ends_at", "place", "online_url", "departments"]
        widgets = {
            "starts_at": DateTimeLocalInput, "ends_at": DateTimeLocalInput,
            "departments": forms.CheckboxSelectMultiple,
        }
        help_texts = {"departments": _("Wydział, z którym Zespół się spotyka, wymienimy na jego stronie.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.group_id:  # the departments' pages list the body's meetings with them
            del self.fields["departments"]
        else:
            self.fields["departments"].queryset = Department.objects.active()
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = [DATETIME_FORMAT]

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("Koniec posiedzenia nie może być wcześniejszy niż początek."))
        return data


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "description", "presenter", "department", "guests"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.active()


class DocumentForm(forms.ModelForm):
    prefix = "document"  # shown under the point's own form, whose title field it would otherwise repeat

    class Meta:
        model = AgendaDocument
        fields = ["title", "file"]
        help_texts = {"file": _("Plik PDF, najwyżej 10 MB. Widoczny na stronie posiedzenia.")}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            validate_pdf(upload)
        return upload


class GuestForm(forms.ModelForm):
    class Meta:
        model = Guest
        fields = ["name", "affiliation", "email"]


class AttendanceForm(forms.Form):
    """One choice per invited member and a checkbox per guest, named by their ids."""

    def __init__(self, *args, rows, guests, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        self.guest_rows = list(guests)
        choices = [("", _("nie zapisano")), *Attendance.Status.choices]
        for seat, record in rows:
            self.fields[f"member_{seat.pk}"] = forms.ChoiceField(
                label=seat.person_name or str(seat), choices=choices, required=False, widget=forms.RadioSelect,
                initial=record.status if record else "",
            )
        for guest in self.guest_rows:
            self.fields[f"guest_{guest.pk}"] = forms.BooleanField(
                label=_("%(name)s (gość) był(a) obecny(-a)") % {"name": guest.name}, required=False,
                initial=bool(guest.attended),
            )

    def statuses(self) -> dict[int, str]:
        return {seat.pk: self.cleaned_data.get(f"member_{seat.pk}", "") for seat, _record in self.rows}

    def guests(self) -> dict[int, bool]:
        return {guest.pk: self.cleaned_data.get(f"guest_{guest.pk}", False) for guest in self.guest_rows}


def vote_field(label):
    return forms.IntegerField(label=label, min_value=0, max_value=MAX_VOTES, required=False)


class ItemMinutesForm(forms.ModelForm):
    votes_for = vote_field(_("Głosy za"))
    votes_against = vote_field(_("Głosy przeciw"))
    votes_abstain = vote_field(_("Wstrzymujące się"))

    class Meta:
        model = AgendaItem
        fields = ["discussion", "decisions", "votes_for", "votes_against", "votes_abstain"]
        widgets = {"discussion": forms.Textarea(attrs={"rows": 6}), "decisions": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"votes_for": _("Tylko gdy w tym punkcie głosowano; puste pola: bez głosowania.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.meeting.group_id:  # a group records no votes (groups.coordination)
            for name in ("votes_for", "votes_against", "votes_abstain"):
                del self.fields[name]


class MinutesIntroForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["minutes_intro"]


class ActionItemForm(forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["what", "item", "owner", "owner_name", "due_on"]
        widgets = {"due_on": DateInput}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.items.all()
        if meeting.group_id:
            del self.fields["owner"]
            self.fields["owner_name"].label = _("kto")
        else:
            self.fields["owner"].queryset = Membership.objects.invited_to(meeting).in_order()


class ActionDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Wykonano dnia"), widget=DateInput)


class ShownAtForm(forms.Form):
    """The hidden field naming the meeting whose minutes listed the action item (to return there)."""

    shown_at = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


class ApprovalForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Protokół posiedzenia"), queryset=Meeting.objects.none())
    votes_for = forms.IntegerField(label=_("Głosy za przyjęciem"), min_value=0, max_value=MAX_VOTES)
    votes_against = forms.IntegerField(label=_("Głosy przeciw"), min_value=0, max_value=MAX_VOTES)
    votes_abstain = forms.IntegerField(label=_("Wstrzymujące się"), min_value=0, max_value=MAX_VOTES)

    def __init__(self, *args, drafts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = drafts


class ResponseForm(forms.Form):
    response = forms.ChoiceField(label=_("Czy będziesz na posiedzeniu?"), choices=Attendance.Response.choices,
                                 widget=forms.RadioSelect)


class CommentForm(forms.Form):
    item = forms.ModelChoiceField(label=_("Punkt porządku"), queryset=AgendaItem.objects.none(), required=False,
                                  empty_label=_("cały protokół"))
    text = forms.CharField(label=_("Uwaga do projektu protokołu"), max_length=5000, widget=forms.Textarea(
        attrs={"rows": 4}))

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.items.all()

"""Forms of sector groups and working teams."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.organizations.models import Organization
from partnerstwo.team.body.forms import DateInput
from partnerstwo.team.models import Group, GroupMember


class GroupForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = ["kind", "name", "slug", "purpose", "sphere", "is_open", "ends_on"]
        widgets = {"kind": forms.RadioSelect, "ends_on": DateInput}
        help_texts = {"slug": _("Część adresu strony grupy: małe litery, cyfry i łączniki, np. kultura.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sphere"].queryset = PublicTaskSphere.objects.active()


class GroupMemberForm(forms.ModelForm):
    account_email = forms.EmailField(
        label=_("Adres konta w serwisie"), required=False,
        help_text=_("Dla osoby z kontem: koordynator(ka) z kontem prowadzi posiedzenia grupy."),
    )

    class Meta:
        model = GroupMember
        fields = ["organization", "person_name", "affiliation", "email", "is_city_representative", "role",
                  "joined_on"]
        widgets = {"joined_on": DateInput}
        help_texts = {"person_name": _("Dla osoby spoza katalogu organizacji, np. przedstawiciela urzędu.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.public().order_by("name")


class JoinForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Organizacja"), queryset=Organization.objects.none())

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.lib.captcha import CaptchaField
from partnerstwo.lib.forms import RefusedOverRateLimit, with_privacy_policy_link
from partnerstwo.organizations.models import Organization
from partnerstwo.organizations.public_data import sphere_name
from partnerstwo.partners import posting
from partnerstwo.partners.models import LookingFor, PartnerAnswer, PartnerKind, PartnerPost, PosterKind

DESCRIPTION_MAX_LENGTH = 5000
MESSAGE_MAX_LENGTH = 5000


class SphereChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return Truncator(sphere_name(obj)).chars(80)


class PostForm(forms.ModelForm):
    title = forms.CharField(label=_("Tytuł"), max_length=200, error_messages={"required": _("Podaj tytuł.")})
    description = forms.CharField(
        label=_("Opis"), max_length=DESCRIPTION_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Kogo lub czego szukacie, do czego, na jak długo i co oferujecie w zamian."),
        error_messages={"required": _("Opisz, czego szukacie.")},
    )
    sphere = SphereChoiceField(
        label=_("Sfera zadań publicznych"), queryset=PublicTaskSphere.objects.active(), required=False,
        empty_label=_("– dowolna –"),
    )
    district = forms.ModelChoiceField(
        label=_("Osiedle"), queryset=District.objects.active(), required=False, empty_label=_("– całe miasto –"),
    )

    class Meta:
        model = PartnerPost
        fields = ["poster_kind", "organization", "title", "looking_for", "description", "sphere", "district",
                  "partner_kind", "ends_on"]
        widgets = {"ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "poster_kind": forms.RadioSelect}
        error_messages = {
            "looking_for": {"required": _("Wybierz, czego szukacie.")},
            "ends_on": {"required": _("Podaj, do kiedy ogłoszenie jest aktualne."),
                        "invalid": _("Wpisz datę w postaci RRRR-MM-DD.")},
            "poster_kind": {"required": _("Wybierz, w czyim imieniu ogłaszasz.")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = posting.poster_kinds_for(user)
        self.fields["poster_kind"].choices = [(k, label) for k, label in PosterKind.choices if k in kinds]
        if len(kinds) == 1 and not self.is_bound and not self.instance.pk:
            self.initial["poster_kind"] = kinds[0]
        self.fields["looking_for"].choices = [("", _("– wybierz –")), *LookingFor.choices]
        self.fields["partner_kind"].choices = [("", _("każdy")), *PartnerKind.choices]
        organization = self.fields["organization"]
        organization.queryset = Organization.objects.represented_by(user).order_by("name")
        organization.required = False
        organization.help_text = _("Gdy ogłaszasz w imieniu organizacji.")
        organization.error_messages["invalid_choice"] = _(
            "Możesz ogłaszać tylko w imieniu organizacji, które reprezentujesz."
        )
        if PosterKind.ORGANIZATION not in kinds:
            del self.fields["organization"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("poster_kind") == PosterKind.ORGANIZATION and not cleaned.get("organization"):
            self.add_error("organization" if "organization" in self.fields else "poster_kind",
                           _("Wybierz organizację, w której imieniu ogłaszasz."))
        return cleaned


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Szukaj"), required=False, max_length=200)
    czego = forms.ChoiceField(label=_("Czego szukają"), required=False)
    sfera = forms.ChoiceField(label=_("Sfera"), required=False)
    osiedle = forms.ChoiceField(label=_("Osiedle"), required=False)
    partner = forms.ChoiceField(label=_("Rodzaj partnera"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("wszystkie"))]
        self.fields["czego"].choices = everything + list(LookingFor.choices)
        self.fields["sfera"].choices = everything + [
            (s.slug, Truncator(sphere_name(s)).chars(80)) for s in PublicTaskSphere.objects.active()
        ]
        self.fields["osiedle"].choices = everything + list(District.objects.active().values_list("slug", "name"))
        self.fields["partner"].choices = everything + list(PartnerKind.choices)

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"q": data["q"], "looking_for": data["czego"], "sphere": data["sfera"], "district": data["osiedle"],
                "partner_kind": data["partner"]}

    def is_filtered(self) -> bool:
        return any(self.filters().values())


RATE_LIMITED = _("Wysłano stąd zbyt wiele wiadomości w krótkim czasie. Spróbuj ponownie za godzinę.")


class AnswerForm(RefusedOverRateLimit, forms.ModelForm):
    """A message to the poster; a signed-in sender writes from their account's address, without the captcha."""

    sender_name = forms.CharField(
        label=_("Imię i nazwisko lub nazwa"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Podaj imię i nazwisko albo nazwę organizacji.")},
    )
    sender_email = forms.EmailField(
        label=_("Twój adres e-mail"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": _("Podaj adres e-mail, na który przyjdzie odpowiedź."),
                        "invalid": _("Wpisz poprawny adres e-mail, np. jan.kowalski@example.org.")},
    )
    text = forms.CharField(
        label=_("Wiadomość"), max_length=MESSAGE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Wpisz wiadomość.")},
    )
    altcha = CaptchaField(label=_("Weryfikacja antyspamowa"), required=False)

    class Meta:
        model = PartnerAnswer
        fields = ["sender_name", "sender_email", "text"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.is_authenticated:
            del self.fields["sender_email"], self.fields["altcha"]
            self.fields["sender_name"].initial = user.full_name or ""
        else:
            self.fields["sender_email"].help_text = with_privacy_policy_link(
                _("Ogłaszający go nie zobaczy, dopóki nie odpowie Ci przez serwis.")
            )

    def over_limit_message(self) -> str:
        return RATE_LIMITED

    def save(self, commit=True):
        answer = super().save(commit=False)
        if self.user.is_authenticated:
            answer.sender, answer.sender_email = self.user, self.user.email
        return answer


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Odpowiedź"), max_length=MESSAGE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Wpisz treść odpowiedzi.")},
    )


class ModerationForm(forms.Form):
    reason = forms.CharField(
        label=_("Powód zdjęcia ogłoszenia"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Która zasada serwisu została naruszona; ogłaszający otrzyma to w wiadomości."),
        error_messages={"required": _("Podaj powód zdjęcia ogłoszenia – ogłaszający go przeczyta.")},
    )

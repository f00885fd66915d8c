from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from partnerstwo.feedback.models import FeedbackCategory, FeedbackMessage, local_path_or_blank
from partnerstwo.lib.captcha import CaptchaField
from partnerstwo.lib.forms import RefusedOverRateLimit, with_privacy_policy_link

RATE_LIMITED = _(
    "Z Twojego adresu wysłano w ostatnim czasie zbyt wiele wiadomości, więc tej nie przyjęliśmy. "
    "Spróbuj ponownie za godzinę albo napisz do nas na adres %(email)s."
)


class LocalPathField(forms.CharField):
    """The page a message is about; anything that is not a path on this site becomes blank."""

    def clean(self, value):
        return local_path_or_blank(value if isinstance(value, str) else "")


class FeedbackForm(RefusedOverRateLimit, forms.ModelForm):
    category = forms.ModelChoiceField(
        label=_("Kategoria"),
        queryset=FeedbackCategory.objects.filter(is_active=True),
        empty_label=_("– wybierz kategorię –"),
        error_messages={
            "required": _("Wybierz kategorię uwagi."),
            "invalid_choice": _("Wybierz kategorię z listy."),
        },
    )
    message = forms.CharField(
        label=_("Treść uwagi"),
        max_length=FeedbackMessage._meta.get_field("message").max_length,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Wpisz treść uwagi.")},
    )
    email = forms.EmailField(
        label=_("Twój adres e-mail"),
        max_length=254,
        error_messages={
            "required": _("Podaj adres e-mail, na który wyślemy link potwierdzający."),
            "invalid": _("Wpisz poprawny adres e-mail, np. jan.kowalski@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    page = LocalPathField(required=False, widget=forms.HiddenInput)
    altcha = CaptchaField(label=_("Weryfikacja antyspamowa"), required=False)

    class Meta:
        model = FeedbackMessage
        fields = ["category", "message", "email", "page"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = with_privacy_policy_link(
            _("Na ten adres zostanie wysłana prośba o potwierdzenie wpisu.")
        )

    def over_limit_message(self) -> str:
        return RATE_LIMITED % {"email": settings.CITY["centre"]["email"]}


class StatusForm(forms.ModelForm):
    """What staff change on a confirmed message in the panel."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(status.value, status.label) for status in FeedbackMessage.HANDLING_STATUSES],
    )

    class Meta:
        model = FeedbackMessage
        fields = ["status", "staff_note"]
        widgets = {"staff_note": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"staff_note": _("Widoczna tylko dla pracowników, np. komu przekazano sprawę.")}

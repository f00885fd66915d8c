from django import forms
from django.conf import settings
from django.db.models import Q
from django.forms.utils import ErrorDict
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.captcha import CaptchaField
from partnerstwo.organizations.models import Organization

RATE_LIMITED = _(
    "Z Twojego adresu wysłano w ostatnim czasie zbyt wiele zgłoszeń, więc tego nie przyjęliśmy. "
    "Spróbuj ponownie za godzinę albo napisz do nas na adres %(email)s."
)


def clean_text(value: str) -> str:
    """NUL bytes cannot be stored in PostgreSQL text columns; nobody types them on purpose."""
    return value.replace("\x00", "")


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Imię i nazwisko"), max_length=150,
        error_messages={"required": _("Podaj imię i nazwisko."),
                        "max_length": _("Imię i nazwisko może mieć najwyżej %(limit_value)d znaków.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Adres e-mail"), max_length=254,
        help_text=_("Wyślemy na niego potwierdzenie zapisu i link do rezygnacji."),
        error_messages={"required": _("Podaj adres e-mail."),
                        "invalid": _("Wpisz poprawny adres e-mail, np. jan.kowalski@example.org.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organization = forms.CharField(
        label=_("Organizacja (nieobowiązkowo)"), max_length=300, required=False,
        help_text=_("Pełna nazwa organizacji z katalogu organizacji, jeśli zapisujesz się w jej imieniu."),
        error_messages={"max_length": _("Nazwa organizacji może mieć najwyżej %(limit_value)d znaków.")},
    )
    needs = forms.CharField(
        label=_("Twoje potrzeby (nieobowiązkowo)"), max_length=1000, required=False,
        help_text=_("Np. dostęp dla wózka, tłumacz PJM, pętla indukcyjna, dieta."),
        error_messages={"max_length": _("Opis potrzeb może mieć najwyżej %(limit_value)d znaków.")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_("Zgadzam się na przetwarzanie moich danych w celu zapisu na wydarzenie"),
        error_messages={"required": _("Zaznacz zgodę na przetwarzanie danych – bez niej nie możemy Cię zapisać.")},
    )

    altcha = CaptchaField(label=_("Weryfikacja antyspamowa"), required=False)

    def __init__(self, *args, over_limit: bool = False, account=None, **kwargs):
        """`account`: a signed-in person with a confirmed address registers with it, without the captcha."""
        super().__init__(*args, **kwargs)
        self.over_limit = over_limit
        self.account = account
        if account is not None:
            del self.fields["email"]
            del self.fields["altcha"]
            self.fields["name"].initial = account.full_name
        else:
            self.fields["email"].help_text = _(
                "Wyślemy na niego link, którym potwierdzisz zapis; bez potwierdzenia miejsce nie zostanie zajęte."
            )
        self.fields["consent"].help_text = format_html(
            '<a href="{}">{}</a>', reverse("pages:page", args=["polityka-prywatnosci"]),
            _("Informacja o przetwarzaniu danych osobowych"),
        )

    def full_clean(self):
        if self.is_bound and self.over_limit:
            self._errors = ErrorDict(renderer=self.renderer)
            self.cleaned_data = {}
            self.add_error(None, RATE_LIMITED % {"email": settings.CITY["centre"]["email"]})
            return
        super().full_clean()

    def clean_name(self):
        name = clean_text(self.cleaned_data["name"]).strip()
        if not name:
            raise forms.ValidationError(_("Podaj imię i nazwisko."))
        return name

    def clean_needs(self):
        return clean_text(self.cleaned_data["needs"])

    def clean_organization(self):
        text = " ".join(clean_text(self.cleaned_data["organization"]).split())
        if not text:
            return None
        matches = list(
            Organization.objects.public().filter(Q(name__iexact=text) | Q(short_name__iexact=text))[:2]
        )
        if len(matches) != 1:
            raise forms.ValidationError(
                _("Nie znaleźliśmy w katalogu organizacji o nazwie „%(name)s”. Wpisz pełną nazwę z katalogu "
                  "albo zostaw to pole puste."),
                params={"name": text},
            )
        return matches[0]


class AttendanceForm(forms.Form):
    """Who came: one checkbox per confirmed participant, named by the registration's id."""

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = list(registrations)
        for registration in self.registrations:
            self.fields[f"r{registration.pk}"] = forms.BooleanField(
                label=registration.name, required=False, initial=bool(registration.attended),
            )

    def rows(self):
        return [(registration, self[f"r{registration.pk}"]) for registration in self.registrations]

    def attended_ids(self) -> set[int]:
        return {r.pk for r in self.registrations if self.cleaned_data.get(f"r{r.pk}")}


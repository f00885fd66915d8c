"""Forms of small grants (art. 19a): the official's offer, publication and decision, and the public comment."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.grants.offers.registration import OrganizationNotFound, resolve_organization
from partnerstwo.lib import publication
from partnerstwo.lib.captcha import CaptchaField
from partnerstwo.lib.forms import AmountField, RefusedOverRateLimit, add_errors, with_privacy_policy_link
from partnerstwo.lib.publication import PublicationForm
from partnerstwo.lib.uploads import validate_pdf
from partnerstwo.small_grants import procedure
from partnerstwo.small_grants.models import SmallGrantComment, SmallGrantOffer

COMMENT_MAX_LENGTH = 5000
BAD_DATE = _("Podaj datę w postaci RRRR-MM-DD.")
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

RATE_LIMITED = _(
    "Z Twojego adresu wysłano w ostatnim czasie zbyt wiele uwag, więc tej nie przyjęliśmy. "
    "Spróbuj ponownie za godzinę."
)


class SmallGrantOfferForm(forms.ModelForm):
    """An offer received outside a competition, registered by an official (art. 19a ust. 1)."""

    organization = forms.CharField(
        label=_("Organizacja"),
        max_length=300,
        help_text=_("Nazwa organizacji z katalogu albo jej numer KRS (10 cyfr)."),
        error_messages={"required": _("Wpisz nazwę organizacji albo jej numer KRS.")},
    )
    amount = AmountField(
        label=_("Wnioskowana kwota (zł)"),
        max_digits=10,
        decimal_places=2,
        error_messages={
            "required": _("Podaj wnioskowaną kwotę."),
            "invalid": _("Podaj kwotę liczbą, np. 8500,00."),
            "max_digits": _("Podaj kwotę liczbą, np. 8500,00."),
            "max_whole_digits": _("Podaj kwotę liczbą, np. 8500,00."),
            "max_decimal_places": _("Podaj kwotę z dokładnością do grosza."),
        },
    )

    class Meta:
        model = SmallGrantOffer
        fields = [
            "organization", "department", "sphere", "title", "summary", "amount",
            "task_start", "task_end", "received_on", "file",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "task_start": DATE_INPUT,
            "task_end": DATE_INPUT,
            "received_on": DATE_INPUT,
        }
        help_texts = {
            "amount": _("Najwyżej 10 000 zł (art. 19a ust. 1 pkt 1 ustawy)."),
            "task_end": _(
                "Zadanie może trwać najwyżej 90 dni, licząc pierwszy i ostatni dzień (art. 19a ust. 1 pkt 2)."
            ),
            "received_on": _(
                "Od tego dnia liczy się 7 dni roboczych na publikację oferty (art. 19a ust. 3); "
                "dnia wpływu się nie liczy."
            ),
            "file": _("Oferta w formacie PDF, najwyżej 10 MB; zostanie opublikowana razem z ofertą."),
        }
        error_messages = {
            "title": {"required": _("Wpisz tytuł zadania.")},
            "summary": {"required": _("Opisz krótko zadanie.")},
            "task_start": {"required": _("Podaj początek realizacji."), "invalid": BAD_DATE},
            "task_end": {"required": _("Podaj koniec realizacji."), "invalid": BAD_DATE},
            "received_on": {"required": _("Podaj datę wpływu oferty."), "invalid": BAD_DATE},
            "sphere": {"required": _("Wybierz sferę zadań."), "invalid_choice": _("Wybierz sferę z listy.")},
            "department": {"required": _("Wybierz wydział."), "invalid_choice": _("Wybierz wydział z listy.")},
            "file": {"required": _("Dodaj ofertę w formacie PDF.")},
        }

    def __init__(self, *args, user, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.today = today or procedure.local_today()
        self.fields["sphere"].queryset = PublicTaskSphere.objects.filter(is_active=True)
        self.fields["sphere"].empty_label = _("– wybierz sferę –")
        self.fields["file"].required = True
        self.fields["amount"].help_text = format_html(
            "{} {}", self._meta.help_texts["amount"], procedure.cap_help_text()
        )
        if user.is_administrator:
            self.fields["department"].queryset = Department.objects.all()
            self.fields["department"].empty_label = _("– wybierz wydział –")
        else:
            # An official registers offers for their own department only.
            del self.fields["department"]

    def clean_organization(self):
        try:
            return resolve_organization(self.cleaned_data["organization"])
        except OrganizationNotFound as error:
            raise ValidationError(str(error)) from None

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        procedure.check_amount(amount)
        return amount

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        procedure.check_received_on(received_on, today=self.today)
        return received_on

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            validate_pdf(upload)
        return upload

    def clean(self):
        data = super().clean()
        start, end = data.get("task_start"), data.get("task_end")
        if start and end:
            try:
                procedure.check_task_dates(start, end)
            except ValidationError as error:
                add_errors(self, error)
        organization, amount = data.get("organization"), data.get("amount")
        if start and organization and amount is not None and not self.has_error("amount"):
            try:
                year = procedure.budget_year(start)
                procedure.check_caps(organization, amount, year, exclude_pk=self.instance.pk)
            except ValidationError as error:
                add_errors(self, error)
        return data

    def _post_clean(self):
        if not self.user.is_administrator and self.user.department_id:
            self.instance.department_id = self.user.department_id
        super()._post_clean()


class PublishForm(PublicationForm):
    """Art. 19a ust. 3: the days the offer appeared in the three places; the 7 days for comments count from the
    last of them (ust. 4). Each day is checked by procedure.publish's rule."""

    def __init__(self, *args, offer, today=None, **kwargs):
        super().__init__(*args, today=today or procedure.local_today(), required=True, **kwargs)
        self.offer = offer
        last_day = procedure.last_publication_day(offer.received_on)
        self.fields["bip_published_on"].help_text = _(
            "Ostatni dozwolony dzień publikacji (7 dni roboczych od wpływu, art. 19a ust. 3): %(day)s. "
            "7 dni na uwagi (art. 19a ust. 4) liczy się od ostatniej z trzech dat."
        ) % {"day": procedure.format_day(last_day)}

    def clean(self):
        # The dates' own rules (not before receipt, not in the future, within 7 working days) replace the generic ones.
        data = forms.Form.clean(self)
        for name in publication.FIELDS:
            day = data.get(name)
            if day is None:
                continue
            try:
                procedure.check_publication_date(self.offer.received_on, day, today=self.today)
            except ValidationError as error:
                self.add_error(name, error)
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decyzja"),
        widget=forms.RadioSelect,
        choices=[("accept", _("Przyjmuję ofertę – umowa do zawarcia")), ("reject", _("Nie przyjmuję oferty"))],
        error_messages={"required": _("Wybierz decyzję."), "invalid_choice": _("Wybierz jedną z dwóch decyzji.")},
    )
    reason = forms.CharField(
        label=_("Uzasadnienie"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Opublikowane przy ofercie. Napisz, jak rozpatrzono zgłoszone uwagi."),
        error_messages={"required": _("Napisz uzasadnienie decyzji.")},
    )


class CommentForm(RefusedOverRateLimit, forms.ModelForm):
    """A public comment on an offer (art. 19a ust. 4); it counts once its author confirms the address."""

    author_name = forms.CharField(
        label=_("Imię i nazwisko lub nazwa"),
        max_length=200,
        error_messages={"required": _("Podaj imię i nazwisko albo nazwę organizacji.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Adres e-mail"),
        max_length=254,
        error_messages={
            "required": _("Podaj adres e-mail, na który wyślemy link potwierdzający."),
            "invalid": _("Wpisz poprawny adres e-mail, np. jan.kowalski@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    text = forms.CharField(
        label=_("Uwaga do oferty"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Wpisz treść uwagi.")},
    )
    altcha = CaptchaField(label=_("Weryfikacja antyspamowa"), required=False)

    class Meta:
        model = SmallGrantComment
        fields = ["author_name", "email", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = with_privacy_policy_link(
            _("Wyślemy na niego link potwierdzający; adresu nie publikujemy.")
        )

    def over_limit_message(self) -> str:
        return RATE_LIMITED

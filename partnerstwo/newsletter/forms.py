from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.newsletter.models import Topic
from partnerstwo.newsletter.organization_recipients import DEFAULT_TOPICS_HELP
from partnerstwo.newsletter.organization_recipients import consent_label as organization_consent_label
from partnerstwo.newsletter.subscriptions import consent_help, consent_label

# The largest id a database integer holds: larger numbers are refused before they reach SQLite.
MAX_ID = 2**63 - 1


class IdChoiceField(forms.ModelMultipleChoiceField):
    """Checkboxes of rows by id; anything but a plausible id is "not one of the choices", never an error 500."""

    def _check_values(self, value):
        for item in value:
            text = str(item)
            if not (text.isascii() and text.isdigit() and 0 < int(text) <= MAX_ID):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": text[:20]}
                )
        return super()._check_values(value)


# Topics offered at sign-up that nothing sends yet (no alert source and no mailing is about them).
NOT_YET_SENT = (Topic.CONSULTATIONS,)


def topic_choices() -> list[tuple[str, str]]:
    """The topics as the forms show them: honest about those not sent yet (staff see Topic.choices)."""
    return [
        (value, format_lazy("{} {}", label, _("— wysyłka ruszy, gdy ta część serwisu zostanie uruchomiona"))
         if value in NOT_YET_SENT else label)
        for value, label in Topic.choices
    ]


# Fields shown as a group of checkboxes (a fieldset with a legend) rather than one labelled input.
CHECKBOX_GROUPS = ("topics", "spheres", "districts")


class ChoicesForm(forms.Form):
    """Topics, spheres and districts: what a recipient wants to hear about."""

    topics = forms.MultipleChoiceField(
        label=_("Tematy"),
        choices=topic_choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Wybierz co najmniej jeden temat.")},
    )
    spheres = IdChoiceField(
        label=_("Sfery zadań publicznych (nieobowiązkowo)"),
        queryset=PublicTaskSphere.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Bez wyboru: informacje ze wszystkich sfer."),
    )
    districts = IdChoiceField(
        label=_("Osiedla (nieobowiązkowo)"),
        queryset=District.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Bez wyboru: informacje z całego miasta."),
    )

    def groups(self):
        return [self[name] for name in CHECKBOX_GROUPS if name in self.fields]

    def other_fields(self):
        return [field for field in self.visible_fields() if field.name not in CHECKBOX_GROUPS]


class SignupForm(ChoicesForm):
    email = forms.EmailField(
        label=_("Adres e-mail"),
        max_length=254,
        error_messages={"required": _("Wpisz adres e-mail."), "invalid": _("Wpisz poprawny adres e-mail.")},
    )
    consent = forms.BooleanField(
        label="",
        error_messages={"required": _("Bez zgody nie możemy wysyłać wiadomości: zaznacz pole, aby się zapisać.")},
    )

    field_order = ["email", "topics", "spheres", "districts", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The statement is translated when the form is built, in the page's language.
        self.fields["consent"].label = consent_label()
        self.fields["consent"].help_text = consent_help()


class PreferencesForm(ChoicesForm):
    language = forms.ChoiceField(label=_("Język wiadomości"), choices=settings.LANGUAGES)

    field_order = ["topics", "spheres", "districts", "language"]

    def __init__(self, *args, resubscribing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if resubscribing:
            # Leaving withdrew the consent: coming back needs it given again.
            self.fields["consent"] = forms.BooleanField(
                label=consent_label(),
                help_text=consent_help(),
                error_messages={"required": _("Aby zapisać się ponownie, zaznacz zgodę.")},
            )


class OrganizationPreferencesForm(ChoicesForm):
    """A representative's consent for the organisation (the `receive` box) and its topics; unticked: withdrawn."""

    receive = forms.BooleanField(
        label="",
        required=False,
        help_text=_(
            "Bez tej zgody nie wysyłamy organizacji żadnych wiadomości. Możesz ją w każdej chwili wycofać, "
            "odznaczając to pole."
        ),
    )
    language = forms.ChoiceField(label=_("Język wiadomości"), choices=settings.LANGUAGES)

    field_order = ["receive", "topics", "spheres", "districts", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receive"].label = organization_consent_label()
        self.fields["topics"].required = False
        self.fields["topics"].help_text = DEFAULT_TOPICS_HELP
        self.fields["spheres"].help_text = _(
            "Bez wyboru: sfery, które organizacja podała w katalogu (a gdy nie podała żadnej – wszystkie)."
        )

    def clean(self):
        data = super().clean()
        if data.get("receive") and not data.get("topics") and "topics" not in self.errors:
            self.add_error("topics", _("Wybierz co najmniej jeden temat albo odznacz zgodę na wiadomości."))
        return data

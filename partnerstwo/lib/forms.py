"""Form rendering shared by every form of the site (ours and allauth's), and the forms' shared parts."""

from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.forms.utils import ErrorDict
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib import widget_html


class AccessibleBoundField(BoundField):
    """Marks an invalid field for assistive technology and ties it to its error text."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors:
            attrs["aria-invalid"] = "true"
            described = attrs.get("aria-describedby", "")
            error_id = f"{self.auto_id}_error"
            if error_id not in described.split():
                attrs["aria-describedby"] = f"{described} {error_id}".strip()
        return attrs


class FormRenderer(DjangoTemplates):
    """Django's template renderer, with the widgets whose templates are Django's own written out in Python
    (lib/widget_html.py: the same HTML, without two or three template includes per choice of a list)."""

    bound_field_class = AccessibleBoundField

    @cached_property
    def _python_templates(self) -> frozenset[str]:
        """The widget templates that still resolve to Django's own files (none overridden by an app)."""
        djangos = Path(forms.__file__).resolve().parent / "templates"
        own = set()
        for name in widget_html.TEMPLATES:
            origin = Path(self.get_template(name).origin.name).resolve()
            if origin.is_relative_to(djangos):
                own.add(name)
        return frozenset(own)

    def render(self, template_name, context, request=None):
        if template_name in self._python_templates:
            return self._render_in_python(template_name, context).strip()
        return super().render(template_name, context, request=request)

    def _render_in_python(self, template_name, context) -> str:
        """What the template file gives (not stripped: an include keeps the trailing newline)."""
        html = widget_html
        if template_name == html.LABEL:
            return html.label(context)
        widget = context["widget"]
        if template_name == html.INPUT:
            return html.input_(widget)
        if template_name in html.INPUTS:
            return html.input_(widget) + "\n"
        if template_name == html.INPUT_OPTION:
            return html.input_option(widget)
        if template_name in html.OPTIONS:
            return html.input_option(widget) + "\n"
        if template_name == html.SELECT_OPTION:
            return html.select_option(widget)
        if template_name == html.SELECT:
            return html.select(widget, lambda option: self._option(option, context))
        multiple = html.multiple_input(widget, lambda option: self._option(option, context))
        return multiple if template_name == html.MULTIPLE_INPUT else multiple + "\n"

    def _option(self, option, context) -> str:
        """{% include option.template_name with widget=option %}."""
        name = option["template_name"]
        if name in self._python_templates:
            return self._render_in_python(name, {**context, "widget": option})
        return self.get_template(name).render({**context, "widget": option})


class RefusedOverRateLimit:
    """A public form whose sender is over the rate limit: refused before any check, the typed text kept.

    Nothing is validated, so a solved captcha is not used up. Subclasses give the message.
    """

    def __init__(self, *args, over_limit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.over_limit = over_limit

    def over_limit_message(self) -> str:
        raise NotImplementedError

    def full_clean(self):
        if self.is_bound and self.over_limit:
            self._errors = ErrorDict(renderer=self.renderer)
            self.cleaned_data = {}
            self.add_error(None, self.over_limit_message())
            return
        super().full_clean()


def with_privacy_policy_link(text) -> str:
    """A field's help text followed by a link to the privacy policy (RODO art. 13 at the point of collection)."""
    return format_html(
        '{} <a href="{}">{}</a>', text, reverse("pages:page", args=["polityka-prywatnosci"]),
        _("Jak przetwarzamy Twoje dane osobowe"),
    )


def add_errors(form, error: ValidationError) -> None:
    """A refusal from domain code shown on the form: on the field it names when the form has that field,
    otherwise above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class DecisionForm(forms.Form):
    """Approve a request, or reject it with a reason the person who made it reads in an e-mail.

    The labels of the two choices name what is decided ("Opublikuj zmiany", "Zatwierdź zmianę"). A
    rejection without a reason is refused by the domain function that rejects, in its own words, and
    carry_out() puts that refusal on the reason field.
    """

    APPROVE, REJECT = "approve", "reject"
    approve_label, reject_label = _("Zatwierdź"), _("Odrzuć")

    decision = forms.ChoiceField(
        label=_("Decyzja"), widget=forms.RadioSelect, choices=[],
        error_messages={"required": _("Wybierz decyzję.")},
    )
    reason = forms.CharField(
        label=_("Uzasadnienie"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wymagane przy odrzuceniu; zgłaszający otrzyma je w wiadomości e-mail."),
    )

    def __init__(self, *args, approve_label=None, reject_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [
            (self.APPROVE, approve_label or self.approve_label), (self.REJECT, reject_label or self.reject_label),
        ]

    def carry_out(self, *, approve: Callable[[], object], reject: Callable[..., object]) -> str | None:
        """Does what the valid form decided: approve(), or reject(reason=…). Returns the decision, or None
        when the domain function refused (its ValidationError is then on the form)."""
        decision = self.cleaned_data["decision"]
        try:
            if decision == self.APPROVE:
                approve()
            else:
                reject(reason=self.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(self, error)
            return None
        return decision


class AmountInput(forms.TextInput):
    """An amount as Poles write it, grouped and with grosze ("45 000,00"), whether shown from the database or
    prefilled; a phone offers its number keys. What a person typed is shown back as typed."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if value is None or value == "" or isinstance(value, str):
            return super().format_value(value)
        return number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)


class AmountField(forms.DecimalField):
    """An amount in złoty: reads "45 000,00", "45000.00", "45 000 zł" alike (spaces of any kind group the
    thousands, a comma or a dot marks the grosze)."""

    widget = AmountInput

    default_error_messages = {
        "invalid": _("Podaj kwotę liczbą, np. 45 000,00."),
        "max_decimal_places": _("Podaj kwotę z dokładnością do groszy."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs["localize"] = True
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = "".join(value.split())  # str.split() knows the no-break spaces a copied amount carries
            value = value.removesuffix("zł").removesuffix("PLN")
        return super().to_python(value)

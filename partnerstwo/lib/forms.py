"""Form rendering shared by every form of the site (ours and allauth's)."""

from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.forms.utils import ErrorDict
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


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
    bound_field_class = AccessibleBoundField


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

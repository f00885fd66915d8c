"""Form rendering shared by every form of the site (ours and allauth's)."""

from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates


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

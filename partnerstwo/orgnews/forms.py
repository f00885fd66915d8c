from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.events.forms import EventImageField, validate_image
from partnerstwo.organizations.models import Organization
from partnerstwo.organizations.public_data import sphere_name
from partnerstwo.orgnews.models import Post

BODY_MAX_LENGTH = 5_000


class PostForm(forms.ModelForm):
    """A news item as a representative writes it (for an organisation they represent) or the Centre corrects it.

    The photo is checked as an event's is (events/forms.py): by content, size and dimensions, with a required
    description for people who cannot see it."""

    title = forms.CharField(label=_("Tytuł"), max_length=200, error_messages={"required": _("Podaj tytuł.")})
    body = forms.CharField(
        label=_("Treść"), max_length=BODY_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Krótko, co się wydarzyło. Można używać Markdown: **pogrubienie**, listy, [link](https://…)."),
        error_messages={"required": _("Napisz, co się wydarzyło.")},
    )
    image = EventImageField(
        label=_("Zdjęcie"), required=False, help_text=_("JPEG, PNG albo WebP, najwyżej 3 MB."),
        error_messages={"invalid_image": _("Ten plik nie jest obrazem JPEG, PNG ani WebP.")},
    )

    class Meta:
        model = Post
        fields = ["organization", "title", "body", "image", "image_alt", "link"]
        error_messages = {"link": {"invalid": _("Wpisz pełny adres, np. https://example.org/relacja.")}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organization"]
        if self.instance.pk:
            # The organisation of a written item stays as it is.
            del self.fields["organization"]
            return
        field.queryset, field.required, field.empty_label = (
            Organization.objects.represented_by(user).order_by("name"), True, None)
        field.error_messages["required"] = _("Wybierz organizację, o której jest wiadomość.")
        field.error_messages["invalid_choice"] = _("Możesz pisać tylko o organizacjach, które reprezentujesz.")

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and hasattr(image, "image"):  # a new upload (not the stored file)
            validate_image(image)
        return image

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not (cleaned.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Opisz zdjęcie dla osób, które go nie widzą."))
        return cleaned


class FilterForm(forms.Form):
    sfera = forms.ChoiceField(label=_("Sfera"), required=False)
    osiedle = forms.ChoiceField(label=_("Osiedle"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("wszystkie"))]
        self.fields["sfera"].choices = everything + [
            (s.slug, Truncator(sphere_name(s)).chars(80)) for s in PublicTaskSphere.objects.active()
        ]
        self.fields["osiedle"].choices = everything + list(District.objects.active().values_list("slug", "name"))

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {"sphere": self.cleaned_data["sfera"], "district": self.cleaned_data["osiedle"]}

    def is_filtered(self) -> bool:
        return any(self.filters().values())

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.pages.models import ContentPage
from partnerstwo.pages.slugs import polish_slugify

BODY_MAX_LENGTH = 100_000
MARKDOWN_HELP = _(
    "Format Markdown: pusta linia zaczyna nowy akapit; „## Śródtytuł”; „**pogrubienie**”; "
    "„- punkt listy” lub „1. punkt listy”; „[tekst linku](https://adres)”. Kod HTML jest pomijany."
)


def normalise_newlines(text: str) -> str:
    """Browsers send CRLF from a textarea; store LF so an unchanged text compares equal."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class MarkdownFieldsMixin:
    def clean_body(self):
        return normalise_newlines(self.cleaned_data.get("body") or "")


class SlugFromTitleMixin:
    """The slug may be left empty (made from the title) or typed loosely ("Misja i Cele")."""

    def clean_slug(self):
        typed = self.cleaned_data.get("slug") or ""
        slug = polish_slugify(typed) or polish_slugify(self.cleaned_data.get("title") or "")
        if not slug:
            raise forms.ValidationError(_("Podaj adres złożony z liter lub cyfr."), code="required")
        return slug


class ContentPageForm(SlugFromTitleMixin, MarkdownFieldsMixin, forms.ModelForm):
    slug = forms.CharField(
        label=_("Adres"),
        max_length=100,
        required=False,
        help_text=_("Część adresu po ukośniku, np. misja-i-cele. Zostaw puste, aby utworzyć go z tytułu."),
    )
    body = forms.CharField(
        label=_("Treść"),
        required=False,
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=MARKDOWN_HELP,
    )
    note = forms.CharField(
        label=_("Opis zmiany"),
        required=False,
        max_length=300,
        help_text=_("Nieobowiązkowy: co i dlaczego zmieniono. Widać go tylko w historii zmian."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    class Meta:
        model = ContentPage
        fields = ["title", "slug", "body", "is_published"]
        labels = {"title": _("Tytuł"), "is_published": _("Opublikowana (widoczna dla wszystkich)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["is_published"].label_suffix = ""
        if not self.is_bound:
            self.initial["version"] = self.instance.version

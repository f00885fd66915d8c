"""The editing form shared by content pages and news: title, address, Markdown body, published."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.editorial.slugs import polish_slugify

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


class EditorialForm(SlugFromTitleMixin, MarkdownFieldsMixin, forms.ModelForm):
    """Subclasses name the model and fields in Meta, and say where the address goes and how tall the body is."""

    slug_help_text = ""
    body_rows = 18

    slug = forms.CharField(label=_("Adres"), max_length=100, required=False)
    body = forms.CharField(
        label=_("Treść"),
        required=False,
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea,
        help_text=MARKDOWN_HELP,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].help_text = self.slug_help_text
        self.fields["body"].widget.attrs["rows"] = self.body_rows
        self.fields["is_published"].label_suffix = ""

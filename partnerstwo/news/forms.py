from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.news.models import NewsItem
from partnerstwo.pages.forms import (
    BODY_MAX_LENGTH,
    MARKDOWN_HELP,
    MarkdownFieldsMixin,
    SlugFromTitleMixin,
    normalise_newlines,
)


class NewsItemForm(SlugFromTitleMixin, MarkdownFieldsMixin, forms.ModelForm):
    slug = forms.CharField(
        label=_("Adres"),
        max_length=100,
        required=False,
        help_text=_("Część adresu po /aktualnosci/. Zostaw puste, aby utworzyć go z tytułu."),
    )
    body = forms.CharField(
        label=_("Treść"),
        required=False,
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=MARKDOWN_HELP,
    )
    published_at = forms.DateTimeField(
        label=_("Data publikacji"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Aktualność pojawi się publicznie od tej chwili (jeśli jest opublikowana)."),
        error_messages={"invalid": _("Podaj datę i godzinę, np. 2026-11-28 09:30.")},
    )

    class Meta:
        model = NewsItem
        fields = ["title", "slug", "lead", "body", "published_at", "is_published"]
        labels = {
            "title": _("Tytuł"),
            "lead": _("Zajawka"),
            "is_published": _("Opublikowana"),
        }
        widgets = {"lead": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["is_published"].label_suffix = ""

    def clean_lead(self):
        return normalise_newlines(self.cleaned_data.get("lead") or "")

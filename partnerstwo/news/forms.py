from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.editorial.forms import EditorialForm, normalise_newlines
from partnerstwo.news.models import NewsItem


class NewsItemForm(EditorialForm):
    slug_help_text = _("Część adresu po /aktualnosci/. Zostaw puste, aby utworzyć go z tytułu.")

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

    def clean_lead(self):
        return normalise_newlines(self.cleaned_data.get("lead") or "")

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.editorial.forms import EditorialForm
from partnerstwo.pages.models import ContentPage


class ContentPageForm(EditorialForm):
    slug_help_text = _("Część adresu po ukośniku, np. misja-i-cele. Zostaw puste, aby utworzyć go z tytułu.")
    body_rows = 24

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
        if not self.is_bound:
            self.initial["version"] = self.instance.version

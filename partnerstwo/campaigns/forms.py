"""The campaigns' forms: the 1.5% campaign's filters (the directory's own form, narrowed), the annual-report
list's choice, and the panel's sort order."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from partnerstwo.organizations.forms import DirectoryForm


class CampaignForm(DirectoryForm):
    """The directory's search, sphere and district, with the directory's validation, folding and URLs."""

    KEPT = ("q", "sfera", "osiedle")

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        for name in list(self.fields):
            if name not in self.KEPT:
                del self.fields[name]
        self.fields["q"].help_text = _("Nazwa, numer KRS lub słowa z celu szczegółowego.")


class ReportListForm(forms.Form):
    """Which organisations the annual-report page lists: those that published last year's report or not."""

    PUBLISHED, MISSING = "opublikowane", "brak"
    pokaz = forms.ChoiceField(
        label=_("Pokaż organizacje"), required=False,
        choices=[(MISSING, _("bez sprawozdania")), (PUBLISHED, _("ze sprawozdaniem"))],
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else QueryDict(), **kwargs)

    @property
    def shows_published(self) -> bool:
        return self.is_valid() and self.cleaned_data.get("pokaz") == self.PUBLISHED


class CardViewsSortForm(forms.Form):
    """The panel's order of the organisations: by views (most first) or by name."""

    ORDERINGS = {
        "wyswietlenia": ("-card_views", "name", "pk"),
        "nazwa": ("name", "pk"),
    }
    sortuj = forms.ChoiceField(
        label=_("Kolejność"), required=False,
        choices=[("wyswietlenia", _("najwięcej wyświetleń")), ("nazwa", _("nazwa A–Z"))],
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else QueryDict(), **kwargs)

    def ordering(self) -> tuple[str, ...]:
        key = self.cleaned_data.get("sortuj") if self.is_valid() else ""
        return self.ORDERINGS.get(key or "wyswietlenia")

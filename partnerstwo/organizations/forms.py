"""The directory's search and filter form, shared by the list, the map, the exports and the API."""

from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.organizations.models import LegalForm, Organization, TargetGroup
from partnerstwo.organizations.public_data import sphere_name

# URL value -> OrganizationQuerySet.ORDERINGS key; the URL speaks Polish.
SORTS = {"nazwa": "name", "nazwa-malejaco": "name_desc", "aktualizacja": "updated"}

FIRST_REPORT_YEAR = 2000


def team_group_choices() -> list[tuple[str, str]]:
    """The advisory body's sector groups and working teams that have organisations, as (slug, name), in one
    query through the reverse relation its group members leave on Organization (team_groups): the team sits
    above the directory, which imports nothing of it. A group without organisations would filter to nothing."""
    rows = (
        Organization.objects.filter(team_groups__isnull=False)
        .values_list("team_groups__group__slug", "team_groups__group__name")
        .order_by("team_groups__group__name", "team_groups__group__slug").distinct()
    )
    return list(rows)


class DirectoryForm(forms.Form):
    """Reads GET parameters; a value that does not validate is reported and left out of the filter.

    Building the form costs four queries (the spheres, districts, target groups and the advisory body's groups
    offered), whatever the number of organisations.
    """

    q = forms.CharField(
        label=_("Szukaj"), max_length=200, required=False,
        help_text=_("Nazwa, numer KRS, osiedle lub słowa z opisu; wielkość liter i polskie znaki nie mają znaczenia."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    sfera = forms.ChoiceField(label=_("Sfera zadań publicznych"), required=False)
    osiedle = forms.ChoiceField(label=_("Osiedle"), required=False)
    forma = forms.ChoiceField(
        label=_("Forma prawna"), required=False, choices=[("", _("wszystkie formy"))] + LegalForm.choices
    )
    grupa = forms.ChoiceField(label=_("Dla kogo działa"), required=False)
    branza = forms.ChoiceField(label=_("Grupa branżowa lub zespół roboczy"), required=False)
    opp = forms.BooleanField(label=_("tylko organizacje pożytku publicznego (OPP)"), required=False)
    wolontariat = forms.BooleanField(label=_("tylko szukające wolontariuszy"), required=False)
    raport = forms.IntegerField(
        label=_("Opublikowała sprawozdanie za rok"), required=False, min_value=FIRST_REPORT_YEAR,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    sortuj = forms.ChoiceField(
        label=_("Kolejność"), required=False,
        choices=[
            ("nazwa", _("nazwa A–Z")),
            ("nazwa-malejaco", _("nazwa Z–A")),
            ("aktualizacja", _("ostatnio zaktualizowane")),
        ],
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else QueryDict(), **kwargs)
        fields = self.fields
        # The statutory names run to 200 characters; the start says which sphere it is (the profile
        # and the exports carry the full name) and keeps the page within its weight budget.
        fields["sfera"].choices = [("", _("wszystkie sfery"))] + [
            (s.slug, Truncator(f"{s.point_label}. {sphere_name(s)}" if s.point_label else sphere_name(s)).chars(80))
            for s in PublicTaskSphere.objects.active()
        ]
        fields["osiedle"].choices = [("", _("wszystkie osiedla"))] + list(
            District.objects.active().values_list("slug", "name")
        )
        fields["grupa"].choices = [("", _("wszystkie grupy"))] + list(TargetGroup.objects.values_list("slug", "name"))
        fields["branza"].choices = [("", _("wszystkie grupy i zespoły"))] + team_group_choices()
        fields["raport"].widget.attrs["max"] = timezone.now().year + 1  # clean_raport checks it too

    def clean_raport(self):
        year = self.cleaned_data.get("raport")
        if year is not None and year > timezone.now().year + 1:
            raise forms.ValidationError(_("Podaj rok nie późniejszy niż %(year)s.") % {"year": timezone.now().year + 1})
        return year

    @property
    def valid_data(self) -> dict:
        """The values that validated; an invalid field counts as not filled in."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}

    def criteria(self) -> dict:
        """Keyword arguments for OrganizationQuerySet.matching()."""
        data = self.valid_data
        return {
            "q": data.get("q") or "",
            "sphere": data.get("sfera") or "",
            "district": data.get("osiedle") or "",
            "legal_form": data.get("forma") or "",
            "target_group": data.get("grupa") or "",
            "opp": bool(data.get("opp")),
            "volunteers": bool(data.get("wolontariat")),
            "report_year": data.get("raport"),
            "team_group": data.get("branza") or "",
        }

    def ordering(self) -> str:
        return SORTS.get(self.valid_data.get("sortuj") or "nazwa", "name")

    def filter(self, queryset):
        criteria = self.criteria()
        return queryset.matching(**criteria).sorted_by(self.ordering(), searching=bool(criteria["q"]))

    def query(self) -> QueryDict:
        """The filled-in, valid parameters only: the short URL to share, keep in links and exports."""
        query = QueryDict(mutable=True)
        for name, value in self.valid_data.items():
            if value in (None, "", False):
                continue
            if name == "sortuj" and value == "nazwa":
                continue
            query[name] = "1" if value is True else str(value)
        return query

    @property
    def is_filtered(self) -> bool:
        return bool(self.query().keys() - {"sortuj"})


class OppSearchForm(forms.Form):
    """The 1.5% list's search: the same folding as the directory."""

    q = forms.CharField(
        label=_("Szukaj organizacji"), max_length=200, required=False,
        help_text=_("Nazwa, numer KRS lub słowa z celu szczegółowego."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else QueryDict(), **kwargs)

    def filter(self, queryset):
        q = self.cleaned_data.get("q", "") if self.is_valid() else ""
        return queryset.search(q).order_by("name", "pk")

    def query(self) -> QueryDict:
        query = QueryDict(mutable=True)
        if self.is_valid() and self.cleaned_data["q"]:
            query["q"] = self.cleaned_data["q"]
        return query

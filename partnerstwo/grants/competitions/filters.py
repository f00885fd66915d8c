"""The filters of the public pages: the list of competitions (?sfera=&wydzial=&rok=&stan=&q=) and the year
of the results page and of the results exports (?rok=).

As in the calendar's filters, a value that does not validate is reported next to its field and left
out of the filter, so any URL gives a page. Building the form costs three queries (spheres,
departments, years), whatever the number of competitions.
"""

from django import forms
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.lib.text import search_terms
from partnerstwo.organizations.public_data import sphere_name

FILTER_FIELDS = ["q", "sfera", "wydzial", "rok", "stan"]
PUBLIC_STATUSES = [(value, label) for value, label in Competition.Status.choices if value != Competition.Status.PLANNED]


class CompetitionFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Szukaj"), max_length=200, required=False,
        help_text=_("Słowa z tytułu, znaku sprawy lub rodzaju zadania; polskie znaki nie mają znaczenia."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    sfera = forms.ChoiceField(label=_("Sfera zadań publicznych"), required=False)
    wydzial = forms.ChoiceField(label=_("Wydział"), required=False)
    rok = forms.ChoiceField(label=_("Rok"), required=False)
    stan = forms.ChoiceField(label=_("Stan"), required=False, choices=[("", _("wszystkie"))] + PUBLIC_STATUSES)

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else QueryDict(), **kwargs)
        self.fields["sfera"].choices = [("", _("wszystkie sfery"))] + [
            (s.slug, Truncator(f"{s.point_label}. {sphere_name(s)}" if s.point_label else sphere_name(s)).chars(80))
            for s in PublicTaskSphere.objects.active()
        ]
        self.fields["wydzial"].choices = [("", _("wszystkie wydziały"))] + [
            (str(pk), name) for pk, name in Department.objects.order_by("name").values_list("pk", "name")
        ]
        years = Competition.objects.public().order_by("-year").values_list("year", flat=True).distinct()
        self.fields["rok"].choices = [("", _("wszystkie lata"))] + [(str(year), str(year)) for year in years]

    @property
    def valid_data(self) -> dict:
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}

    def query(self) -> QueryDict:
        """The valid, filled-in filters: kept in the pagination links."""
        query = QueryDict(mutable=True)
        for name in FILTER_FIELDS:
            value = self.valid_data.get(name)
            if value:
                query[name] = value
        return query

    @property
    def is_filtered(self) -> bool:
        return bool(self.query())

    def filter(self, competitions: QuerySet) -> QuerySet:
        values = self.valid_data
        condition = Q()
        if values.get("sfera"):
            condition &= Q(sphere__slug=values["sfera"])
        if values.get("wydzial"):
            condition &= Q(department_id=int(values["wydzial"]))
        if values.get("rok"):
            condition &= Q(year=int(values["rok"]))
        if values.get("stan"):
            condition &= Q(status=values["stan"])
        for term in search_terms(values.get("q") or ""):
            condition &= Q(search_text__contains=term)
        return competitions.filter(condition)


FIRST_YEAR, LAST_YEAR = 2000, 2100


class ResultsYearForm(forms.Form):
    """On the results page: one of the years that have published results."""

    rok = forms.TypedChoiceField(label=_("Rok"), coerce=int, required=False, choices=())

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rok"].choices = [(year, str(year)) for year in years]
        self.fields["rok"].error_messages["invalid_choice"] = _("Wybierz rok, w którym ogłoszono wyniki konkursów.")


class ExportYearForm(forms.Form):
    """In an export: any year, or none for every year."""

    rok = forms.IntegerField(label=_("Rok"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR)

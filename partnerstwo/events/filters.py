"""The calendar's filters: one GET form shared by the month, week and list views and the feeds.

The parameters speak Polish (?rodzaj=training&osiedle=...&organizator=<slug>), and a value that does
not validate is reported next to its field and left out of the filter, so any URL gives a page.
"""

import datetime as dt

from django import forms
from django.db.models import Q
from django.http import QueryDict
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.events.models import EventKind, OrganizerKind
from partnerstwo.lib.text import search_terms
from partnerstwo.organizations.models import Organization
from partnerstwo.organizations.public_data import sphere_name

# ?organizator= takes an organisation's slug, or one of these words for the city's own organisers.
ORGANIZER_WORDS = {
    "centrum": OrganizerKind.CENTRE,
    "zespol": OrganizerKind.ADVISORY_BODY,
    "urzad": OrganizerKind.CITY,
}

VIEWS = {"miesiac": "month", "tydzien": "week", "lista": "list"}

# The filter parameters (not the view or the date), in the order the URL keeps them.
FILTER_FIELDS = ["q", "rodzaj", "sfera", "osiedle", "organizator", "bezplatne", "online", "dostepne"]


class CalendarFilterForm(forms.Form):
    """Building the form costs two queries (spheres and districts), three with an organisation chosen."""

    q = forms.CharField(
        label=_("Szukaj"), max_length=200, required=False,
        help_text=_("Słowa z tytułu lub nazwy miejsca."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    rodzaj = forms.ChoiceField(
        label=_("Rodzaj"), required=False, choices=[("", _("wszystkie rodzaje"))] + EventKind.choices
    )
    sfera = forms.ChoiceField(label=_("Sfera zadań publicznych"), required=False)
    osiedle = forms.ChoiceField(label=_("Osiedle"), required=False)
    organizator = forms.SlugField(label=_("Organizator"), max_length=120, required=False, widget=forms.HiddenInput)
    bezplatne = forms.BooleanField(label=_("tylko bezpłatne"), required=False)
    online = forms.BooleanField(label=_("tylko online"), required=False)
    dostepne = forms.BooleanField(label=_("tylko dostępne bez barier architektonicznych"), required=False)
    widok = forms.ChoiceField(
        label=_("Widok"), required=False,
        choices=[("miesiac", _("miesiąc")), ("tydzien", _("tydzień")), ("lista", _("lista"))],
        widget=forms.HiddenInput,
    )
    data = forms.DateField(label=_("Data"), required=False, input_formats=["%Y-%m-%d"], widget=forms.HiddenInput)

    def __init__(self, data=None, *, fixed_kind: str = "", **kwargs):
        super().__init__(data if data is not None else QueryDict(), **kwargs)
        self.fixed_kind = fixed_kind
        if fixed_kind:
            del self.fields["rodzaj"]
        self.fields["sfera"].choices = [("", _("wszystkie sfery"))] + [
            (s.slug, Truncator(f"{s.point_label}. {sphere_name(s)}" if s.point_label else sphere_name(s)).chars(80))
            for s in PublicTaskSphere.objects.active()
        ]
        self.fields["osiedle"].choices = [("", _("wszystkie osiedla"))] + list(
            District.objects.active().values_list("slug", "name")
        )
        self._organizer = None

    @property
    def valid_data(self) -> dict:
        """The values that validated; an invalid field counts as not filled in."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}

    def clean_data(self):
        day = self.cleaned_data.get("data")
        if day and not (dt.date(1900, 1, 1) <= day <= dt.date(2999, 12, 31)):
            raise forms.ValidationError(_("Podaj datę między 1900 a 2999 rokiem."))
        return day

    def clean_organizator(self):
        slug = self.cleaned_data.get("organizator")
        if not slug or slug in ORGANIZER_WORDS:
            return slug
        self._organizer = Organization.objects.public().filter(slug=slug).only("pk", "name", "slug").first()
        if self._organizer is None:
            raise forms.ValidationError(_("Nie ma takiej organizacji w katalogu."))
        return slug

    @property
    def view(self) -> str:
        return VIEWS.get(self.valid_data.get("widok") or "", "month")

    @property
    def day(self) -> dt.date | None:
        return self.valid_data.get("data")

    def organizer_label(self) -> str:
        """The chosen organiser's name, for the "you are filtering by" line."""
        slug = self.valid_data.get("organizator")
        if not slug:
            return ""
        if slug in ORGANIZER_WORDS:
            return str(ORGANIZER_WORDS[slug].label)
        return self._organizer.name if self._organizer else ""

    def filter_query(self) -> QueryDict:
        """The filters that validated, as a query string to carry into links (without view and date)."""
        values = self.valid_data
        query = QueryDict(mutable=True)
        for name in FILTER_FIELDS:
            value = values.get(name)
            if value is True:
                query[name] = "1"
            elif value:
                query[name] = value
        return query

    def occurrence_conditions(self) -> Q:
        """The filters as conditions on Occurrence (through its event)."""
        return _prefixed(self.event_conditions(), "event__")

    def event_conditions(self) -> Q:
        """The filters as conditions on Event."""
        values = self.valid_data
        condition = Q()
        kind = self.fixed_kind or values.get("rodzaj")
        if kind:
            condition &= Q(kind=kind)
        if values.get("sfera"):
            condition &= Q(spheres__slug=values["sfera"])
        if values.get("osiedle"):
            condition &= Q(district__slug=values["osiedle"])
        organizer = values.get("organizator")
        if organizer in ORGANIZER_WORDS:
            condition &= Q(organizer_kind=ORGANIZER_WORDS[organizer])
        elif organizer:
            condition &= Q(organization__slug=organizer)
        if values.get("bezplatne"):
            condition &= Q(is_free=True)
        if values.get("online"):
            condition &= ~Q(online_url="")
        if values.get("dostepne"):
            condition &= Q(step_free_access=True)
        for term in search_terms(values.get("q") or ""):
            condition &= Q(search_text__contains=term)
        return condition


def _prefixed(condition: Q, prefix: str) -> Q:
    """Q(kind=...) -> Q(event__kind=...), recursively."""
    copy = Q()
    copy.connector, copy.negated = condition.connector, condition.negated
    copy.children = [
        _prefixed(child, prefix) if isinstance(child, Q) else (prefix + child[0], child[1])
        for child in condition.children
    ]
    return copy

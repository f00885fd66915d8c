"""Publication in the three places the public-benefit act names (docs/law.md#art-13-three-places).

A competition's announcement (art. 13 ust. 3), its results (art. 15 ust. 2h), its cancellation (art. 18a)
and a small-grant offer (art. 19a ust. 3) all appear in the Biuletyn Informacji Publicznej, on the office's
notice board and on its website. One abstract model holds the three dates for every one of them, one
form builds their fields and checks them, and one template include (includes/publication_places.html)
shows them, so the rule is written once.
"""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

FIELDS = ("bip_published_on", "notice_board_published_on", "website_published_on")
PLACE_LABELS = {
    "bip_published_on": gettext_lazy("w Biuletynie Informacji Publicznej"),
    "notice_board_published_on": gettext_lazy("na tablicy ogłoszeń urzędu"),
    "website_published_on": gettext_lazy("na stronie internetowej urzędu"),
}


class PublishedInThreePlaces(models.Model):
    """The day something appeared in each of the three places; empty until it has."""

    bip_published_on = models.DateField(gettext_lazy("ogłoszono w BIP"), null=True, blank=True)
    notice_board_published_on = models.DateField(gettext_lazy("ogłoszono na tablicy ogłoszeń"), null=True, blank=True)
    website_published_on = models.DateField(gettext_lazy("ogłoszono na stronie internetowej"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def publication_dates(self) -> dict:
        return {name: getattr(self, name) for name in FIELDS}

    @property
    def last_published_on(self) -> dt.date | None:
        """The day the last of the three publications appeared: periods counted from the publication start here."""
        dates = self.publication_dates.values()
        return max(dates) if all(dates) else None

    @property
    def is_published_everywhere(self) -> bool:
        return all(self.publication_dates.values())

    @property
    def publication_places(self) -> list[tuple[str, dt.date | None]]:
        """(where, when) for each place, in the order the act names them: what the pages show."""
        return [(PLACE_LABELS[name], getattr(self, name)) for name in FIELDS]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _day(day: dt.date) -> str:
    return formats.date_format(day, "j E Y")


def date_problems(dates: dict, *, not_before: dt.date | None, today: dt.date, not_before_label: str = "") -> dict:
    """{field: message} for dates before the event they publish or in the future (a record of what happened)."""
    problems = {}
    for name, day in dates.items():
        if day is None:
            continue
        if not_before and day < not_before:
            problems[name] = _("Data nie może być wcześniejsza niż %(event)s (%(day)s).") % {
                "event": not_before_label, "day": _day(not_before),
            }
        elif day > today:
            problems[name] = _("Podaj dzień, w którym publikacja już się ukazała (najpóźniej dzisiaj).")
    return problems


class PublicationForm(forms.Form):
    """The three dates. Required ones must all be given; otherwise at least one (the others follow later)."""

    def __init__(self, *args, not_before: dt.date | None = None, not_before_label: str = "", today: dt.date,
                 required: bool = False, initial_record: PublishedInThreePlaces | None = None, **kwargs):
        if initial_record is not None:
            kwargs.setdefault("initial", initial_record.publication_dates)
        super().__init__(*args, **kwargs)
        self.not_before, self.not_before_label, self.today, self.required = (
            not_before, not_before_label, today, required,
        )
        for name in FIELDS:
            self.fields[name] = PublishedInThreePlaces._meta.get_field(name).formfield(
                widget=DateInput, required=required,
                error_messages={
                    "required": _("Podaj datę publikacji w tym miejscu."),
                    "invalid": _("Podaj datę w postaci RRRR-MM-DD."),
                },
            )

    def clean(self):
        data = super().clean()
        dates = {name: data.get(name) for name in FIELDS if name in data}
        if not self.required and not self.errors and not any(dates.values()):
            raise ValidationError(_("Podaj datę publikacji w co najmniej jednym z trzech miejsc."))
        problems = date_problems(dates, not_before=self.not_before, today=self.today,
                                 not_before_label=self.not_before_label)
        for name, message in problems.items():
            self.add_error(name, message)
        return data

    def dates(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in FIELDS}

"""The programme's calendar of duties, from the law and the city's practice, with whether each was met.

For a programme of year Y (or years Y…Z, art. 5a ust. 2):
- the draft's consultation with NGOs, in the autumn before Y: the Act sets no date for it (art. 5a ust. 1 only says
  the programme is adopted after consultations), so the day is the city's: settings.PROGRAMME_CONSULTATION_BY
  (month, day) of Y-1; done on the consultation's first day once it is announced;
- the adoption by the council by 30 November of Y-1 (art. 5a ust. 1); done on the resolution's date;
- the report on each year of the programme by 31 May of the year after (art. 5a ust. 3); done on the day the report
  was published (yearly_report.report_published_on: in BIP, else on the site).

A duty is met when done by its day, missed when done late or not done after its day, and pending before its day.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from partnerstwo.programme.models import Programme
from partnerstwo.programme.yearly_report import report_published_on

CONSULTATION, ADOPTION, REPORT = "consultation", "adoption", "report"
TITLES = {
    CONSULTATION: _("Konsultacje projektu programu z organizacjami"),
    ADOPTION: _("Przyjęcie programu uchwałą Rady Miasta"),
    REPORT: _("Sprawozdanie z realizacji programu"),
}
BASES = {
    CONSULTATION: _("art. 5a ust. 1 ustawy; termin ustalony przez miasto"),
    ADOPTION: _("art. 5a ust. 1 ustawy: do 30 listopada roku poprzedzającego"),
    REPORT: _("art. 5a ust. 3 ustawy: do 31 maja roku następnego"),
}


@dataclass(frozen=True)
class Duty:
    key: str
    # The year of the programme the duty is about (the report's year; for the others the programme's first).
    year: int
    due_on: dt.date
    done_on: dt.date | None

    @property
    def title(self) -> Promise:
        return TITLES[self.key]

    @property
    def basis(self) -> Promise:
        return BASES[self.key]

    def met(self, today: dt.date) -> bool | None:
        """True when done by its day, False when done late or overdue, None while it may still be met."""
        if self.done_on is not None:
            return self.done_on <= self.due_on
        return False if today > self.due_on else None

    def is_open(self) -> bool:
        return self.done_on is None


def consultation_due(year: int) -> dt.date:
    month, day = settings.PROGRAMME_CONSULTATION_BY
    return dt.date(year - 1, month, day)


def duties_of(programme: Programme) -> list[Duty]:
    """The programme's duties in date order (reads programme.consultation: select_related it for many)."""
    consultation = programme.consultation if programme.consultation_id else None
    consulted_on = consultation.starts_on if consultation is not None and consultation.is_announced else None
    consulted_on = consulted_on or programme.consulted_on
    duties = [
        Duty(CONSULTATION, programme.year_from, consultation_due(programme.year_from), consulted_on),
        Duty(ADOPTION, programme.year_from, dt.date(programme.year_from - 1, 11, 30),
             programme.resolution_date if programme.is_adopted else None),
    ]
    duties += [Duty(REPORT, year, dt.date(year + 1, 5, 31), report_published_on(programme, year))
               for year in programme.years]
    return duties


@dataclass(frozen=True)
class Upcoming:
    programme: Programme
    duty: Duty


def upcoming(programmes, today: dt.date | None = None, *, days_ahead: int | None = None) -> list[Upcoming]:
    """Open duties due within `days_ahead` (settings.PROGRAMME_REMINDER_DAYS) or overdue, of these programmes,
    the soonest first. A report's duty counts only once its year has begun."""
    today = today or timezone.localdate()
    days_ahead = settings.PROGRAMME_REMINDER_DAYS if days_ahead is None else days_ahead
    horizon = today + dt.timedelta(days=days_ahead)
    found = []
    for programme in programmes:
        for duty in duties_of(programme):
            if duty.is_open() and duty.due_on <= horizon and not (duty.key == REPORT and duty.year > today.year):
                found.append(Upcoming(programme, duty))
    return sorted(found, key=lambda item: (item.duty.due_on, item.programme.pk))


def candidates():
    """Programmes that may still have open duties: their last report is due in this year or later."""
    today = timezone.localdate()
    return Programme.objects.filter(year_to__gte=today.year - 1).select_related("consultation", "department")

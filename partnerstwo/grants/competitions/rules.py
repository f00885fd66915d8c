"""The legal rules of an open competition for offers: art. 13 (announcement), art. 18 (report).

Only rules docs/law.md records are here (#open-competitions). Whether a period that ends on a Saturday
or a public holiday moves to the next working day (Kodeks cywilny art. 115) is marked [unverified] there, so it is the
setting GRANTS_DEADLINES_SKIP_HOLIDAYS (default: it moves, the civil-law rule) — see holiday_rule_help().
"""

import datetime as dt

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerstwo.lib import publication, workdays

# Art. 13 ust. 1: not shorter than 21 days from the day the last of the three announcements appeared.
OFFER_PERIOD_DAYS = 21
# Art. 18: the report on the task is due within 30 days of the end of the task.
REPORT_DAYS = 30
DEFAULT_DEADLINES_SKIP_HOLIDAYS = True



def deadlines_skip_holidays() -> bool:
    """[unverified] rule: docs/law.md and the README's settings table tell the administrators to confirm it."""
    return bool(getattr(settings, "GRANTS_DEADLINES_SKIP_HOLIDAYS", DEFAULT_DEADLINES_SKIP_HOLIDAYS))


def holiday_rule_help() -> str:
    """The rule as the city applies it, in words for the official; what remains to confirm is the
    administrators' business (docs/law.md), not the form's."""
    if deadlines_skip_holidays():
        return _(
            "Gdy koniec terminu wypada w sobotę, niedzielę lub święto, przesuwamy go na następny dzień roboczy "
            "(art. 115 Kodeksu cywilnego)."
        )
    return _("Terminy liczymy w dniach kalendarzowych, także gdy kończą się w sobotę, niedzielę lub święto.")


def period_end(day: dt.date) -> dt.date:
    if not deadlines_skip_holidays():
        return day
    while not workdays.is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def _date(day: dt.date) -> str:
    return formats.date_format(day, "j E Y")


def local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


# --- Art. 13 ust. 1 --------------------------------------------------------------------------


def earliest_offer_deadline(last_announcement_on: dt.date) -> dt.date:
    """The last day of the 21-day period: the day of the last announcement is not counted."""
    return period_end(last_announcement_on + dt.timedelta(days=OFFER_PERIOD_DAYS))


# A period ends at the end of its last day (docs/law.md#art-13-1-offer-period). The deadline is typed to the
# minute, so the last minute of that day, 23:59 Warsaw time, is the earliest deadline the form can name.
END_OF_DAY = dt.time(23, 59)


def earliest_offer_deadline_at(last_announcement_on: dt.date) -> dt.datetime:
    """The earliest offer deadline: 23:59 (Europe/Warsaw, whatever the DST) on the period's last day."""
    day = earliest_offer_deadline(last_announcement_on)
    return timezone.make_aware(dt.datetime.combine(day, END_OF_DAY), timezone.get_default_timezone())


def offer_period_problem(last_announcement_on: dt.date, offer_deadline: dt.datetime) -> str:
    """The art. 13 ust. 1 message when the offer period is too short, or "" when it is long enough."""
    earliest = earliest_offer_deadline_at(last_announcement_on)
    if offer_deadline >= earliest:
        return ""
    return _(
        "Termin składania ofert nie może być krótszy niż %(days)s dni od dnia ukazania się ostatniego "
        "z trzech ogłoszeń (art. 13 ust. 1 ustawy o działalności pożytku publicznego i o wolontariacie); "
        "termin kończy się z upływem ostatniego dnia. Ostatnie ogłoszenie: %(last)s, więc najwcześniejszy "
        "dopuszczalny termin to %(earliest)s, godz. %(time)s."
    ) % {
        "days": OFFER_PERIOD_DAYS, "last": _date(last_announcement_on), "earliest": _date(earliest.date()),
        "time": END_OF_DAY.strftime("%H:%M"),
    }


def decision_date_problem(offer_deadline: dt.datetime, decision_date: dt.date) -> str:
    """Art. 13 ust. 2 pkt 6: the offers are chosen after they have been submitted."""
    if decision_date > local_date(offer_deadline):
        return ""
    return _("Termin wyboru ofert musi przypadać po terminie składania ofert (art. 13 ust. 2 pkt 6).")


# --- Art. 13 ust. 2 and 3: what an announcement must hold ------------------------------------

PUBLICATION_FIELDS = publication.FIELDS


def announcement_problems(competition) -> list[str]:
    """Everything art. 13 requires that the competition still lacks; empty when it may be announced.

    Reads the competition's criteria and prior funding rows (two queries).
    """
    problems = []
    required_items = [
        ("task_type", _("rodzaj zadania (art. 13 ust. 2 pkt 1)")),
        ("public_funds", _("wysokość środków publicznych (art. 13 ust. 2 pkt 2)")),
        ("award_rules", _("zasady przyznawania dotacji (art. 13 ust. 2 pkt 3)")),
        ("implementation_terms", _("terminy i warunki realizacji zadania (art. 13 ust. 2 pkt 4)")),
        ("offer_deadline", _("termin składania ofert (art. 13 ust. 2 pkt 5)")),
        ("procedure_and_criteria", _("tryb i kryteria wyboru ofert (art. 13 ust. 2 pkt 6)")),
        ("decision_date", _("termin wyboru ofert (art. 13 ust. 2 pkt 6)")),
        ("eligibility", _("kto może złożyć ofertę")),
        ("submission_info", _("gdzie i jak złożyć ofertę")),
    ]
    for field, label in required_items:
        value = getattr(competition, field)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(_("Brakuje: %(item)s.") % {"item": label})
    if not competition.criteria.exists():
        problems.append(_("Dodaj kryteria oceny ofert (art. 13 ust. 2 pkt 6)."))
    has_prior_rows = competition.prior_funding.exists()
    if not has_prior_rows and not competition.no_prior_tasks:
        problems.append(_(
            "Podaj zadania tego samego rodzaju zrealizowane w roku ogłoszenia i w roku poprzednim wraz z kosztami "
            "albo zaznacz, że takich zadań nie było (art. 13 ust. 2 pkt 7)."
        ))
    if has_prior_rows and competition.no_prior_tasks:
        problems.append(_(
            "Zaznaczono, że nie było zadań tego samego rodzaju, a lista takich zadań nie jest pusta "
            "(art. 13 ust. 2 pkt 7)."
        ))
    if not all(getattr(competition, field) for field in PUBLICATION_FIELDS):
        problems.append(_(
            "Podaj daty ogłoszenia we wszystkich trzech miejscach: w BIP, na tablicy ogłoszeń i na stronie "
            "internetowej (art. 13 ust. 3)."
        ))
    elif competition.offer_deadline:
        problem = offer_period_problem(competition.last_announcement_on, competition.offer_deadline)
        if problem:
            problems.append(problem)
    if competition.offer_deadline and competition.decision_date:
        problem = decision_date_problem(competition.offer_deadline, competition.decision_date)
        if problem:
            problems.append(problem)
    return problems


# --- Art. 15 ust. 1: what the authority weighs, offered as the default criteria ------------------

# (wording of the point, whether it applies only to support, art. 5 ust. 4 pkt 2)
ART15_FACTORS = [
    (gettext_lazy("Możliwość realizacji zadania publicznego przez organizację (art. 15 ust. 1 pkt 1)"), False),
    (gettext_lazy("Kalkulacja kosztów realizacji zadania, w tym w odniesieniu do zakresu rzeczowego zadania "
                  "(art. 15 ust. 1 pkt 2)"), False),
    (gettext_lazy("Proponowana jakość wykonania zadania i kwalifikacje osób, przy udziale których organizacja "
                  "będzie realizować zadanie (art. 15 ust. 1 pkt 3)"), False),
    (gettext_lazy("Planowany udział środków finansowych własnych lub środków pochodzących z innych źródeł "
                  "– przy wspieraniu realizacji zadania (art. 15 ust. 1 pkt 4)"), True),
    (gettext_lazy("Planowany wkład rzeczowy i osobowy, w tym świadczenia wolontariuszy i praca społeczna członków "
                  "(art. 15 ust. 1 pkt 5)"), False),
    (gettext_lazy("Analiza i ocena realizacji zleconych zadań w latach poprzednich: rzetelność, terminowość "
                  "i sposób rozliczenia otrzymanych środków (art. 15 ust. 1 pkt 6)"), False),
]
# Points per default criterion: a starting value the official changes, not a legal rule.
DEFAULT_CRITERION_POINTS = 10


def default_criteria() -> list[dict]:
    """The six factors of art. 15 ust. 1 as merit criteria, for a new competition's form."""
    return [
        {"name": str(name), "kind": "merit", "max_points": DEFAULT_CRITERION_POINTS}
        for name, _only_support in ART15_FACTORS
    ]


# --- Art. 18 -----------------------------------------------------------------------------------


def report_due(task_end: dt.date) -> dt.date:
    """The grantee's report is due within 30 days of the end of the task (art. 18)."""
    return period_end(task_end + dt.timedelta(days=REPORT_DAYS))

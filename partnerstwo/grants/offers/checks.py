"""The rules of the call checked on an online offer (docs/law.md#offer-form): every problem named by its section
and field, shown next to the field and in the summary at the top on every save, and again on submission,
which is refused while any is left. The call's rules are the competition's fields (max_grant,
min_own_contribution_percent, max_admin_percent, the task period, field_limits).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerstwo.grants.offers import budget as budgets

# The form's sections in its order: (key, URL word, title). Section I comes from the competition.
SECTIONS = [
    ("applicant", "oferent", gettext_lazy("II. Dane oferenta")),
    ("basics", "opis", gettext_lazy("III.1–3. Opis zadania")),
    ("actions", "dzialania", gettext_lazy("III.4. Plan i harmonogram działań")),
    ("results", "rezultaty", gettext_lazy("III.5–6. Rezultaty")),
    ("profile", "charakterystyka", gettext_lazy("IV. Charakterystyka oferenta")),
    ("costs", "koszty", gettext_lazy("V.A. Zestawienie kosztów")),
    ("sources", "zrodla", gettext_lazy("V.B. Źródła finansowania")),
    ("partners", "oferenci", gettext_lazy("V.C. Oferta wspólna i podział kosztów")),
    ("other", "inne", gettext_lazy("VI. Inne informacje")),
    ("statements", "oswiadczenia", gettext_lazy("VII. Oświadczenia")),
]
SECTION_TITLES = {key: title for key, _slug, title in SECTIONS}
SECTION_SLUGS = {slug: key for key, slug, _title in SECTIONS}

# Text fields of the offer with a character limit, and the section each is in.
LIMITED_FIELDS = {
    "title": "basics", "description": "basics", "results_description": "results", "experience": "profile",
    "resources": "profile", "partners_roles": "other", "other_info": "other",
}
# Row fields with a limit: (rows, field) → key of the limit.
LIMITED_ROW_FIELDS = {("actions", "description"): "action_description", ("results", "monitoring"): "monitoring"}


@dataclass(frozen=True)
class Problem:
    section: str
    field: str  # a field of the offer, of a row (with `row`), or "" for the section as a whole
    message: str
    row: int | None = None  # the row's position in its list (actions, results, cost_lines), from 0

    @property
    def section_title(self) -> str:
        return str(SECTION_TITLES.get(self.section, ""))


def limit_for(competition, name: str) -> int | None:
    limits = {**settings.GRANTS_OFFER_FIELD_LIMITS, **(competition.field_limits or {})}
    value = limits.get(name)
    return int(value) if value else None


def too_long(text: str, limit: int | None) -> str | None:
    if limit and len(text or "") > limit:
        return _("Najwyżej %(limit)s znaków (jest %(count)s).") % {
            "limit": number_format(limit), "count": number_format(len(text))
        }
    return None


def pln(amount) -> str:
    return _("%(amount)s zł") % {"amount": number_format(amount, 2, force_grouping=True)}


def problems(offer, *, actions=None, results=None, lines=None, partners=None) -> list[Problem]:
    """Everything that stops the offer from being submitted, in the order of the form."""
    competition = offer.competition
    actions = list(offer.actions.all()) if actions is None else list(actions)
    results = list(offer.results.all()) if results is None else list(results)
    lines = list(offer.cost_lines.all()) if lines is None else list(lines)
    partners = list(offer.partners.select_related("organization")) if partners is None else list(partners)
    budget = budgets.compute(offer, lines=lines, actions=actions, partners=partners)
    found: list[Problem] = []

    def add(section, field, message, row=None):
        found.append(Problem(section, field, message, row))

    required = _("To pole jest wymagane.")
    # II.
    if not offer.contact_name.strip():
        add("applicant", "contact_name", required)
    if not (offer.contact_email or offer.contact_phone.strip()):
        add("applicant", "contact_email", _("Podaj adres e-mail albo telefon osoby składającej wyjaśnienia."))
    # III.1–3.
    for name in ("title", "description"):
        if not getattr(offer, name).strip():
            add("basics", name, required)
    found += task_dates(offer, competition)
    # III.4.
    if not actions:
        add("actions", "", _("Dodaj co najmniej jedno działanie."))
    for index, action in enumerate(actions):
        if offer.task_start and action.starts_on and action.starts_on < offer.task_start:
            add("actions", "starts_on", _("Działanie nie może się zacząć przed rozpoczęciem zadania."), index)
        if offer.task_end and action.ends_on and action.ends_on > offer.task_end:
            add("actions", "ends_on", _("Działanie nie może się skończyć po zakończeniu zadania."), index)
        if not action.starts_on:
            add("actions", "starts_on", _("Podaj planowany termin działania."), index)
    # III.5–6.
    if not offer.results_description.strip():
        add("results", "results_description", required)
    if not results:
        add("results", "", _("Dodaj co najmniej jeden rezultat z wartością docelową."))
    # IV.
    for name in ("experience", "resources"):
        if not getattr(offer, name).strip():
            add("profile", name, required)
    # Character limits of the call.
    for name, section in LIMITED_FIELDS.items():
        if message := too_long(getattr(offer, name), limit_for(competition, name)):
            add(section, name, message)
    for (rows_name, name), key in LIMITED_ROW_FIELDS.items():
        for index, row in enumerate(actions if rows_name == "actions" else results):
            if message := too_long(getattr(row, name), limit_for(competition, key)):
                add(rows_name, name, message, index)
    # V.A–V.B.
    found += sums(offer, competition, budget, lines)
    # V.C.
    if partners:
        if sum((budgets.money(p.cost_share) for p in partners), budgets.ZERO) > budget.total:
            add("partners", "", _("Koszty partnerów przekraczają sumę kosztów zadania."))
        for partner in partners:
            if partner.confirmed_at is None:
                add("partners", "", _("%(name)s nie potwierdziła jeszcze udziału w ofercie wspólnej.")
                    % {"name": partner.organization.name})
        if not offer.partners_roles.strip():
            add("other", "partners_roles", _("W ofercie wspólnej opisz działania każdego oferenta."))
    # VI–VII.
    if not offer.payment:
        add("other", "payment", required)
    if not offer.statements_accepted:
        add("statements", "statements_accepted", _("Potwierdź oświadczenia, aby złożyć ofertę."))
    return found


def by_section(found: list[Problem]) -> dict[str, list[Problem]]:
    grouped: dict[str, list[Problem]] = {key: [] for key, _slug, _title in SECTIONS}
    for problem in found:
        grouped[problem.section].append(problem)
    return grouped


def task_dates(subject, competition, section="basics") -> list[Problem]:
    """The task's dates are given and within the call's period (an offer's section III.2, an agreement's dates)."""
    found: list[Problem] = []
    required = _("To pole jest wymagane.")
    if subject.task_start is None:
        found.append(Problem(section, "task_start", required))
    elif subject.task_start < competition.task_start:
        found.append(Problem(section, "task_start", _(
            "Zadanie może się zacząć najwcześniej %(date)s (ogłoszenie konkursu).")
            % {"date": competition.task_start.strftime("%d.%m.%Y")}))
    if subject.task_end is None:
        found.append(Problem(section, "task_end", required))
    elif subject.task_end > competition.task_end:
        found.append(Problem(section, "task_end", _(
            "Zadanie musi się skończyć najpóźniej %(date)s (ogłoszenie konkursu).")
            % {"date": competition.task_end.strftime("%d.%m.%Y")}))
    return found


def sums(subject, competition, budget, lines) -> list[Problem]:
    """The call's rules on the cost table (V.A) and the sources (V.B) of `subject`: an online offer, or an
    agreement whose table the representative updates after a lower grant (agreements/drafting.py)."""
    found: list[Problem] = []

    def add(section, field, message, row=None):
        found.append(Problem(section, field, message, row))

    if not lines:
        add("costs", "", _("Dodaj co najmniej jeden koszt."))
    allowed_years = budgets.task_years(subject.task_start, subject.task_end)
    for index, line in enumerate(lines):
        if line.year > allowed_years:
            add("costs", "year", _("Zadanie trwa %(years)s rok(i) budżetowe: wybierz rok od 1 do %(years)s.")
                % {"years": allowed_years}, index)
    admin_share = budget.administrative_share
    if competition.max_admin_percent is not None and admin_share is not None \
            and admin_share > competition.max_admin_percent:
        add("costs", "", _("Koszty administracyjne to %(share)s%% kosztów; ogłoszenie dopuszcza najwyżej "
                           "%(limit)s%%.") % {"share": number_format(admin_share, 2),
                                             "limit": number_format(competition.max_admin_percent, 2)})
    # V.B.
    if budget.grant <= 0:
        add("sources", "grant_amount", _("Podaj kwotę dotacji, o którą wnioskujesz."))
    if competition.max_grant is not None and budget.grant > competition.max_grant:
        add("sources", "grant_amount", _("Dotacja może wynieść najwyżej %(limit)s.") % {"limit": pln(
            competition.max_grant)})
    elif budget.grant > competition.public_funds:
        add("sources", "grant_amount", _("Dotacja przekracza środki przeznaczone na konkurs (%(limit)s).")
            % {"limit": pln(competition.public_funds)})
    if not budget.balanced:
        add("sources", "", _("Źródła finansowania (%(sources)s) muszą być równe sumie kosztów z części V.A "
                             "(%(total)s).") % {"sources": pln(budget.sources_total), "total": pln(budget.total)})
    if competition.min_own_contribution_percent:
        counted = competition.own_contribution_includes_non_financial
        own = budget.own_share(include_non_financial=counted)
        if own is None or own < competition.min_own_contribution_percent:
            add("sources", "own_financial" if not counted else "", _(
                "Wkład własny to %(share)s%% kosztów; ogłoszenie wymaga co najmniej %(limit)s%%."
            ) % {"share": number_format(own or 0, 2),
                 "limit": number_format(competition.min_own_contribution_percent, 2)})
    return found

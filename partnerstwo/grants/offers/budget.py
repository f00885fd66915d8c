"""The sums of an online offer (sections V.A–V.C of the standard form), computed from its rows, never typed:
each cost line's value, the costs of each action and of administration, per year and in all, the sources
with their shares, and the split of the costs between the offerers of a joint offer.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def money(value) -> Decimal:
    return Decimal(value or 0).quantize(CENT, rounding=ROUND_HALF_UP)


def share(part: Decimal, whole: Decimal) -> Decimal | None:
    """Part of the whole in per cent, to 0.01; None when the whole is zero (nothing to share)."""
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(CENT, rounding=ROUND_HALF_UP)


def line_value(line) -> Decimal:
    return money(Decimal(line.unit_cost or 0) * Decimal(line.units or 0))


def task_years(start, end) -> int:
    """How many budget years the task spans: one column of V.A per calendar year (Rok 1, Rok 2, …)."""
    if start is None or end is None or end < start:
        return 1
    return end.year - start.year + 1


@dataclass
class Group:
    """One group of V.A: an action (group I) or the administrative costs (group II, action None)."""

    action: object
    lines: list = field(default_factory=list)
    total: Decimal = ZERO
    by_year: list = field(default_factory=list)


@dataclass
class Budget:
    years: int
    groups: list
    administrative: Group
    actions_total: Decimal
    total: Decimal
    by_year: list
    grant: Decimal
    own_financial: Decimal
    own_non_financial: Decimal
    own_total: Decimal
    recipient_payments: Decimal
    sources_total: Decimal
    partners: list  # (name, amount, share), the lead offerer first

    @property
    def administrative_total(self) -> Decimal:
        return self.administrative.total

    @property
    def administrative_share(self) -> Decimal | None:
        return share(self.administrative.total, self.total)

    @property
    def sources(self) -> list:
        """V.B rows: (number, label, amount, share of all costs)."""
        rows = [
            ("2", _("Planowana dotacja w ramach niniejszej oferty"), self.grant),
            ("3", _("Wkład własny"), self.own_total),
            ("3.1", _("Wkład własny finansowy"), self.own_financial),
            ("3.2", _("Wkład własny niefinansowy (osobowy i rzeczowy)"), self.own_non_financial),
            ("4", _("Świadczenia pieniężne od odbiorców zadania"), self.recipient_payments),
        ]
        return [(number, label, amount, share(amount, self.total)) for number, label, amount in rows]

    def own_share(self, *, include_non_financial: bool = True) -> Decimal | None:
        own = self.own_total if include_non_financial else self.own_financial
        return share(own, self.total)

    @property
    def balanced(self) -> bool:
        return self.sources_total == self.total


def compute(offer, *, lines=None, actions=None, partners=None) -> Budget:
    """The budget of `offer` from its rows; pass rows already read to spare queries (e.g. prefetched)."""
    actions = list(offer.actions.all()) if actions is None else list(actions)
    lines = list(offer.cost_lines.all()) if lines is None else list(lines)
    partners = list(offer.partners.select_related("organization")) if partners is None else list(partners)
    years = max([task_years(offer.task_start, offer.task_end), *(line.year for line in lines)])

    groups = {action.pk: Group(action=action) for action in actions}
    administrative = Group(action=None)
    for line in lines:
        group = groups.get(line.action_id, administrative) if line.action_id else administrative
        group.lines.append(line)
    for group in [*groups.values(), administrative]:
        group.by_year = [ZERO] * years
        for line in group.lines:
            line.value = line_value(line)
            group.by_year[line.year - 1] += line.value
        group.total = money(sum(group.by_year, ZERO))
    ordered = list(groups.values())
    actions_total = money(sum((g.total for g in ordered), ZERO))
    total = money(actions_total + administrative.total)
    by_year = [money(sum((g.by_year[i] for g in [*ordered, administrative]), ZERO)) for i in range(years)]

    grant, financial = money(offer.grant_amount), money(offer.own_financial)
    non_financial, payments = money(offer.own_non_financial), money(offer.recipient_payments)
    own = money(financial + non_financial)
    partner_rows = [(p.organization.name, money(p.cost_share), share(money(p.cost_share), total)) for p in partners]
    lead = money(total - sum((row[1] for row in partner_rows), ZERO))
    return Budget(
        years=years, groups=ordered, administrative=administrative, actions_total=actions_total, total=total,
        by_year=by_year, grant=grant, own_financial=financial, own_non_financial=non_financial, own_total=own,
        recipient_payments=payments, sources_total=money(grant + own + payments),
        partners=[(offer.organization.name, lead, share(lead, total)), *partner_rows] if partners else [],
    )

"""What a report states besides its rows (docs/law.md#art-18-report): its spending by line of the agreement's cost
table and by source, computed and never typed, and the statements of part III. Read by the checks (reporting.py),
the pages and the document (document.py)."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerstwo.grants.offers import budget as budgets
from partnerstwo.grants.reports.models import Report

# Part III's statements. Their wording in the 2018 model report is not verified (docs/law.md#art-18-report): the
# city may change it here.
STATEMENTS = [
    gettext_lazy("od daty zawarcia umowy nie zmienił się status prawny Zleceniobiorcy;"),
    gettext_lazy("wszystkie informacje podane w niniejszym sprawozdaniu są zgodne z aktualnym stanem prawnym i "
                 "faktycznym;"),
    gettext_lazy("zamówienia na dostawy, usługi i roboty budowlane za środki finansowe uzyskane w ramach umowy "
                 "zostały dokonane zgodnie z przepisami o zamówieniach publicznych;"),
    gettext_lazy("wszystkie kwoty wymienione w zestawieniu wydatków zostały faktycznie poniesione."),
]



@dataclass
class Spending:
    planned_total: Decimal
    spent_total: Decimal
    sources: list  # (label, amount, share of what was spent)
    sources_total: Decimal
    grant: Decimal
    grant_unused: Decimal
    lines: list  # (cost row, planned value, difference)

    @property
    def balanced(self) -> bool:
        return self.sources_total == self.spent_total


def spending(report: Report, *, costs=None) -> Spending:
    agreement = report.agreement
    costs = list(report.costs.select_related("line")) if costs is None else list(costs)
    lines = []
    for cost in costs:
        planned = budgets.line_value(cost.line)
        lines.append((cost, planned, budgets.money(cost.spent) - planned))
    spent = budgets.money(sum((budgets.money(c.spent) for c in costs), budgets.ZERO))
    amounts = [
        (_("Dotacja"), budgets.money(report.grant_spent)),
        (_("Wkład własny finansowy"), budgets.money(report.own_financial)),
        (_("Wkład własny niefinansowy (osobowy i rzeczowy)"), budgets.money(report.own_non_financial)),
        (_("Świadczenia pieniężne od odbiorców zadania"), budgets.money(report.recipient_payments)),
    ]
    total = budgets.money(sum((a for _label, a in amounts), budgets.ZERO))
    return Spending(
        planned_total=budgets.money(sum((p for _c, p, _d in lines), budgets.ZERO)), spent_total=spent,
        sources=[(label, amount, budgets.share(amount, spent)) for label, amount in amounts], sources_total=total,
        grant=budgets.money(agreement.amount), grant_unused=budgets.money(agreement.amount - report.grant_spent),
        lines=lines,
    )

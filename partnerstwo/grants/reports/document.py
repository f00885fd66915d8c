"""The report as a document: the parties, the agreement and the period, then its three parts as the pages show
them (grants/reports/_report.html), rendered as a tagged PDF. It is made when the report is handed in and kept
with its SHA-256 by reporting.submit, as the offer's and the agreement's are."""

from django.template.loader import render_to_string
from django.utils import translation

from partnerstwo.grants.agreements import document as agreement_document
from partnerstwo.grants.reports.contents import STATEMENTS, spending
from partnerstwo.lib.pdf import tagged_pdf

sha256 = agreement_document.sha256


def context(report, *, results=None, actions=None, costs=None) -> dict:
    """What the report's pages and its document show: its rows read once, the sums and the statements."""
    results = list(report.results.select_related("result")) if results is None else list(results)
    actions = list(report.actions.select_related("action")) if actions is None else list(actions)
    costs = list(report.costs.select_related("line", "line__action")) if costs is None else list(costs)
    return {
        "report": report, "agreement": report.agreement, "results": results, "actions": actions, "costs": costs,
        "money": spending(report, costs=costs), "statements": STATEMENTS,
    }


def title(report) -> str:
    with translation.override("pl"):
        return translation.gettext("%(kind)s z wykonania zadania publicznego: %(title)s") % {
            "kind": report.get_kind_display().capitalize(), "title": report.agreement.title}


def html(report) -> str:
    agreement = report.agreement
    with translation.override("pl"):
        return render_to_string("grants/reports/document_pdf.html", {
            **context(report), **agreement_document.parties(agreement), "title": title(report),
        })


def pdf(report) -> bytes:
    return tagged_pdf(html(report))

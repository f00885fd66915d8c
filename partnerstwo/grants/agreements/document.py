"""The agreement as a document for signature: its parties, the task, the amount, the bank account, the city's
clauses (clauses.py), the schedule and the cost table (laid out as in the offer, offers/document.py), rendered as a
tagged PDF."""

import hashlib

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from partnerstwo.grants.agreements import clauses as city_clauses
from partnerstwo.grants.offers import budget as budgets
from partnerstwo.grants.offers import document as offer_document
from partnerstwo.lib.pdf import tagged_pdf


def context(agreement, *, actions=None, results=None, lines=None, for_screen=True) -> dict:
    actions = list(agreement.actions.all()) if actions is None else list(actions)
    results = list(agreement.results.all()) if results is None else list(results)
    lines = list(agreement.cost_lines.all()) if lines is None else list(lines)
    budget = budgets.compute(agreement, lines=lines, actions=actions, partners=[])
    clauses = city_clauses.of(agreement)
    return {
        "agreement": agreement, **parties(agreement),
        "actions": actions, "results": results, "budget": budget, "costs": offer_document.costs(budget),
        "sources": budget.sources,
        "clauses": clauses, "clauses_html": city_clauses.rendered(clauses, for_screen=for_screen),
    }


def parties(agreement) -> dict:
    """The city, and the organisations that carry out the task: the lead offerer and a joint offer's partners."""
    online = agreement.offer.online
    partners = list(online.partners.select_related("organization")) if online else []
    return {
        "authority": settings.CITY.get("data_controller", {}).get("name") or settings.CITY.get(
            "city_office_name", ""),
        "offerers": [offer_document.offerer(agreement.organization),
                     *(offer_document.offerer(p.organization) for p in partners)],
    }


def title(agreement) -> str:
    with translation.override("pl"):
        return translation.gettext("Umowa o realizację zadania publicznego: %(title)s") % {"title": agreement.title}


def html(agreement) -> str:
    with translation.override("pl"):
        return render_to_string("grants/agreements/document_pdf.html", {**context(agreement, for_screen=False),
                                                                        "title": title(agreement)})


def pdf(agreement) -> bytes:
    return tagged_pdf(html(agreement))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

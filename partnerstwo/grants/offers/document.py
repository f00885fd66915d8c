"""An online offer as a document on the standard form (Dz. U. 2018 poz. 2057, załącznik nr 1): the data of
every section with its sums (snapshot, kept as submitted in each version), the print page and the PDF
rendered from it, and its SHA-256. What was submitted is what the committee reads.
"""

import hashlib

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format

from partnerstwo.grants.offers import budget as budgets
from partnerstwo.grants.offers.statements import STATEMENTS_VERSION, statements
from partnerstwo.lib.pdf import tagged_pdf


def day(value) -> str:
    return date_format(value, "d.m.Y") if value else ""


def amount(value) -> str | None:
    return None if value is None else str(value)


def quantity(value) -> str | None:
    """A number of units or a target value without trailing zeros, never in exponent form (120, not 1.2E+2)."""
    return None if value is None else format(value.normalize(), "f")


def offerer(organization) -> dict:
    """Section II.1 of one offerer, from the directory (and the KRS data it was last updated with)."""
    address = ", ".join(filter(None, [organization.street, " ".join(
        filter(None, [organization.postal_code, organization.town]))]))
    return {
        "name": organization.name, "legal_form": organization.get_legal_form_display(), "krs": organization.krs,
        "nip": organization.nip_display, "regon": organization.regon, "address": address,
        "website": organization.website, "email": organization.email, "phone": organization.phone,
        "krs_data_as_of": day(organization.krs_data_as_of),
    }


def snapshot(offer, *, actions=None, results=None, lines=None, partners=None) -> dict:
    """Every section of the offer as JSON-safe data to render, in Polish (the document of record)."""
    actions = list(offer.actions.all()) if actions is None else list(actions)
    results = list(offer.results.all()) if results is None else list(results)
    lines = list(offer.cost_lines.all()) if lines is None else list(lines)
    partners = list(offer.partners.select_related("organization")) if partners is None else list(partners)
    budget = budgets.compute(offer, lines=lines, actions=actions, partners=partners)
    competition = offer.competition
    with translation.override("pl"):
        return {
            # I.1: the executive the offer is addressed to, which is also the city's data controller.
            "authority": settings.CITY.get("data_controller", {}).get("name") or settings.CITY.get(
                "city_office_name", ""),
            "department": competition.department.name,
            "competition": competition.title,
            "reference": competition.reference,
            "task_type": competition.task_type,
            "joint": bool(partners),
            "offerers": [offerer(offer.organization), *(offerer(p.organization) for p in partners)],
            "contact": {"name": offer.contact_name, "phone": offer.contact_phone, "email": offer.contact_email},
            "title": offer.title,
            "task_start": day(offer.task_start),
            "task_end": day(offer.task_end),
            "description": offer.description,
            "actions": [
                {"number": i, "name": a.name, "description": a.description, "target_group": a.target_group,
                 "starts_on": day(a.starts_on), "ends_on": day(a.ends_on), "subcontracted": a.subcontracted}
                for i, a in enumerate(actions, 1)
            ],
            "results_description": offer.results_description,
            "results": [
                {"name": r.name, "target_value": quantity(r.target_value), "unit": r.unit,
                 "monitoring": r.monitoring}
                for r in results
            ],
            "experience": offer.experience,
            "resources": offer.resources,
            "costs": costs(budget),
            "sources": [
                {"number": number, "label": str(label), "amount": amount(value), "share": amount(part)}
                for number, label, value, part in budget.sources
            ],
            "sources_total": amount(budget.sources_total),
            "partners": [{"name": name, "amount": amount(value), "share": amount(part)}
                         for name, value, part in budget.partners],
            "payment": offer.get_payment_display() if offer.payment else "",
            "partners_roles": offer.partners_roles,
            "other_info": offer.other_info,
            "statements_version": STATEMENTS_VERSION,
            "statements": statements(tax_arrears=offer.tax_arrears,
                                     social_insurance_arrears=offer.social_insurance_arrears),
        }


def costs(budget) -> dict:
    def line_row(number, line):
        by_year = [None] * budget.years
        by_year[line.year - 1] = amount(line.value)
        return {"number": number, "name": line.name, "unit": line.unit, "unit_cost": amount(line.unit_cost),
                "units": quantity(line.units), "value": amount(line.value), "by_year": by_year}

    groups = [
        {"number": f"I.{i}", "name": group.action.name, "total": amount(group.total),
         "by_year": [amount(v) for v in group.by_year],
         "lines": [line_row(f"I.{i}.{j}", line) for j, line in enumerate(group.lines, 1)]}
        for i, group in enumerate(budget.groups, 1)
    ]
    admin = budget.administrative
    return {
        "years": list(range(1, budget.years + 1)),
        "groups": groups,
        "actions_total": amount(budget.actions_total),
        "actions_by_year": [amount(sum((g.by_year[i] for g in budget.groups), budgets.ZERO))
                            for i in range(budget.years)],
        "administrative": {"total": amount(admin.total), "by_year": [amount(v) for v in admin.by_year],
                           "lines": [line_row(f"II.{j}", line) for j, line in enumerate(admin.lines, 1)]},
        "administrative_share": amount(budget.administrative_share),
        "total": amount(budget.total),
        "by_year": [amount(v) for v in budget.by_year],
    }


def html(document: dict, *, title: str) -> str:
    """The standalone page the PDF is printed from (and the print page)."""
    return render_to_string("grants/offers/document_pdf.html", {"document": document, "title": title})


def pdf(document: dict, *, title: str) -> bytes:
    return tagged_pdf(html(document, title=title))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

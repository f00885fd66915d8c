"""The eleven contents of a cooperation programme (art. 5a ust. 4 of the public-benefit act; domain.md §1.3), in the
Act's order, and the programme's contents as text: for its versions, their comparison and the consultation's draft.

Most sections are Markdown fields of Programme; three are also rows or choices: the subject scope names spheres of
art. 4, the forms of cooperation tick the forms of art. 5 ust. 2, the priority tasks are Priority rows and the
planned funds PlannedFunds rows (by year, sphere and priority).
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerstwo.lib.markdown import plain_text
from partnerstwo.programme.models import Programme


@dataclass(frozen=True)
class Section:
    key: str
    title: Promise
    point: int
    # The Markdown field of Programme holding the section's text (the priorities have only rows).
    field: str | None


SECTIONS = [
    Section("objectives", gettext_lazy("Cel główny i cele szczegółowe programu"), 1, "objectives"),
    Section("principles", gettext_lazy("Zasady współpracy"), 2, "principles"),
    Section("scope", gettext_lazy("Zakres przedmiotowy"), 3, "scope"),
    Section("forms", gettext_lazy("Formy współpracy"), 4, "forms_text"),
    Section("priorities", gettext_lazy("Priorytetowe zadania publiczne"), 5, None),
    Section("period", gettext_lazy("Okres realizacji programu"), 6, "period"),
    Section("method", gettext_lazy("Sposób realizacji programu"), 7, "method"),
    Section("funds", gettext_lazy("Wysokość środków planowanych na realizację programu"), 8, "funds_text"),
    Section("evaluation", gettext_lazy("Sposób oceny realizacji programu"), 9, "evaluation"),
    Section("drafting", gettext_lazy("Sposób tworzenia programu i przebieg konsultacji"), 10, "drafting"),
    Section("committees", gettext_lazy(
        "Tryb powoływania i zasady działania komisji konkursowych do opiniowania ofert"), 11, "committees"),
]
BY_KEY = {section.key: section for section in SECTIONS}
TEXT_FIELDS = [section.field for section in SECTIONS if section.field]


def amount(value) -> str:
    return _("%(amount)s zł") % {"amount": number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)}


def snapshot(programme: Programme) -> dict[str, str]:
    """Every section as text, as a version keeps it: the Markdown as written, and the rows as lines."""
    spheres = [str(sphere) for sphere in programme.spheres.order_by("position", "pk")] if programme.pk else []
    priorities = list(programme.priorities.select_related("sphere")) if programme.pk else []
    funds = list(programme.planned_funds.select_related("sphere", "priority")) if programme.pk else []
    parts = {field: getattr(programme, field) for field in TEXT_FIELDS}
    parts["scope"] = "\n\n".join(filter(None, [
        programme.scope, "\n".join(f"- {name}" for name in spheres)]))
    parts["forms_text"] = "\n\n".join(filter(None, [
        "\n".join(f"- {label}" for label in programme.form_labels()), programme.forms_text]))
    parts["period"] = "\n\n".join(filter(None, [period_label(programme), programme.period]))
    parts["funds_text"] = "\n\n".join(filter(None, [
        "\n".join(f"- {row.year}, {row.sphere}{', ' + row.priority.title if row.priority else ''}: "
                  f"{amount(row.amount)}" for row in funds), programme.funds_text]))
    result = {section.key: parts[section.field] for section in SECTIONS if section.field}
    result["priorities"] = "\n".join(
        f"{number}. {priority.title} ({priority.sphere}){': ' + priority.description if priority.description else ''}"
        for number, priority in enumerate(priorities, start=1))
    return {section.key: result[section.key] for section in SECTIONS}


def period_label(programme: Programme) -> str:
    if programme.is_multi_year:
        return _("Lata %(start)s–%(end)s") % {"start": programme.year_from, "end": programme.year_to}
    return _("Rok %(year)s") % {"year": programme.year_from}


def as_draft_text(programme: Programme) -> str:
    """The contents as the text of the draft put to consultation: a chapter per section, so that every section (and
    each numbered item within it) can be commented on (consultations/units.py splits it)."""
    chapters = []
    for section, text in zip(SECTIONS, snapshot(programme).values(), strict=True):
        body = plain_text(text).strip() or _("(bez treści)")
        chapters.append(f"Rozdział {section.point}\n{section.title}\n{body}")
    return "\n\n".join(chapters)

"""Builders for the competition tests: a complete announcement around today, in any state."""

import datetime as dt
import itertools
import zoneinfo
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.grants.competitions.models import Competition, Criterion, PriorFunding, StatusChange

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
_numbers = itertools.count(1)


def pdf(name="ogloszenie.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def today() -> dt.date:
    return timezone.localdate()


def at(day: dt.date, hour=12, minute=0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=WARSAW)


def competition(department, *, status=Competition.Status.PLANNED, announced_on=None, deadline=None,
                criteria=True, prior=True, **fields) -> Competition:
    """A competition whose announcement is complete: announced `announced_on` (default: 5 days ago)
    in all three places, offers until `deadline` (default: 30 days after that, at noon)."""
    n = next(_numbers)
    announced_on = announced_on or today() - dt.timedelta(days=5)
    deadline = deadline or at(announced_on + dt.timedelta(days=30))
    values = {
        "slug": f"konkurs-{n}",
        "title": f"Wspieranie aktywności seniorów {n}",
        "year": deadline.year,
        "department": department,
        "sphere": PublicTaskSphere.objects.order_by("position", "slug").first(),
        "mode": "support",
        "status": status,
        "task_type": "Aktywizacja społeczna osób starszych.",
        "public_funds": Decimal("150000.00"),
        "award_rules": "Dotacja do 90% kosztów zadania.",
        "implementation_terms": "Zadanie realizowane w Białymstoku.",
        "task_start": deadline.date() + dt.timedelta(days=30),
        "task_end": deadline.date() + dt.timedelta(days=200),
        "offer_deadline": deadline,
        "procedure_and_criteria": "Ocena formalna, potem merytoryczna przez komisję konkursową.",
        "decision_date": deadline.date() + dt.timedelta(days=14),
        "eligibility": "Organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy.",
        "submission_info": "Przez generator ofert albo w kancelarii urzędu.",
        "bip_published_on": announced_on,
        "notice_board_published_on": announced_on,
        "website_published_on": announced_on,
    }
    values.update(fields)
    made = Competition.objects.create(**values)
    if criteria:
        Criterion.objects.create(competition=made, kind=Criterion.Kind.FORMAL, name="Oferta złożona w terminie")
        Criterion.objects.create(competition=made, kind=Criterion.Kind.MERIT, name="Jakość zadania", max_points=10)
    if prior:
        PriorFunding.objects.create(
            competition=made, year=made.year - 1, task="Kluby seniora", total_cost=Decimal("120000"),
            grants_to_organizations=Decimal("100000"),
        )
    if status != Competition.Status.PLANNED:
        StatusChange.objects.create(competition=made, status=status)
    return made

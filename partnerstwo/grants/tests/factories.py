"""Small builders for the grants tests."""

import datetime
import itertools
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.grants.committees import evaluation
from partnerstwo.grants.committees.models import CommitteeMember
from partnerstwo.grants.competitions.models import Competition, Criterion
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.schedule.models import Mode, PlannedCompetition, ScheduleYear
from partnerstwo.organizations.tests import factories as directory

_numbers = itertools.count(1)
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def competition(*, department=None, status=Competition.Status.EVALUATION, title=None, **fields) -> Competition:
    """A minimal open competition with only the fields the model requires."""
    n = next(_numbers)
    today = timezone.localdate()
    if department is None:
        department = Department.objects.get_or_create(name="Departament Spraw Społecznych")[0]
    values = {
        "slug": f"konkurs-{n}",
        "title": title or f"Konkurs testowy nr {n}",
        "year": today.year,
        "department": department,
        "sphere": PublicTaskSphere.objects.order_by("position").first(),
        "mode": Mode.SUPPORT,
        "status": status,
        "task_type": "Zajęcia pozalekcyjne dla dzieci",
        "public_funds": Decimal("100000.00"),
        "award_rules": "Zasady.",
        "implementation_terms": "Warunki.",
        "task_start": today + datetime.timedelta(days=30),
        "task_end": today + datetime.timedelta(days=200),
        "offer_deadline": timezone.now() - datetime.timedelta(days=3),
        "procedure_and_criteria": "Kryteria.",
        "decision_date": today + datetime.timedelta(days=20),
        "eligibility": "Organizacje pozarządowe.",
        "submission_info": "W Kancelarii.",
    }
    values.update(fields)
    return Competition.objects.create(**values)


def criteria(competition, *, formal=("Oferta złożona w terminie",), merit=(("Jakość", 10), ("Koszty", 5))):
    """The competition's criteria: formal ones by name, merit ones as (name, max points)."""
    made = [Criterion.objects.create(competition=competition, kind=Criterion.Kind.FORMAL, name=name, order=i)
            for i, name in enumerate(formal)]
    made += [Criterion.objects.create(competition=competition, kind=Criterion.Kind.MERIT, name=name,
                                      max_points=points, order=i)
             for i, (name, points) in enumerate(merit)]
    return made


def offer(competition, org=None, *, requested=Decimal("20000.00"), formal=Offer.Formal.PENDING, with_file=True,
          **fields):
    values = {
        "title": f"Zadanie nr {next(_numbers)}",
        "requested_amount": requested,
        "received_on": timezone.localdate(),
        "formal_status": formal,
    }
    values.update(fields)
    made = Offer.objects.create(competition=competition, organization=org or directory.organization(),
                                **values)
    if with_file:
        made.file.save("oferta.pdf", ContentFile(PDF_BYTES), save=True)
    return made


def member(competition, user, role=CommitteeMember.Role.CITY, *, is_chair=False, declared=False, conflicts=(),
           organization=None):
    if role == CommitteeMember.Role.NGO and organization is None:
        organization = directory.organization(f"Stowarzyszenie Wskazujące {next(_numbers)}")
    seat = CommitteeMember.objects.create(
        competition=competition, user=user, role=role, is_chair=is_chair, nominated_by=organization
    )
    if declared or conflicts:
        evaluation.sign_declaration(seat, conflicts=conflicts, explanation="Zasiadam w zarządzie." if conflicts else "")
    return seat


# --- The yearly schedule ---


def schedule_year(year=2027, status="published", **fields):
    if status == "published":
        fields.setdefault("published_at", timezone.now())
    return ScheduleYear.objects.create(year=year, status=status, **fields)


def planned(schedule, department, *, task=None, sphere="culture", mode=Mode.SUPPORT, month=3, amount="50000", **fields):
    return PlannedCompetition.objects.create(
        schedule=schedule,
        department=department,
        task=task or f"Zadanie planowane nr {next(_numbers)}",
        sphere=PublicTaskSphere.objects.get(slug=sphere),
        mode=mode,
        planned_month=month,
        planned_amount=Decimal(amount),
        **fields,
    )

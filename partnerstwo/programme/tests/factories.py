import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.consultations.tests import factories as consultation_factories
from partnerstwo.programme import editing
from partnerstwo.programme.models import PlannedFunds, Priority, Programme

PDF = b"%PDF-1.4\n%%EOF\n"


def sphere(slug="culture") -> PublicTaskSphere:
    return PublicTaskSphere.objects.get(slug=slug)


def programme(department, *, year=2027, by=None, title=None, **fields) -> Programme:
    item = editing.create(Programme(
        title=title or f"Program współpracy na rok {year}", year_from=year, year_to=fields.pop("year_to", year),
        department=department, objectives="Cel główny: współpraca.", principles="Pomocniczość i jawność.",
        **fields), by=by)
    priority = Priority.objects.create(programme=item, position=1, sphere=sphere(), title="Festiwal kultury")
    PlannedFunds.objects.create(programme=item, year=year, sphere=sphere(), priority=priority,
                                amount=Decimal("100000"))
    return item


def in_consultation(department, *, by, year=2027, starts=-3) -> Programme:
    item = programme(department, year=year, by=by)
    consultation = consultation_factories.consultation(department, by=by, starts=starts, kind="programme")
    Programme.objects.filter(pk=item.pk).update(consultation=consultation, status=Programme.Status.CONSULTATION)
    item.refresh_from_db()
    editing.record_version(item, by=by, note="Projekt skierowany do konsultacji")
    return item


def adopted(department, *, by, year=2026, day=None) -> Programme:
    item = programme(department, year=year, by=by)
    editing.adopt(item, number=f"XX/{year}/1", day=day or dt.date(year - 1, 11, 20),
                  document=ContentFile(PDF, name="uchwala.pdf"), by=by, consulted_on=dt.date(year - 1, 9, 20))
    item.refresh_from_db()
    return item

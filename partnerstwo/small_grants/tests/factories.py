"""Small builders for the small-grant tests (art. 19a) and the hostile-input targets."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.lib import publication
from partnerstwo.organizations.tests import factories as directory
from partnerstwo.small_grants import procedure
from partnerstwo.small_grants.models import SmallGrantComment, SmallGrantOffer

_numbers = itertools.count(1)
PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name="oferta.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def today() -> date:
    return procedure.local_today()


def sphere():
    return PublicTaskSphere.objects.filter(is_active=True).first()


def department(name="Departament Spraw Społecznych"):
    return Department.objects.get_or_create(name=name)[0]


def offer(*, status=SmallGrantOffer.Status.RECEIVED, published_days_ago=None, **fields) -> SmallGrantOffer:
    """A saved offer; with published_days_ago it is published that many days ago (0: today).

    Its last comment day is stored as exactly seven days later, not computed with the rule under
    test (which moves it past weekends and holidays): "published 8 days ago" means "comment period
    over" on every day the suite runs. The rule itself is tested with fixed dates.
    """
    start = today() + timedelta(days=30)
    values = {
        "organization": fields.pop("organization", None) or directory.organization(),
        "department": fields.pop("department", None) or department(),
        "sphere": sphere(),
        "title": f"Warsztaty sąsiedzkie {next(_numbers)}",
        "summary": "Cztery spotkania warsztatowe dla mieszkańców osiedla.",
        "amount": Decimal("8000.00"),
        "task_start": start,
        "task_end": start + timedelta(days=59),
        "received_on": today(),
    }
    values.update(fields)
    if published_days_ago is not None:
        published_on = today() - timedelta(days=published_days_ago)
        values["received_on"] = min(values["received_on"], published_on)
        values["published_on"] = published_on
        for name in publication.FIELDS:
            values.setdefault(name, published_on)
        values["comments_until"] = published_on + timedelta(days=procedure.COMMENT_DAYS)
        if status == SmallGrantOffer.Status.RECEIVED:
            status = SmallGrantOffer.Status.PUBLISHED
    return SmallGrantOffer.objects.create(status=status, **values)


def comment(offer: SmallGrantOffer, *, confirmed=True, days_ago=0, **fields) -> SmallGrantComment:
    created = SmallGrantComment.objects.create(
        offer=offer,
        author_name=fields.pop("author_name", "Jan Sąsiad"),
        email=fields.pop("email", "jan.sasiad@example.org"),
        text=fields.pop("text", "Proszę o zajęcia także w soboty."),
        confirmed_at=timezone.now() if confirmed else None,
        **fields,
    )
    if days_ago:
        SmallGrantComment.objects.filter(pk=created.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
        created.refresh_from_db()
    return created

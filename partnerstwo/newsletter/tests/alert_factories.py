"""Builders for the digest and alerts tests: recipients, competitions, sent messages."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from partnerstwo.city.models import Department
from partnerstwo.lib.testing import message_text
from partnerstwo.newsletter.models import Recipient, RecipientTopic, Topic
from partnerstwo.organizations.tests import factories as directory

_numbers = itertools.count(1)


def recipient(email=None, *, topics=(), spheres=(), districts=(), organization=None, confirmed=True, **fields):
    """An active recipient (subscriber, or the organisation's when `organization` is given: one whose
    representative agreed to mailings, unless agreed_at=None is passed)."""
    n = next(_numbers)
    if organization and confirmed:
        fields.setdefault("agreed_at", timezone.now())
    created = Recipient.objects.create(
        kind=Recipient.Kind.ORGANIZATION if organization else Recipient.Kind.SUBSCRIBER,
        organization=organization,
        email=email or f"odbiorca{n}@example.org",
        confirmed_at=timezone.now() if confirmed else None,
        **fields,
    )
    for topic in topics:
        RecipientTopic.objects.create(recipient=created, topic=topic)
    created.spheres.set([directory.sphere(s) if isinstance(s, str) else s for s in spheres])
    created.districts.set([directory.district(d) if isinstance(d, str) else d for d in districts])
    return created


def organization_recipient(name, *, email=None, spheres=(), topics=(Topic.GRANTS,), **fields):
    """A published organisation of these directory spheres, mailed at the contact address it confirmed."""
    email = email or f"biuro{next(_numbers)}@organizacja.example.org"
    org = directory.organization(
        name, spheres=spheres, is_published=True, confirmed_contact_email=email,
        contact_email_confirmed_at=timezone.now(),
    )
    return recipient(email, organization=org, topics=topics, **fields)


def competition(*, title="Aktywni seniorzy 2027", sphere="health", status="announced", deadline_in_days=30, **fields):
    from partnerstwo.grants.competitions.models import Competition

    n = next(_numbers)
    department, _created = Department.objects.get_or_create(
        name="Departament Spraw Społecznych", defaults={"short_name": "DSS"}
    )
    today = timezone.localdate()
    values = {
        "slug": f"konkurs-{n}",
        "year": today.year + 1,
        "department": department,
        "sphere": directory.sphere(sphere) if isinstance(sphere, str) else sphere,
        "mode": "support",
        "status": status,
        "task_type": "Zajęcia aktywizujące dla seniorów",
        "public_funds": Decimal("150000.00"),
        "award_rules": "Zasady",
        "implementation_terms": "Warunki",
        "task_start": today + datetime.timedelta(days=60),
        "task_end": today + datetime.timedelta(days=300),
        "offer_deadline": timezone.now() + datetime.timedelta(days=deadline_in_days),
        "procedure_and_criteria": "Kryteria",
        "decision_date": today + datetime.timedelta(days=50),
        "eligibility": "Organizacje pozarządowe",
        "submission_info": "W Kancelarii Ogólnej",
    }
    values.update(fields)
    return Competition.objects.create(title=title, **values)


def mail_to(smtp, address):
    """Messages the SMTP server received for this address (once every sent delivery has arrived)."""
    from partnerstwo.newsletter.models import Delivery

    smtp.wait_for(Delivery.objects.filter(status=Delivery.Status.SENT).count())
    return [message for message in smtp.messages if address in message["To"]]


def texts_to(smtp, address):
    return [message_text(message) for message in mail_to(smtp, address)]

"""Organisations as recipients: pulled from the directory on a schedule, never pushed by it.

An organisation receives mailings at the one address confirmed when it joined the directory
(`confirmed_contact_email`); an address that only came from an import (KRS, the OPP list, a
spreadsheet) is never mailed (domain.md §6). sync_organization_recipients() makes the recipients
agree with the directory; it is idempotent and cheap, so it runs every minute
(`manage.py sync_organization_recipients`) and again whenever a mailing is prepared.
Representatives choose the organisation's topics, spheres and districts, or opt it out.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.newsletter.models import Recipient, RecipientTopic, Topic, new_token
from partnerstwo.organizations.models import Organization

# What an organisation receives until its representatives choose: everything meant for the
# sector, but not the running notices of single events nor general news.
DEFAULT_ORGANIZATION_TOPICS = [
    topic for topic in Topic.values if topic not in (Topic.EVENT_NOTICES, Topic.NEWS)
]
DEFAULT_TOPICS_HELP = _(
    "Bez zmian organizacja otrzymuje wszystkie tematy oprócz bieżących powiadomień o nowych i zmienionych "
    "wydarzeniach oraz aktualności."
)


def eligible_organizations():
    """Published organisations whose contact address was confirmed: the only ones mailings reach."""
    return Organization.objects.filter(is_published=True).exclude(confirmed_contact_email="")


def sync_organization_recipients(organization_ids=None) -> dict:
    """Create, update or deactivate organisation recipients to match the directory; returns counts.

    organization_ids limits the work to those organisations (None: all of them).
    """
    try:
        return _sync(organization_ids)
    except IntegrityError:
        # Another sync (the scheduler, a mailing being prepared) created the same rows a moment ago.
        return _sync(organization_ids)


def _sync(organization_ids) -> dict:
    now = timezone.now()
    counts = {"created": 0, "updated": 0, "deactivated": 0}
    organizations = eligible_organizations()
    recipients = Recipient.objects.organizations()
    if organization_ids is not None:
        organizations = organizations.filter(pk__in=organization_ids)
        recipients = recipients.filter(organization_id__in=organization_ids)
    with transaction.atomic():
        missing = list(
            organizations.filter(mailing_recipient__isnull=True)
            .values_list("pk", "confirmed_contact_email", "contact_email_confirmed_at")
        )
        created = Recipient.objects.bulk_create(
            [
                Recipient(kind=Recipient.Kind.ORGANIZATION, organization_id=pk, email=email.strip().lower(),
                          confirmed_at=confirmed_at or now)
                for pk, email, confirmed_at in missing
            ]
        )
        RecipientTopic.objects.bulk_create(
            [RecipientTopic(recipient=recipient, topic=topic)
             for recipient in created for topic in DEFAULT_ORGANIZATION_TOPICS]
        )
        counts["created"] = len(created)

        eligible = set(organizations.values_list("pk", flat=True))
        rows = recipients.values_list(
            "pk", "organization_id", "email", "confirmed_at",
            "organization__confirmed_contact_email", "organization__contact_email_confirmed_at",
        )
        for pk, organization_id, email, confirmed_at, org_email, org_confirmed_at in rows:
            if organization_id not in eligible:
                if confirmed_at is not None:
                    # Without a confirmed address nothing may be sent; the choices are kept for its return.
                    Recipient.objects.filter(pk=pk).update(confirmed_at=None, updated_at=now)
                    counts["deactivated"] += 1
                continue
            wanted_email = org_email.strip().lower()
            changes = {}
            if email != wanted_email:
                # A new address: links mailed to the old one stop working.
                changes.update(email=wanted_email, token=new_token())
            if confirmed_at is None or (org_confirmed_at and confirmed_at != org_confirmed_at):
                changes["confirmed_at"] = org_confirmed_at or now
            if changes:
                Recipient.objects.filter(pk=pk).update(**changes, updated_at=now)
                counts["updated"] += 1
    return counts


def recipient_for(organization: Organization) -> Recipient | None:
    """The organisation's recipient, brought up to date first; None while it has no confirmed address."""
    sync_organization_recipients([organization.pk])
    return Recipient.objects.filter(organization=organization, confirmed_at__isnull=False).first()

"""Organisations as recipients: pulled from the directory on a schedule, never pushed by it.

An organisation receives mailings at the one address confirmed when it joined the directory
(`confirmed_contact_email`); an address that only came from an import (KRS, the OPP list, a
spreadsheet) is never mailed (docs/law.md#pke-art-398-no-mail-to-imported-addresses).
sync_organization_recipients() makes the recipients agree with the directory; it is idempotent and
cheap, so it runs every minute (`manage.py sync_organization_recipients`) and again whenever a mailing is prepared.

Even then nothing is sent until one of its representatives agrees, for the organisation, and
chooses the topics (agree()): the consent is recorded like a subscriber's (ConsentRecord, with the
text, time, IP and browser, and who gave it), because the electronic-communications law (art. 398
Prawo komunikacji elektronicznej) asks for prior consent and an institution's address may well
be a person's. withdraw() works like a subscriber's unsubscribing.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.ratelimit import client_ip
from partnerstwo.newsletter import subscriptions
from partnerstwo.newsletter.models import ConsentRecord, Recipient, RecipientTopic, Topic, new_token
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
                # A new address: links mailed to the old one stop working, and the consent named the old
                # address, so a representative must agree again before the new one is mailed.
                changes.update(email=wanted_email, token=new_token(), agreed_at=None)
                ConsentRecord.objects.filter(recipient_id=pk, withdrawn_at__isnull=True).update(withdrawn_at=now)
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


# Consent given by a representative for the organisation ---------------------------------------


def consent_label() -> str:
    return gettext(
        "W imieniu organizacji wyrażam zgodę na przesyłanie jej wiadomości z wybranych tematów "
        "na potwierdzony adres organizacji."
    )


def consent_text(organization: Organization, recipient: Recipient, topics, representative) -> str:
    """The full text agreed to: who agreed for which organisation and address, the topics, the clause."""
    chosen = ", ".join(str(Topic(topic).label) for topic in sorted(topics))
    return "\n\n".join([
        consent_label(),
        gettext("Organizacja: %(name)s. Adres: %(email)s. Zgodę wyraził(a): %(person)s.")
        % {"name": organization.name, "email": recipient.email,
           "person": representative.full_name or representative.email},
        gettext("Wybrane tematy: %(topics)s.") % {"topics": chosen},
        *subscriptions.organization_clause(),
    ])


def needs_consent(recipient: Recipient | None) -> bool:
    """An organisation that could be mailed (confirmed address) but has no representative's agreement."""
    return recipient is not None and recipient.confirmed_at is not None and recipient.agreed_at is None


def agree(recipient: Recipient, *, topics, spheres, districts, language: str, request, representative) -> None:
    """A representative agrees, for the organisation, to mailings on these topics: recorded as proof.

    Changing the topics later is a new consent too, so the record always says what was agreed to.
    """
    with transaction.atomic():
        recipient = Recipient.objects.select_for_update().get(pk=recipient.pk)
        changed = subscriptions.set_choices(recipient, topics=topics, spheres=spheres, districts=districts)
        now = timezone.now()
        if changed or recipient.agreed_at is None or recipient.unsubscribed_at is not None:
            # The previous consent (other topics) is replaced by this one.
            recipient.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now)
            ConsentRecord.objects.create(
                recipient=recipient,
                email=recipient.email,
                text_version=subscriptions.CONSENT_TEXT_VERSION,
                text=consent_text(recipient.organization, recipient, topics, representative),
                ip_address=client_ip(request) or None,
                user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
                confirmed_at=now,
                given_by=representative,
            )
            recipient.agreed_at = now
        recipient.language = language
        recipient.unsubscribed_at = None
        recipient.save(update_fields=["agreed_at", "language", "unsubscribed_at", "updated_at"])


def withdraw(recipient: Recipient) -> None:
    """A representative withdraws the organisation's consent: no mailing reaches it until a new one."""
    subscriptions.unsubscribe(recipient)
    recipient.refresh_from_db(fields=["agreed_at"])

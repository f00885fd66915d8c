"""What the newsletter holds about a person, how it forgets them, and how long it keeps things.

A person's subscriptions are those linked to the account or sent to an address they proved is theirs.
Their consent records are the controller's proof of consent and withdrawal (RODO art. 7 ust. 1), so
deleting the account withdraws them and keeps them without the link to the account, the IP address or
the browser: the address, the text and the times are what proves the consent.
"""

from django.db.models import Q
from django.utils import timezone

from partnerstwo.accounts.personal_data import addresses_of
from partnerstwo.newsletter import subscriptions
from partnerstwo.newsletter.models import ConsentRecord, Delivery, Recipient


def _subscriptions(user):
    return Recipient.objects.subscribers().filter(Q(user=user) | Q(email__in=addresses_of(user)))


def _consents(user):
    return ConsentRecord.objects.filter(
        Q(recipient__in=_subscriptions(user).values("pk")) | Q(email__in=addresses_of(user), recipient=None)
    )


def _consent(record: ConsentRecord) -> dict:
    return {
        "email": record.email,
        "text_version": record.text_version,
        "text": record.text,
        "given_at": record.given_at,
        "confirmed_at": record.confirmed_at,
        "withdrawn_at": record.withdrawn_at,
        "ip_address": record.ip_address,
        "user_agent": record.user_agent,
    }


def export(user) -> dict:
    subscriptions_ = _subscriptions(user).prefetch_related("topics", "spheres", "districts").order_by("pk")
    deliveries = (
        Delivery.objects.filter(recipient__in=_subscriptions(user).values("pk"), status=Delivery.Status.SENT)
        .select_related("mailing").order_by("pk")
    )
    given_for_organizations = ConsentRecord.objects.filter(given_by=user).select_related("recipient__organization")
    return {
        "subscriptions": [
            {
                "email": recipient.email,
                "language": recipient.language,
                "topics": sorted(recipient.topic_set()),
                "spheres": [sphere.name for sphere in recipient.spheres.all()],
                "districts": [district.name for district in recipient.districts.all()],
                "signed_up_at": recipient.created_at,
                "confirmed_at": recipient.confirmed_at,
                "unsubscribed_at": recipient.unsubscribed_at,
            }
            for recipient in subscriptions_
        ],
        "consents": [_consent(record) for record in _consents(user).order_by("given_at", "pk")],
        "messages_sent": [
            {"subject": delivery.mailing.subject, "email": delivery.email, "sent_at": delivery.sent_at}
            for delivery in deliveries
        ],
        "consents_given_for_organizations": [
            {
                "organization": record.recipient.organization.name
                if record.recipient and record.recipient.organization else None,
                **_consent(record),
            }
            for record in given_for_organizations.order_by("given_at", "pk")
        ],
    }


def forget(user) -> None:
    """Subscriptions and the sending log's addresses go; consent records stay as proof, minimised."""
    own = _subscriptions(user)
    now = timezone.now()
    consents = _consents(user)
    # A consent never confirmed proves nothing: it goes. The others are withdrawn (deleting the account
    # ends the subscription) and lose what only helped to check them at the time.
    consents.filter(confirmed_at__isnull=True, withdrawn_at__isnull=True).delete()
    consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now)
    consents.update(ip_address=None, user_agent="")
    subscriptions.forget_deliveries_to(own)
    own.delete()  # topics cascade; consent records keep the address and the texts, recipient becomes NULL
    # Consents given for an organisation lose who gave them with the account (SET_NULL); the text names
    # the person who agreed, which the organisation's proof still needs, but not their IP and browser.
    ConsentRecord.objects.filter(given_by=user).update(ip_address=None, user_agent="")


def expire(now) -> dict[str, int]:
    unconfirmed, unconfirmed_consents = subscriptions.expire_unconfirmed(now)
    return {
        "unconfirmed_signups_deleted": unconfirmed,
        "unconfirmed_consents_deleted": unconfirmed_consents,
        "unsubscribed_deleted": subscriptions.purge_unsubscribed(now),
        "withdrawn_consents_deleted": subscriptions.delete_old_withdrawn_consents(now),
        "ip_addresses_dropped": subscriptions.drop_old_ip_addresses(now),
    }

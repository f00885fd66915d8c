"""The bulletin's media contacts (bulletin.MediaContact) as recipients of the bulletin's mailing.

A contact the Centre keeps is a journalist who agreed to receive the bulletin (the panel's form says so). The
mailing goes through the delivery rows like every other, so each contact's address needs a recipient: a
subscriber row is made for an address that has none (confirmed, with no topic: it receives nothing else), and its
token gives the message the same unsubscribe link as everyone's. An address that unsubscribed stays so.
"""

from django.db.models import QuerySet
from django.utils import timezone

from partnerstwo.bulletin.models import MediaContact
from partnerstwo.newsletter.models import Recipient


def media_recipients() -> QuerySet:
    emails = sorted({email.strip().lower() for email in MediaContact.objects.values_list("email", flat=True)})
    known = set(Recipient.objects.subscribers().filter(email__in=emails).values_list("email", flat=True))
    now = timezone.now()
    Recipient.objects.bulk_create(
        [Recipient(kind=Recipient.Kind.SUBSCRIBER, email=email, confirmed_at=now) for email in emails
         if email not in known],
        ignore_conflicts=True,
    )
    return Recipient.objects.subscribers().filter(email__in=emails)

"""One person's data in every app that holds some, and a stranger's beside it, for the export and deletion tests."""

from django.utils import timezone

from partnerstwo.feedback.models import FeedbackCategory, FeedbackMessage
from partnerstwo.newsletter.models import ConsentRecord, Recipient, RecipientTopic
from partnerstwo.organizations.tests.factories import organization, represent
from partnerstwo.small_grants.tests import factories as small_grant_factories

STRANGER = "obcy@example.org"


def subscription(email, *, user=None, topics=("grants",)):
    now = timezone.now()
    recipient = Recipient.objects.create(email=email, user=user, confirmed_at=now)
    RecipientTopic.objects.bulk_create([RecipientTopic(recipient=recipient, topic=topic) for topic in topics])
    consent = ConsentRecord.objects.create(
        recipient=recipient, email=email, text_version="v1", text="Wyrażam zgodę.", ip_address="192.0.2.7",
        user_agent="Testowa/1.0", confirmed_at=now,
    )
    return recipient, consent


def feedback(email, text):
    category = FeedbackCategory.objects.first() or FeedbackCategory.objects.create(name="Inne")
    now = timezone.now()
    return FeedbackMessage.objects.create(
        category=category, message=text, email=email, status=FeedbackMessage.Status.NEW, confirmed_at=now,
    )


def everything_of(user):
    """Data of `user` in each app, plus the same kinds of data of a stranger."""
    org = organization("Fundacja Eksportowa")
    represent(user, org)
    recipient, consent = subscription(user.email, user=user)
    subscription(STRANGER)
    feedback(user.email, "Na stronie kontaktu brakuje godzin otwarcia.")
    feedback(STRANGER, "Uwaga kogoś innego.")
    offer = small_grant_factories.offer(published_days_ago=1)
    confirmed_comment = small_grant_factories.comment(offer, email=user.email, author_name="Anna Mieszkańska",
                                                      text="Proszę o zajęcia w soboty.")
    unconfirmed_comment = small_grant_factories.comment(offer, email=user.email, confirmed=False, text="Druga uwaga.")
    small_grant_factories.comment(offer, email=STRANGER, author_name="Obcy", text="Uwaga obcego.")
    return {
        "organization": org, "recipient": recipient, "consent": consent, "offer": offer,
        "confirmed_comment": confirmed_comment, "unconfirmed_comment": unconfirmed_comment,
    }

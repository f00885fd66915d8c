"""Hostile input to the public newsletter pages (helper "newsletter-public"): sign-up, confirmation,
preferences, unsubscribe and an organisation's choices."""

from tests.test_hostile_input import Target

SETTINGS = {"NEWSLETTER_SIGNUP_RATE": "1000000/h"}


def _recipient(email, *, confirmed=True, unsubscribed=False):
    from django.utils import timezone

    from partnerstwo.newsletter.models import ConsentRecord, Recipient

    recipient, created = Recipient.objects.get_or_create(
        email=email, kind="subscriber",
        defaults={"confirmed_at": timezone.now() if confirmed else None,
                  "unsubscribed_at": timezone.now() if unsubscribed else None},
    )
    if created and not confirmed:
        ConsentRecord.objects.create(recipient=recipient, email=email, text_version="1", text="Zgoda")
    return recipient


def active_token(rows):
    return _recipient("wrogi.aktywny@example.org").token


def unconfirmed_token(rows):
    return _recipient("wrogi.nowy@example.org", confirmed=False).token


def unsubscribed_token(rows):
    return _recipient("wrogi.wypisany@example.org", unsubscribed=True).token


def represented_slug(rows):
    from django.utils import timezone

    from partnerstwo.accounts.models import User
    from partnerstwo.organizations.models import Representation
    from partnerstwo.organizations.tests.upkeep_helpers import hostile_organization

    organization = hostile_organization()
    if not organization.confirmed_contact_email:
        organization.confirmed_contact_email = organization.email
        organization.contact_email_confirmed_at = timezone.now()
        organization.save()
    user = User.objects.get(email="adam@fundacja-alfa.example.org")
    Representation.objects.get_or_create(user=user, organization=organization,
                                         defaults={"status": Representation.Status.APPROVED})
    return organization.slug


def sphere_id(rows):
    from partnerstwo.city.models import PublicTaskSphere

    return PublicTaskSphere.objects.first().pk


CHOICES = {"topics": "grants", "spheres": sphere_id, "districts": "1"}

TARGETS = [
    Target("newsletter: sign-up", "POST", "/newsletter/",
           {"email": "ewa.nowak@example.org", **CHOICES, "consent": "on"}),
    Target("newsletter: sign-up while logged in", "POST", "/newsletter/",
           {"email": "anna.mieszkanka@example.org", **CHOICES, "consent": "on"}, "resident"),
    Target("newsletter: confirmation link", "GET", "/newsletter/potwierdz/{token}/", {"token": unconfirmed_token}),
    Target("newsletter: confirmation", "POST", "/newsletter/potwierdz/{token}/", {"token": unconfirmed_token}),
    Target("newsletter: preferences link", "GET", "/newsletter/ustawienia/{token}/", {"token": active_token}),
    Target("newsletter: preferences", "POST", "/newsletter/ustawienia/{token}/",
           {"token": active_token, **CHOICES, "language": "en"}),
    Target("newsletter: subscribing again", "POST", "/newsletter/ustawienia/{token}/",
           {"token": unsubscribed_token, **CHOICES, "language": "pl", "consent": "on"}),
    Target("newsletter: unsubscribe link", "GET", "/newsletter/wypisz/{token}/", {"token": active_token}),
    Target("newsletter: unsubscribe", "POST", "/newsletter/wypisz/{token}/",
           {"token": active_token, "List-Unsubscribe": "One-Click"}),
    Target("newsletter: organisation's choices", "POST", "/newsletter/organizacja/{slug}/",
           {"slug": represented_slug, "receive": "on", **CHOICES, "language": "pl"}, "representative_a"),
]

import io

import pytest
from django.core.management import call_command

from partnerstwo.newsletter import demo_recipients
from partnerstwo.newsletter.models import ConsentRecord, Recipient
from partnerstwo.organizations.models import Organization, Representation

pytestmark = pytest.mark.django_db


def test_the_demo_recipients_load_twice_without_duplicates():
    for module in ("city", "accounts", "organizations", "events"):
        __import__(f"partnerstwo.{module}.demo", fromlist=["load"]).load(io.StringIO())
    demo_recipients.load(io.StringIO())
    counts = (Recipient.objects.count(), ConsentRecord.objects.count())
    demo_recipients.load(io.StringIO())

    assert (Recipient.objects.count(), ConsentRecord.objects.count()) == counts
    assert Recipient.objects.subscribers().active().count() == len(demo_recipients.SUBSCRIBERS) >= 15
    assert Recipient.objects.subscribers().filter(confirmed_at=None).count() == 2
    confirmed = Organization.objects.exclude(confirmed_contact_email="")
    assert Recipient.objects.organizations().count() == confirmed.count() >= 3
    agreed = Recipient.objects.organizations().active()
    assert 0 < agreed.count() < confirmed.count()  # some organisations agreed, some were not asked yet
    assert ConsentRecord.objects.filter(recipient__in=agreed).count() == agreed.count()
    demo_representative = Representation.objects.filter(user__email="organizacja@example.org")
    assert not agreed.filter(organization__in=demo_representative.values("organization")).exists()
    assert Recipient.objects.exclude(spheres=None).exists()
    assert Recipient.objects.exclude(districts=None).exists()


def test_the_demo_sign_ups_are_not_expired_by_the_scheduler_at_once():
    demo_recipients.load(io.StringIO())
    call_command("expire_newsletter_signups")
    assert Recipient.objects.subscribers().filter(confirmed_at=None).count() == 2

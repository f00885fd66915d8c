"""What a role lets a person see in the site's account links."""

import pytest
from django.urls import reverse

from partnerstwo.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", User.Role.values)
def test_only_a_residents_account_is_a_resident(role):
    assert User(role=role).is_resident is (role == User.Role.RESIDENT)


def test_the_account_links_offer_my_events_to_everyone_but_a_resident(client, resident, representative_a):
    my_events = reverse("my_events:index")

    client.force_login(resident)
    assert my_events not in client.get(reverse("accounts:profile")).content.decode()
    client.force_login(representative_a)
    assert my_events in client.get(reverse("accounts:profile")).content.decode()

"""The information clause: organisations' basis, transfers outside the EEA, and the short clause for
representatives; topics nothing sends yet are labelled honestly in the forms."""

import pytest
from django.urls import reverse

from partnerstwo.newsletter.forms import SignupForm
from partnerstwo.newsletter.models import Topic
from partnerstwo.newsletter.tests.alert_factories import organization_recipient
from partnerstwo.organizations.tests.factories import represent

pytestmark = pytest.mark.django_db

NOT_YET = "wysyłka ruszy, gdy ta część serwisu zostanie uruchomiona"


def with_controller(settings, **changes):
    city = dict(settings.CITY)
    city["data_controller"] = {**city["data_controller"], **changes}
    settings.CITY = city


def test_the_sign_up_clause_says_organisations_are_mailed_only_with_a_representatives_consent(client):
    page = client.get(reverse("newsletter:subscribe")).content.decode()

    assert "dopiero gdy jej przedstawiciel wyrazi na to zgodę w imieniu organizacji" in page
    assert "art. 398 Prawa komunikacji elektronicznej" in page


def test_without_declared_transfers_the_clause_says_data_stays_in_the_eea(client, settings):
    city = dict(settings.CITY)
    city["data_controller"] = {k: v for k, v in city["data_controller"].items() if k != "third_country_transfers"}
    settings.CITY = city

    page = client.get(reverse("newsletter:subscribe")).content.decode()

    assert "Nie przekazujemy danych poza Europejski Obszar Gospodarczy." in page


def test_declared_transfers_are_shown_instead(client, settings):
    with_controller(settings, third_country_transfers="Dane przekazujemy do USA na podstawie decyzji KE.")

    page = client.get(reverse("newsletter:subscribe")).content.decode()

    assert "Dane przekazujemy do USA na podstawie decyzji KE." in page
    assert "Nie przekazujemy danych poza" not in page


def test_the_organisation_page_has_a_short_clause_with_a_link_to_the_privacy_policy(client, representative_a):
    organization = organization_recipient("Fundacja Gamma").organization
    represent(representative_a, organization)
    client.force_login(representative_a)

    page = client.get(reverse("newsletter:organization", args=[organization.slug])).content.decode()

    assert "Informacja o przetwarzaniu danych osobowych" in page
    assert "Prezydent Miasta Białegostoku" in page
    assert "art. 6 ust. 1 lit. a RODO" in page
    assert "Europejski Obszar Gospodarczy" in page
    assert reverse("pages:page", args=["polityka-prywatnosci"]) in page


def test_topics_nothing_sends_yet_are_labelled_in_the_form_but_not_for_staff(client):
    labels = dict(SignupForm().fields["topics"].choices)

    assert NOT_YET in str(labels[Topic.CONSULTATIONS])
    assert NOT_YET not in str(labels[Topic.POSITIONS])
    assert NOT_YET not in str(labels[Topic.NEWS])
    assert NOT_YET not in str(Topic.CONSULTATIONS.label)
    assert NOT_YET in client.get(reverse("newsletter:subscribe")).content.decode()

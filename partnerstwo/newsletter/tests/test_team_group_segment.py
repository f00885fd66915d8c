"""A one-off mailing to the members of a sector group or working team of the advisory body: its member
organisations at their recipient address (as every organisation segment), and its person members who are
subscribers; nobody outside the group, no person member without a subscription, no organisation nobody agreed
for. Staff choose the group when writing the mailing; without it the form says so."""

import pytest
from django.urls import reverse

from partnerstwo.newsletter.audience import audience_size, describe
from partnerstwo.newsletter.models import Mailing
from partnerstwo.newsletter.tests.test_audience import emails, member_organization, subscriber
from partnerstwo.newsletter.tests.test_panel_mailings import form_data
from partnerstwo.team.models import Body, Group, GroupMember

Segment = Mailing.Segment


@pytest.fixture
def culture(db):
    return Group.objects.create(body=Body.objects.the_body(), name="Grupa branżowa: kultura", slug="kultura")


@pytest.fixture
def other_group(db):
    return Group.objects.create(body=Body.objects.the_body(), name="Grupa: sport", slug="sport")


def test_the_group_segment_reaches_its_organisations_and_subscribed_people_only(culture, other_group):
    alfa = member_organization("Fundacja Alfa", "alfa@example.org")
    not_agreed = member_organization("Fundacja Beta", "beta@example.org", agreed=False)
    outside = member_organization("Klub Sportowy", "sport@example.org")
    GroupMember.objects.create(group=culture, organization=alfa.organization)
    GroupMember.objects.create(group=culture, organization=not_agreed.organization)
    GroupMember.objects.create(group=other_group, organization=outside.organization)
    GroupMember.objects.create(group=culture, person_name="Ewa Ekspertka", email="Ewa@Example.org")
    GroupMember.objects.create(group=culture, person_name="Jan Bez Subskrypcji", email="jan@example.org")
    GroupMember.objects.create(group=culture, person_name="Bez Adresu")
    subscriber("ewa@example.org")
    subscriber("ktos@example.org")  # a subscriber outside the group
    subscriber("olek@example.org", active=False)
    GroupMember.objects.create(group=culture, person_name="Olek Niepotwierdzony", email="olek@example.org")

    mailing = Mailing(segment=Segment.TEAM_GROUP, team_group=culture)

    assert emails(mailing) == {"alfa@example.org", "ewa@example.org"}
    assert audience_size(mailing) == {"addresses": 2, "suppressed": 0, "reachable": 2}
    assert describe(mailing) == "członkowie grupy branżowej lub zespołu roboczego: Grupa branżowa: kultura"
    assert emails(Mailing(segment=Segment.TEAM_GROUP, team_group=other_group)) == {"sport@example.org"}
    assert emails(Mailing(segment=Segment.TEAM_GROUP)) == set()


def test_staff_choose_the_group_when_writing_a_mailing(client, official_x, culture):
    client.force_login(official_x)
    url = reverse("panel:newsletter_panel:create")
    page = client.get(url).content.decode()
    assert "Grupa branżowa: kultura" in page

    missing = client.post(url, form_data(segment=Segment.TEAM_GROUP, team_group="", subject="Do grupy"))
    assert "Wybierz grupę branżową lub zespół roboczy" in missing.context["form"].errors["team_group"][0]
    bad = client.post(url, form_data(segment=Segment.TEAM_GROUP, team_group="999999", subject="Do grupy"))
    assert "team_group" in bad.context["form"].errors
    assert not Mailing.objects.exists()

    client.post(url, form_data(segment=Segment.TEAM_GROUP, team_group=culture.pk, subject="Do grupy"))
    assert Mailing.objects.get().team_group == culture
    # Another segment's parameter is not kept.
    client.post(url, form_data(segment=Segment.ALL_ORGANIZATIONS, team_group=culture.pk, subject="Do wszystkich"))
    assert Mailing.objects.get(subject="Do wszystkich").team_group is None

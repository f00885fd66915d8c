"""A member's data in the account export, and what deleting the account leaves in the public history."""

import json
import os

import pytest

from partnerstwo.accounts import data_rights
from partnerstwo.accounts.deletion import delete_account
from partnerstwo.team.models import Membership
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def seat(settings, tmp_path, team_member):
    settings.MEDIA_ROOT = tmp_path
    seat = Membership.objects.get(user=team_member)
    seat.email = "prywatny@example.org"
    seat.photo = f.photo()
    seat.save()
    f.seat(name="Ktoś Inny", email="inny@example.org")
    return seat


def test_the_export_lists_the_persons_seats_only(team_member, seat):
    exported = json.loads(data_rights.export_json(team_member))["data"]["team"]["team_memberships"]

    assert [entry["name"] for entry in exported] == ["Tomasz Zespołowy"]
    assert exported[0]["email"] == "prywatny@example.org" and exported[0]["has_photo"]


def test_deleting_the_account_keeps_the_seat_in_the_history_without_the_photo_and_address(team_member, seat):
    photo_path = seat.photo.path

    delete_account(user=team_member)

    seat.refresh_from_db()
    assert (seat.person_name, seat.user, seat.email, seat.photo.name) == ("Tomasz Zespołowy", None, "", "")
    assert not os.path.exists(photo_path)
    assert Membership.objects.get(person_name="Ktoś Inny").email == "inny@example.org"


def test_remarks_on_draft_minutes_are_exported_and_lose_the_name_with_the_account(team_member, seat):
    from partnerstwo.team.meetings import minutes

    meeting = f.meeting(-1)
    minutes.add_comment(meeting=meeting, user=team_member, text="Dopiszmy termin.")
    exported = json.loads(data_rights.export_json(team_member))["data"]["team"]
    assert [c["text"] for c in exported["minutes_comments"]] == ["Dopiszmy termin."]

    delete_account(user=team_member)

    comment = meeting.minutes_comments.get()
    assert (comment.text, comment.author, comment.author_name) == ("Dopiszmy termin.", None, "")


def test_a_place_in_a_group_is_exported_and_its_account_and_address_forgotten(db):
    from conftest import make_user
    from partnerstwo.team import personal_data
    from partnerstwo.team.models import Group, GroupMember

    user = make_user("ola@example.org", "resident")
    group = Group.objects.create(body=f.body(), name="Grupa: kultura", slug="kultura")
    member = GroupMember.objects.create(group=group, person_name="Ola", user=user, email="ola.prywatnie@example.org",
                                        role="coordinator")

    exported = personal_data.export(user)["team_group_memberships"]
    assert exported[0]["group"] == "Grupa: kultura" and exported[0]["email"] == "ola.prywatnie@example.org"
    personal_data.forget(user)
    member.refresh_from_db()
    assert (member.user, member.email, member.person_name) == (None, "", "Ola")

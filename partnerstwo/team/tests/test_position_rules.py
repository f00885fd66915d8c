"""The result of a vote under the body's rules, at their edges: the quorum of those taking part, consensus,
a simple majority, the chair's vote on a tie; and the register numbers and the 14-day deadline."""

import datetime as dt

import pytest

from partnerstwo.team.models import Body, Position
from partnerstwo.team.positions import voting
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db

M = Position.Method
BOTH = Body.MajorityRule.CONSENSUS_THEN_MAJORITY
MAJORITY = Body.MajorityRule.SIMPLE_MAJORITY
CONSENSUS = Body.MajorityRule.CONSENSUS


def votes(*choices) -> dict[int, str]:
    return dict(enumerate(choices, start=1))


@pytest.mark.parametrize(("rule", "cast", "method"), [
    (BOTH, ("for", "for", "abstain", "for", "for"), M.CONSENSUS),
    (BOTH, ("for", "for", "against", "for", "for"), M.MAJORITY),
    (BOTH, ("for", "against", "against", "for", "abstain"), M.NO_MAJORITY),
    (BOTH, ("abstain",) * 5, M.NO_MAJORITY),
    (MAJORITY, ("for", "for", "abstain", "for", "for"), M.MAJORITY),
    (MAJORITY, ("for", "for", "against", "against", "against"), M.NO_MAJORITY),
    (CONSENSUS, ("for", "for", "for", "for", "against"), M.NO_CONSENSUS),
    (CONSENSUS, ("for", "abstain", "for", "for", "for"), M.CONSENSUS),
])
def test_the_result_follows_the_bodys_rule(rule, cast, method):
    body = f.body(majority_rule=rule)

    found = voting.tally(body, votes(*cast), voters_count=10, chair_ids=set())

    assert found.method == method
    assert found.adopted is (method in (M.CONSENSUS, M.MAJORITY, M.CHAIR))


@pytest.mark.parametrize(("voters", "taking_part", "method"), [(10, 4, M.NO_QUORUM), (10, 5, M.CONSENSUS),
                                                               (9, 4, M.NO_QUORUM), (9, 5, M.CONSENSUS),
                                                               (0, 0, M.NO_QUORUM)])
def test_at_least_the_quorum_must_take_part(voters, taking_part, method):
    body = f.body(quorum_percent=50)

    found = voting.tally(body, votes(*["for"] * taking_part), voters_count=voters, chair_ids=set())

    assert found.method == method


@pytest.mark.parametrize(("chair_vote", "decides", "method"), [
    ("for", True, M.CHAIR), ("against", True, M.NO_MAJORITY), ("for", False, M.NO_MAJORITY),
])
def test_on_a_tie_the_chairs_vote_decides_when_the_rules_say_so(chair_vote, decides, method):
    body = f.body(majority_rule=MAJORITY, chair_decides_tie=decides)
    other = "against" if chair_vote == "for" else "for"
    cast = {1: chair_vote, 2: other, 3: chair_vote, 4: other, 5: "abstain"}

    assert voting.tally(body, cast, voters_count=8, chair_ids={1}).method == method


def test_a_tie_without_the_chairs_vote_is_no_majority():
    body = f.body(majority_rule=MAJORITY)

    assert voting.tally(body, {2: "for", 3: "against", 4: "for", 5: "against"}, voters_count=6,
                           chair_ids={1}).method == M.NO_MAJORITY


def decided(title, choices, seats):
    position = voting.save_draft(position=Position(body=f.body(), title=title, text="Treść."))
    voting.open_electronic_vote(position=position, until=f.at(1))
    for seat, choice in zip(seats, choices, strict=True):
        voting.cast(position=position, seat=seat, choice=choice)
    Position.objects.filter(pk=position.pk).update(voting_until=f.at(-1))
    voting.close(position=position)
    return Position.objects.get(pk=position.pk)


def test_adopted_positions_are_numbered_in_the_register_of_their_year_rejected_ones_are_not():
    seats = f.members(3)
    first = decided("Pierwsze", ["for"] * 3, seats)
    rejected = decided("Odrzucone", ["against", "against", "for"], seats)
    second = decided("Drugie", ["for", "for", "abstain"], seats)

    year = f.today().year
    assert (first.register_label, second.register_label) == (f"1/{year}", f"2/{year}")
    assert rejected.status == "rejected" and rejected.register_number is None


def test_an_opinion_on_the_programme_is_due_fourteen_days_after_delivery():
    opinion = Position(body=f.body(), concerns=Position.Concerns.PROGRAMME, delivered_on=dt.date(2026, 11, 20))

    assert voting.due_on(opinion) == dt.date(2026, 12, 4)
    assert voting.due_on(Position(concerns=Position.Concerns.TOPIC, delivered_on=dt.date(2026, 11, 20))) is None


@pytest.fixture
def due_soon(db):
    from partnerstwo.team.tests.factories import seat

    seat(name="Maria", email="maria@example.org")
    seat(name="Bez Adresu")
    seat(name="Odeszła", email="odeszla@example.org", left_on=f.days(-1))
    return voting.save_draft(position=Position(
        body=f.body(), kind="opinion", title="Opinia o programie", text="T", concerns=Position.Concerns.PROGRAMME,
        delivered_on=f.days(-11),
    ))


def test_the_members_are_reminded_once_of_an_opinion_due_within_three_days(
    due_soon, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_team_opinion_deadlines")
        call_command("remind_team_opinion_deadlines")

    assert [message.to for message in mail.outbox] == [["maria@example.org"]]
    assert "Termin opinii" in mail.outbox[0].subject and "art. 41i ust. 2" in mail.outbox[0].body
    assert Position.objects.get(pk=due_soon.pk).reminded_at is not None


@pytest.mark.parametrize(("delivered_days_ago", "status", "reminded"), [
    (10, "draft", False), (11, "draft", True), (14, "voting", True), (15, "draft", False), (12, "adopted", False),
])
def test_who_is_due_for_a_reminder(delivered_days_ago, status, reminded):
    position = Position(body=f.body(), title="Opinia", text="T", concerns=Position.Concerns.STRATEGY,
                        delivered_on=f.days(-delivered_days_ago), status=status)
    if status == "adopted":
        position.register_year, position.register_number = 2026, 1
    position.save()

    assert voting.due_for_reminder().filter(pk=position.pk).exists() is reminded


def test_a_topic_without_a_statutory_deadline_has_no_reminder():
    position = voting.save_draft(position=Position(body=f.body(), title="T", text="T", delivered_on=f.days(-11)))

    assert position.due_on is None and not voting.due_for_reminder().exists()


@pytest.mark.parametrize(("respond_in_days", "reminded"), [(4, False), (3, True), (0, True), (-1, False)])
def test_a_position_in_a_consultation_is_reminded_of_before_the_consultation_ends(respond_in_days, reminded):
    position = voting.save_draft(position=Position(body=f.body(), title="T", text="T"))
    Position.objects.filter(pk=position.pk).update(respond_by=f.days(respond_in_days))

    assert voting.due_for_reminder().filter(pk=position.pk).exists() is reminded


def test_the_consultation_reminder_names_the_consultations_end_not_the_act(django_capture_on_commit_callbacks):
    from django.core import mail
    from django.core.management import call_command

    from partnerstwo.team.tests.factories import seat

    seat(name="Maria", email="maria@example.org")
    position = voting.save_draft(position=Position(body=f.body(), title="Uchwała o parkach", text="T"))
    Position.objects.filter(pk=position.pk).update(respond_by=f.days(2))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_team_opinion_deadlines")

    [message] = mail.outbox
    assert "Konsultacje trwają do" in message.subject and "Uchwała o parkach" in message.subject
    assert "art. 41i" not in message.body and "konsultacje" in message.body


@pytest.mark.parametrize("published", [True, False])
def test_each_members_vote_is_published_as_the_bodys_rules_say(client, published, django_capture_on_commit_callbacks,
                                                                department_x):
    from django.core import mail

    from partnerstwo.city.models import Department

    f.body(publish_member_votes=published)
    Department.objects.filter(pk=department_x.pk).update(email="wydzial@um.example.org")
    seats = [f.seat(name="Zofia Głosująca"), f.seat(name="Adam Głosujący")]
    position = voting.save_draft(position=Position(body=f.body(), title="Stanowisko", text="Treść."),
                                 addressed_to=[department_x])
    voting.open_electronic_vote(position=position, until=f.at(1))
    for seat in seats:
        voting.cast(position=position, seat=seat, choice="for")
    Position.objects.filter(pk=position.pk).update(voting_until=f.at(-1))
    with django_capture_on_commit_callbacks(execute=True):
        voting.close(position=position)

    page = client.get(position.get_absolute_url()).content.decode()
    assert "Za 2, przeciw 0, wstrzymało się 0." in page  # the numbers always
    assert ("Zofia Głosująca" in page) is published
    assert ("Zofia Głosująca" in mail.outbox[0].body) is published
    body_page = client.get("/zespol/").content.decode()
    assert ("głos każdego członka jest jawny" if published else "publikowane są tylko liczby głosów") in body_page

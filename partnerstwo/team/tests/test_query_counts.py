"""Every page of the body that lists something (terms, members, meetings, agenda items with their documents, guests,
attendance, action items, comments, positions with each member's vote, amendments, legal acts, groups and their
meetings) takes the same number of queries however much it lists: measured once, then again after one more of
everything, and again after three more."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_user
from partnerstwo.city.models import Department
from partnerstwo.team.models import (
    ActionItem,
    AgendaDocument,
    AgendaItem,
    Amendment,
    Attendance,
    Group,
    GroupMember,
    Guest,
    LegalAct,
    Meeting,
    MinutesComment,
    Position,
    PositionVote,
    Term,
)
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(db, settings, tmp_path, department_x):
    settings.MEDIA_ROOT = tmp_path
    secretary = make_user("sekretarz@zespol.example.org", "team_member")
    current = f.term()
    f.seat(current, name="Sylwia Sekretarz", user=secretary, role="secretary")
    later = f.meeting(-10, title="Posiedzenie z projektem protokołu")
    held = f.meeting(-30, title="Posiedzenie odbyte")
    Meeting.objects.filter(pk=held.pk).update(minutes_status=Meeting.MinutesStatus.APPROVED, approved_at_meeting=later,
                                              approval_for=1, approval_against=0, approval_abstain=0)
    coming = f.meeting(7, title="Posiedzenie z wydziałem")
    draft = Position.objects.create(body=f.body(), title="Projekt stanowiska", text="Treść.")
    adopted = Position.objects.create(body=f.body(), title="Stanowisko przyjęte", text="Treść.",
                                      status=Position.Status.ADOPTED, register_year=2026, register_number=1,
                                      vote_mode=Position.VoteMode.ELECTRONIC)
    group = Group.objects.create(body=f.body(), kind="sector", name="Grupa branżowa: kultura", slug="kultura")
    made = {"secretary": secretary, "current": current, "held": held, "later": later, "coming": coming,
            "draft": draft, "adopted": adopted, "group": group, "department": department_x, "n": 0}
    grow(made)
    return made


def grow(s) -> None:
    """One more of everything the pages list."""
    n = s["n"] = s["n"] + 1
    first = min(s["current"].body.terms.values_list("starts_on", flat=True))
    Term.objects.create(body=f.body(), number=100 + n, starts_on=first - dt.timedelta(days=400),
                        ends_on=first - dt.timedelta(days=1))
    department = Department.objects.create(name=f"Wydział {n}", short_name=f"W{n}")
    seat = f.seat(s["current"], name=f"Członek {n:02d}", represents="organization")
    for meeting in (s["held"], s["later"], s["coming"]):
        meeting.departments.add(department)
        item = AgendaItem.objects.create(meeting=meeting, position=10 + n, title=f"Punkt {n}", department=department,
                                         votes_for=1, votes_against=0, votes_abstain=0)
        AgendaDocument.objects.create(item=item, title=f"Dokument {n}", file=f.pdf(f"dokument-{n}.pdf"))
        Guest.objects.create(meeting=meeting, name=f"Gość {n}", affiliation=department.name)
        ActionItem.objects.create(meeting=meeting, item=item, what=f"Zadanie {n}", owner=seat, due_on=f.days(30))
        if meeting.has_started:
            Attendance.objects.create(meeting=meeting, membership=seat, status=Attendance.Status.PRESENT)
        else:
            Attendance.objects.create(meeting=meeting, membership=seat, response=Attendance.Response.COMING)
    MinutesComment.objects.create(meeting=s["later"], item=s["later"].items.last(), author_name=f"Członek {n}",
                                  text="Uwaga.")
    PositionVote.objects.create(position=s["adopted"], membership=seat, choice=PositionVote.Choice.FOR)
    Amendment.objects.create(position=s["draft"], text=f"Poprawka {n}", proposed_by_name=seat.person_name)
    act = LegalAct.objects.create(body=f.body(), title=f"Akt {n}", department=department)
    Position.objects.create(body=f.body(), title=f"Stanowisko {n}", text="T", status=Position.Status.ADOPTED,
                            register_year=2025, register_number=n, legal_act=act, concerns=Position.Concerns.LEGAL_ACT,
                            vote_mode=Position.VoteMode.MEETING, meeting=s["held"])
    group = Group.objects.create(body=f.body(), kind="working", name=f"Zespół roboczy {n}", slug=f"roboczy-{n}")
    for each in (s["group"], group):
        GroupMember.objects.create(group=each, organization=f.organization(f"Fundacja {n} {each.slug}"))
        GroupMember.objects.create(group=each, person_name=f"Osoba {n}", is_city_representative=True)
    Meeting.objects.create(group=s["group"], title=f"Spotkanie {n}", starts_at=f.at(-n), ends_at=f.at(-n, 18))
    Meeting.objects.create(group=s["group"], title=f"Spotkanie przyszłe {n}", starts_at=f.at(n), ends_at=f.at(n, 18))


def lists(s) -> list[tuple[str, str]]:
    team = lambda name, *args: reverse(f"team:{name}", args=args)  # noqa: E731
    panel = lambda name, *args: reverse(f"panel:team_panel:{name}", args=args)  # noqa: E731
    public = [
        team("body"), team("terms"), team("term", s["current"].number), team("department", s["department"].pk),
        team("legal_acts"), team("meetings"), team("meeting", s["held"].pk), team("meeting", s["coming"].pk),
        team("positions"), team("position", s["adopted"].pk), team("groups"), team("group", "kultura"),
    ]
    members = [team("member_home"), team("member_position", s["draft"].pk), team("member_meeting", s["later"].pk),
               team("member_meeting", s["coming"].pk)]
    staff = [
        panel("index"), panel("term", s["current"].pk), panel("meetings"), panel("meeting", s["coming"].pk),
        panel("meeting", s["later"].pk), panel("attendance", s["later"].pk), panel("minutes", s["later"].pk),
        panel("positions"), panel("position", s["draft"].pk), panel("position", s["adopted"].pk),
        panel("meeting_vote", s["draft"].pk, s["later"].pk), panel("legal_acts"), panel("groups"),
        panel("group", s["group"].pk), panel("group_meetings", s["group"].pk),
    ]
    return [("", p) for p in public] + [("secretary", p) for p in members + staff]


def counted(client, path, django_assert_num_queries, expected=None) -> int:
    client.get(path)  # caches warmed (the city's configuration, the site's menu)
    if expected is None:
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
        assert response.status_code == 200, path
        return len(context.captured_queries)
    with django_assert_num_queries(expected, info=path):
        assert client.get(path).status_code == 200, path
    return expected


def test_every_list_of_the_body_takes_the_same_number_of_queries_at_every_size(scene, client,
                                                                              django_assert_num_queries):
    from partnerstwo.lib.testing import TwoFactorClient

    stranger = TwoFactorClient()
    client.force_login(scene["secretary"])
    # Each public page as a stranger and as the secretary; the members' and staff pages as the secretary.
    views = [(client, path) for _who, path in lists(scene)] + [(stranger, p) for who, p in lists(scene) if not who]
    first = [counted(each, path, django_assert_num_queries) for each, path in views]

    grow(scene)
    for (each, path), expected in zip(views, first, strict=True):
        counted(each, path, django_assert_num_queries, expected)
    for _ in range(3):
        grow(scene)
    for (each, path), expected in zip(views, first, strict=True):
        counted(each, path, django_assert_num_queries, expected)

"""Every page of the advisory body, role by role, in one table: the public pages open to all; the members' area to
whoever sits on the body today (a Team member, an official holding a seat) and the body's staff; the staff pages to
the secretary of today (a Team member or an official on the secretary's seat) and administrators. A former member
(who left, or whose term ended), a guest invited to a meeting, an official without a seat, a representative and a
resident get a 403 on the private pages and change nothing by posting to them; a stranger is sent to sign in."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from conftest import PASSWORD, STAFF_TOTP_SECRET, make_user
from partnerstwo.team.models import (
    ActionItem,
    AgendaItem,
    Amendment,
    Attendance,
    Group,
    GroupMember,
    Guest,
    LegalAct,
    Meeting,
    Membership,
    Position,
    Term,
)
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db

PUBLIC, MEMBERS, STAFF = "public", "members", "staff"
# Who may open what: every role of the site, the body's own ones split by their seat.
ROLES = {
    "anonymous": {PUBLIC},
    "resident": {PUBLIC},
    "representative": {PUBLIC},
    "guest": {PUBLIC},
    "official": {PUBLIC},
    "former_left": {PUBLIC},
    "former_term": {PUBLIC},
    "member": {PUBLIC, MEMBERS},
    "official_member": {PUBLIC, MEMBERS},
    "secretary": {PUBLIC, MEMBERS, STAFF},
    "official_secretary": {PUBLIC, MEMBERS, STAFF},
    "administrator": {PUBLIC, MEMBERS, STAFF},
}


@pytest.fixture
def scene(db, department_x):
    """A body with a past term, the current one and one of everything its pages show."""
    current = f.term()
    past = Term.objects.create(body=f.body(), number=current.number + 1, starts_on=f.days(-2000),
                               ends_on=current.starts_on - dt.timedelta(days=1))
    seats = f.members(3, current)
    held = f.meeting(-30, title="Posiedzenie odbyte", items=["Program współpracy"])
    f.attend(held, seats)
    later = f.meeting(-10, title="Posiedzenie z projektem protokołu", items=["Lokale"])
    Meeting.objects.filter(pk=held.pk).update(minutes_status=Meeting.MinutesStatus.APPROVED, approved_at_meeting=later,
                                              approval_for=3, approval_against=0, approval_abstain=0)
    coming = f.meeting(7, title="Posiedzenie z wydziałem", items=["Opinia o konkursie"])
    coming.departments.add(department_x)
    guest = Guest.objects.create(meeting=coming, name="Gość Zaproszony", email="gosc.zaproszony@example.org")
    action = ActionItem.objects.create(meeting=held, what="Przygotować uwagi", owner=seats[0], due_on=f.days(20))
    act = LegalAct.objects.create(body=f.body(), title="Program współpracy", department=department_x)
    draft = Position.objects.create(body=f.body(), title="Projekt stanowiska", text="Treść.")
    amendment = Amendment.objects.create(position=draft, text="Poprawka.", proposed_by_name="Jan")
    adopted = Position.objects.create(body=f.body(), title="Stanowisko przyjęte", text="Treść.",
                                      status=Position.Status.ADOPTED, register_year=2026, register_number=1,
                                      vote_mode=Position.VoteMode.ELECTRONIC)
    group = Group.objects.create(body=f.body(), kind="sector", name="Grupa branżowa: kultura", slug="kultura")
    organization = f.organization("Fundacja Kultury")
    group_member = GroupMember.objects.create(group=group, organization=organization)
    group_meeting = Meeting.objects.create(group=group, title="Spotkanie grupy", starts_at=f.at(12),
                                           ends_at=f.at(12, 18))
    seat = seats[0]
    return {
        "current": current, "past": past, "seat": seat, "held": held, "later": later, "coming": coming,
        "item": coming.items.get(), "guest": guest, "action": action, "act": act, "draft": draft,
        "amendment": amendment, "adopted": adopted, "group": group, "group_member": group_member,
        "group_meeting": group_meeting, "department": department_x,
    }


def pages(s) -> list[tuple[str, str]]:
    """(kind, path) of every page of the body, public, the members' and the staff's."""
    team = lambda name, *args: reverse(f"team:{name}", args=args)  # noqa: E731
    panel = lambda name, *args: reverse(f"panel:team_panel:{name}", args=args)  # noqa: E731
    public = [
        team("body"), team("terms"), team("term", s["current"].number), team("term", s["past"].number),
        team("department", s["department"].pk), team("legal_acts"), team("meetings"), team("meeting", s["held"].pk),
        team("meeting", s["coming"].pk), team("meeting_ics", s["coming"].pk), team("minutes_pdf", s["held"].pk),
        team("positions"), team("position", s["adopted"].pk), team("groups"), team("group", "kultura"),
        team("group_meeting", "kultura", s["group_meeting"].pk),
    ]
    members = [team("member_home"), team("member_position", s["draft"].pk), team("member_meeting", s["later"].pk),
               team("member_meeting", s["coming"].pk)]
    coming, item, term = s["coming"].pk, s["item"].pk, s["current"].pk
    staff = [
        panel("index"), panel("body"), panel("term_create"), panel("term", term), panel("term_edit", term),
        panel("membership_create", term), panel("term_delete", term), panel("membership_edit", s["seat"].pk),
        panel("membership_delete", s["seat"].pk),
        panel("meetings"), panel("meeting_create"), panel("meeting", coming), panel("meeting_edit", coming),
        panel("meeting_cancel", coming), panel("meeting_delete", coming), panel("invitations_send", coming),
        panel("item_create", coming), panel("guest_add", coming), panel("attendance", s["later"].pk),
        panel("minutes", s["later"].pk), panel("action_create", s["later"].pk), panel("approve", s["later"].pk),
        panel("minutes_publish", s["later"].pk), panel("item_edit", item), panel("item_move", item),
        panel("item_delete", item), panel("document_add", item), panel("item_minutes", s["later"].items.get().pk),
        panel("guest_delete", s["guest"].pk), panel("action_done", s["action"].pk),
        panel("positions"), panel("position_create"), panel("position", s["draft"].pk),
        panel("position_edit", s["draft"].pk), panel("position_close", s["draft"].pk),
        panel("meeting_vote", s["draft"].pk, s["later"].pk), panel("amendment_decide", s["amendment"].pk),
        panel("legal_acts"), panel("legal_act_create"), panel("legal_act_edit", s["act"].pk),
        panel("groups"), panel("group_create"), panel("group", s["group"].pk),
        panel("group_member_create", s["group"].pk), panel("group_meetings", s["group"].pk),
        panel("group_meeting_create", s["group"].pk), panel("group_member_remove", s["group_member"].pk),
        panel("meeting", s["group_meeting"].pk),
    ]
    return [(PUBLIC, p) for p in public] + [(MEMBERS, p) for p in members] + [(STAFF, p) for p in staff]


def account(role: str, s, department_y) -> object | None:
    """The account of one role in the scene (None: a stranger)."""
    if role == "anonymous":
        return None
    if role == "administrator":
        from allauth.account.models import EmailAddress

        from partnerstwo.accounts.models import User
        from partnerstwo.lib.testing import give_totp

        user = User.objects.create_superuser(email="admin@um.example.org", password=PASSWORD, full_name="Ada Admin")
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        give_totp(user, STAFF_TOTP_SECRET)
        return user
    if role == "guest":  # invited by e-mail to the coming meeting, with an account of a resident
        return make_user(s["guest"].email, "resident")
    if role in ("official", "official_member", "official_secretary"):
        user = make_user(f"{role}@um.example.org", "official", department=department_y)
    elif role == "representative":
        user = make_user("rep@example.org", "representative")
        from partnerstwo.organizations.tests import factories as directory

        directory.represent(user, s["group_member"].organization)
    elif role == "resident":
        return make_user("mieszkanka@example.org", "resident")
    else:
        user = make_user(f"{role}@zespol.example.org", "team_member")
    seat_role = Membership.Role.SECRETARY if role.endswith("secretary") else Membership.Role.MEMBER
    if role == "former_left":
        f.seat(s["current"], name="Odeszła Wczoraj", user=user, left_on=f.days(-1))
    elif role == "former_term":
        f.seat(s["past"], name="Poprzednia Kadencja", user=user)
    elif role in ("member", "official_member", "secretary", "official_secretary"):
        f.seat(s["current"], name=role, user=user, role=seat_role)
    return user


def expected(role: str, kind: str, admin_status: int) -> int:
    if kind in ROLES[role]:
        return admin_status
    return 302 if role == "anonymous" else 403


@pytest.fixture
def admin_statuses(scene, department_y, client):
    """What the administrator gets on each page: every other role allowed there gets the same."""
    client.force_login(account("administrator", scene, department_y))
    found = {path: client.get(path).status_code for _kind, path in pages(scene)}
    client.logout()
    return found


def test_the_administrator_reaches_every_page(admin_statuses):
    # 405: the address takes only a POST (a button on another page).
    assert set(admin_statuses.values()) <= {200, 405}, admin_statuses
    assert sum(status == 200 for status in admin_statuses.values()) > 45


@pytest.mark.parametrize("role", [r for r in ROLES if r != "administrator"])
def test_each_role_opens_what_it_may_and_nothing_else(role, scene, department_y, admin_statuses, client):
    user = account(role, scene, department_y)
    if user is not None:
        client.force_login(user)

    found = {path: client.get(path).status_code for _kind, path in pages(scene)}

    wanted = {path: expected(role, kind, admin_statuses[path]) for kind, path in pages(scene)}
    assert found == wanted
    for kind, path in pages(scene):
        if kind not in ROLES[role] and role == "anonymous":
            assert "/konto/login/" in client.get(path)["Location"]


@pytest.mark.parametrize("role", ["anonymous", "resident", "guest", "official", "former_left", "former_term",
                                  "member", "official_member"])
def test_posting_to_the_staff_pages_without_the_right_changes_nothing(role, scene, department_y, client):
    user = account(role, scene, department_y)
    if user is not None:
        client.force_login(user)
    before = (Meeting.objects.count(), AgendaItem.objects.count(), Guest.objects.count(),
              Membership.objects.count(), Position.objects.count(), Group.objects.count(),
              GroupMember.objects.count(), list(Meeting.objects.values_list("status", "minutes_status")),
              Position.objects.get(pk=scene["draft"].pk).status, Attendance.objects.count())

    for kind, path in pages(scene):
        if kind == STAFF:
            assert client.post(path, {"title": "X", "name": "Y"}).status_code == (302 if user is None else 403), path

    assert before == (Meeting.objects.count(), AgendaItem.objects.count(), Guest.objects.count(),
                      Membership.objects.count(), Position.objects.count(), Group.objects.count(),
                      GroupMember.objects.count(), list(Meeting.objects.values_list("status", "minutes_status")),
                      Position.objects.get(pk=scene["draft"].pk).status, Attendance.objects.count())


def test_the_members_area_closes_the_day_after_the_term_ends(scene, client, fixed_clock):
    """'A member whose term ended loses the members' area the same day': on the term's last day the seat still
    counts; the next morning, the first day after the term, the area is closed."""
    user = make_user("ostatni.dzien@zespol.example.org", "team_member")
    f.seat(scene["current"], name="Ostatni Dzień", user=user)
    zone = ZoneInfo("Europe/Warsaw")
    last_day = scene["current"].ends_on

    fixed_clock.move_to(dt.datetime.combine(last_day, dt.time(23, 59), tzinfo=zone))
    client.force_login(user)  # signed in that day (a session from two years before would have ended)
    assert client.get(reverse("team:member_home")).status_code == 200
    fixed_clock.move_to(dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(0, 1), tzinfo=zone))
    assert client.get(reverse("team:member_home")).status_code == 403

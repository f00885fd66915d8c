"""Bad input on every form of the body, one table: each is refused with a Polish message next to its field and the
error summary at the top, keeps what was typed, saves nothing (not even part of it) and never answers with a 500;
and nonsense in the addresses and hidden fields gives a 4xx, not an error page."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from conftest import make_user
from partnerstwo.team import models as team
from partnerstwo.team.models import Group, LegalAct, Position
from partnerstwo.team.positions import voting
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db

TEAM_MODELS = [team.Body, team.Term, team.Membership, team.Meeting, team.AgendaItem, team.AgendaDocument, team.Guest,
               team.Attendance, team.MinutesComment, team.ActionItem, team.Position, team.PositionVote,
               team.Amendment, team.LegalAct, team.Group, team.GroupMember]


def snapshot() -> dict:
    """Every row of the body's tables, as values: nothing may change after a refused form."""
    return {model.__name__: sorted(map(repr, model.objects.values())) for model in TEAM_MODELS}


@pytest.fixture
def scene(db, settings, tmp_path, department_x):
    settings.MEDIA_ROOT = tmp_path
    secretary = make_user("sekretarz@zespol.example.org", "team_member")
    current = f.term()
    mine = f.seat(current, name="Sylwia Sekretarz", user=secretary, role="secretary")
    seats = [mine, *f.members(3, current)]
    held = f.meeting(-1, title="Posiedzenie odbyte", items=["Program współpracy"])
    f.attend(held, seats[:1])  # no quorum: one of four
    coming = f.meeting(7, title="Posiedzenie przyszłe", items=["Opinia"])
    draft = voting.save_draft(position=Position(body=f.body(), title="Projekt stanowiska", text="Treść."))
    group = Group.objects.create(body=f.body(), kind="sector", name="Grupa branżowa: kultura", slug="kultura")
    act = LegalAct.objects.create(body=f.body(), title="Program współpracy", department=department_x)
    return {"secretary": secretary, "mine": mine, "term": current, "seat": seats[1], "held": held,
            "coming": coming, "draft": draft, "group": group, "act": act, "department": department_x}


def panel(name, *args):
    return reverse(f"panel:team_panel:{name}", args=args)


def meeting_form(**fields):
    values = {"title": "Posiedzenie", "starts_at": f.at(10).strftime("%Y-%m-%dT%H:%M"),
              "ends_at": f.at(10, 18).strftime("%Y-%m-%dT%H:%M"), "place": "Sala 20", "online_url": ""}
    return {**values, **fields}


def table(s) -> dict:
    """Case: (page, data, the field the message stands next to or "" for the form's own, a piece of the message)."""
    seat, held_item, coming_item = s["seat"], s["held"].items.get(), s["coming"].items.get()
    return {
        "rules: quorum 0": (panel("body"), {
            "name": "Zespół", "quorum_percent": "0", "majority_rule": "consensus", "ngo_share_percent": "50",
            "term_years": "3", "meeting_interval_months": "3"}, "quorum_percent", "większa lub równa 1"),
        "term: ends before it starts": (panel("term_create"), {
            "number": "7", "starts_on": "2031-05-01", "ends_on": "2031-04-01", "appointed_by": "Zarządzenie"},
            "ends_on", "Koniec kadencji nie może być wcześniejszy niż jej początek."),
        "term: overlaps the current": (panel("term_create"), {
            "number": "7", "starts_on": f.days(10).isoformat(), "ends_on": f.days(900).isoformat()},
            "starts_on", "nakłada się na kadencję 1"),
        "term: not a date": (panel("term_edit", s["term"].pk), {
            "number": "1", "starts_on": "jutro", "ends_on": "2031-04-01"}, "starts_on", "Wpisz poprawną datę."),
        "member: no name": (panel("membership_create", s["term"].pk), {
            "person_name": "", "role": "member", "represents": "mayor", "joined_on": f.days(-1).isoformat()},
            "person_name", "To pole jest wymagane."),
        "member: leaves before joining": (panel("membership_edit", seat.pk), {
            "person_name": "Jan Członek", "role": "member", "represents": "mayor", "joined_on": f.days(-1).isoformat(),
            "left_on": f.days(-30).isoformat()}, "left_on",
            "Dzień odejścia nie może być wcześniejszy niż dzień wejścia"),
        "member: organisation not named": (panel("membership_create", s["term"].pk), {
            "person_name": "Ola Nowa", "role": "member", "represents": "organization",
            "joined_on": f.days(-1).isoformat()}, "organization", "Wskaż organizację"),
        "meeting: ends before it starts": (panel("meeting_create"), meeting_form(ends_at=minute(f.at(9))),
                                           "ends_at", "Koniec posiedzenia nie może być wcześniejszy niż początek."),
        "meeting: bad link": (panel("meeting_edit", s["coming"].pk), meeting_form(online_url="javascript:alert(1)"),
                              "online_url", "Wpisz poprawny URL."),
        "meeting: unknown department": (panel("meeting_create"), meeting_form(departments="999999"), "departments",
                                        "999999 nie jest żadną z dostępnych opcji"),
        "item: no title": (panel("item_create", s["coming"].pk), {"title": ""}, "title", "To pole jest wymagane."),
        "item: too long": (panel("item_edit", coming_item.pk), {"title": "x" * 301}, "title",
                           "co najwyżej 300 znaków"),
        "document: not a PDF": (panel("document_add", coming_item.pk), {
            "document-title": "Regulamin", "document-file": f.photo("regulamin.pdf")}, "document-file", "PDF"),
        "guest: bad e-mail": (panel("guest_add", s["coming"].pk), {"name": "Gość Nowy", "email": "gosc@"}, "email",
                              "Wprowadź poprawny adres email."),
        "attendance: unknown status": (panel("attendance", s["held"].pk), {f"member_{seat.pk}": "kworum"},
                                       f"member_{seat.pk}", "kworum nie jest żadną z dostępnych opcji"),
        "item minutes: votes without a quorum": (panel("item_minutes", held_item.pk), {
            "discussion": "Dyskusja", "decisions": "", "votes_for": "1", "votes_against": "0", "votes_abstain": "0"},
            "votes_for", "Bez kworum nie można głosować: obecnych 1 z 4 członków, potrzeba 2."),
        "item minutes: negative votes": (panel("item_minutes", held_item.pk), {
            "discussion": "Dyskusja", "votes_for": "-1", "votes_against": "0", "votes_abstain": "0"}, "votes_for",
            "większa lub równa 0"),
        "action: nobody to do it": (panel("action_create", s["held"].pk), {
            "what": "Zrobić listę", "owner": "", "owner_name": ""}, "owner", "Wskaż, kto wykona zadanie"),
        "approval: nonsense": (panel("approve", s["coming"].pk), {"meeting": "999999", "votes_for": "x"},
                               "votes_for", "Wpisz liczbę całkowitą."),
        "position: no text": (panel("position_create"), {
            "kind": "position", "title": "Tytuł stanowiska", "text": "", "concerns": "topic"}, "text",
            "To pole jest wymagane."),
        "position: legal act not named": (panel("position_edit", s["draft"].pk), {
            "kind": "position", "title": "Tytuł stanowiska", "text": "Treść", "concerns": "legal_act", "legal_act": ""},
            "legal_act", "Wskaż akt prawny, którego dotyczy stanowisko."),
        "position: competition not named": (panel("position_create"), {
            "kind": "opinion", "title": "Tytuł opinii", "text": "Treść", "concerns": "competition"}, "competition",
            "Wskaż konkurs ofert, którego dotyczy stanowisko."),
        "electronic vote: deadline passed": (panel("position", s["draft"].pk), {"until": minute(f.at(-1))},
                                             "until", "Koniec głosowania musi być w przyszłości."),
        "meeting vote: no quorum": (panel("meeting_vote", s["draft"].pk, s["held"].pk),
                                    {f"member_{s['mine'].pk}": "for"}, "", "Bez kworum"),
        "amendment: empty": (reverse("team:member_position", args=[s["draft"].pk]), {"action": "amend", "text": ""},
                             "text", "To pole jest wymagane."),
        "legal act: no title": (panel("legal_act_create"), {"title": "", "stage": "announced"}, "title",
                                "To pole jest wymagane."),
        "legal act: bad stage": (panel("legal_act_edit", s["act"].pk), {"title": "Akt", "stage": "uchwalony?"},
                                 "stage", "uchwalony? nie jest żadną z dostępnych opcji"),
        "group: address taken": (panel("group_create"), {
            "kind": "sector", "name": "Kultura bis", "slug": "kultura", "purpose": "Cel"}, "slug",
            "z tą wartością pola Adres strony"),
        "group member: nobody": (panel("group_member_create", s["group"].pk), {
            "role": "member", "joined_on": f.days(0).isoformat()}, "", "Wskaż organizację albo wpisz imię i nazwisko."),
        "group meeting: ends before it starts": (panel("group_meeting_create", s["group"].pk),
                                                 meeting_form(ends_at=minute(f.at(9))), "ends_at",
                                                 "Koniec posiedzenia nie może być wcześniejszy niż początek."),
    }


def minute(moment) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


CASES = [
    "rules: quorum 0", "term: ends before it starts", "term: overlaps the current", "term: not a date",
    "member: no name", "member: leaves before joining", "member: organisation not named",
    "meeting: ends before it starts", "meeting: bad link", "meeting: unknown department", "item: no title",
    "item: too long", "document: not a PDF", "guest: bad e-mail", "attendance: unknown status",
    "item minutes: votes without a quorum", "item minutes: negative votes", "action: nobody to do it",
    "approval: nonsense", "position: no text", "position: legal act not named", "position: competition not named",
    "electronic vote: deadline passed", "meeting vote: no quorum", "amendment: empty", "legal act: no title",
    "legal act: bad stage", "group: address taken", "group member: nobody", "group meeting: ends before it starts",
]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_next_to_its_field_and_nothing_is_saved(client, scene, case):
    client.force_login(scene["secretary"])
    page, data, field, message = table(scene)[case]
    before = snapshot()

    response = client.post(page, data)

    html = response.content.decode()
    assert response.status_code == 200, case
    assert snapshot() == before  # nothing saved, not even in part
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert summary and message in summary.group(0), summary and summary.group(0)
    if field:
        next_to = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
        assert next_to and message in next_to.group(1), case
        assert next_to.group(1).count("<li>") == 1, next_to.group(1)  # one message, not the same rule twice
    for name in ("title", "name", "person_name", "what", "text", "discussion"):
        if isinstance(data.get(name), str) and data[name] and len(data[name]) < 100:
            assert escape(data[name]) in html, f"{case}: {name} not kept"


def nonsense(s) -> list[tuple[str, dict]]:
    """Buttons and hidden fields sent with values no page offers: (address, data)."""
    action = team.ActionItem.objects.create(meeting=s["held"], what="Zadanie", owner_name="Ktoś")
    amendment = team.Amendment.objects.create(position=s["draft"], text="Poprawka", proposed_by_name="Ktoś")
    item = s["coming"].items.get()
    return [
        (panel("action_done", action.pk), {"done_on": "wczoraj", "shown_at": "abc"}),
        (panel("action_done", action.pk), {"done_on": "", "shown_at": "99999999999999999999"}),
        (panel("amendment_decide", amendment.pk), {"decision": "może"}),
        (panel("position_close", s["draft"].pk), {}),
        (panel("invitations_send", s["held"].pk), {}),
        (panel("approve", s["held"].pk), {"meeting": "abc", "votes_for": "1e9"}),
        (panel("minutes_publish", s["held"].pk), {}),
        (panel("meeting_vote", s["draft"].pk, s["held"].pk), {"member_999999": "for", "member_abc": "for"}),
        (panel("document_add", item.pk), {"document-title": "X" * 500}),
        (panel("group_member_remove", 999999), {}),
        (reverse("team:member_position", args=[s["draft"].pk]), {"action": "vote", "choice": "tak"}),
        (reverse("team:member_position", args=[s["draft"].pk]), {"action": "coś"}),
        (reverse("team:member_meeting", args=[s["held"].pk]), {"action": "comment", "item": "abc", "text": "Uwaga"}),
        (reverse("team:member_meeting", args=[s["coming"].pk]), {"action": "respond", "response": "może"}),
        (reverse("team:group", args=["kultura"]), {"organization": "abc", "leave": "tak"}),
    ]


def test_nonsense_in_buttons_and_hidden_fields_changes_nothing_and_is_no_server_error(client, scene):
    client.force_login(scene["secretary"])
    cases = nonsense(scene)
    before = snapshot()

    for path, data in cases:
        response = client.post(path, data)
        assert response.status_code < 500, (path, data)
        changed = {name for name, rows in snapshot().items() if rows != before[name]}
        assert not changed, (path, data, changed)


@pytest.mark.parametrize("path", [
    "/zespol/kadencje/999/", "/zespol/posiedzenia/999999/", "/zespol/stanowiska/9999/", "/zespol/grupy/nie-ma/",
    "/zespol/wydzialy/99999/", "/zespol/posiedzenia/1/protokol.pdf", "/zespol/dla-czlonkow/stanowiska/999999/",
])
def test_unknown_addresses_are_not_found(client, scene, path):
    client.force_login(scene["secretary"])

    assert client.get(path).status_code == 404

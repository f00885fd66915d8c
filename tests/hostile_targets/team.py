"""Hostile input to the advisory body's pages: the public term history and the staff forms (administrator)."""

from tests.test_hostile_input import Target


def _term():
    from partnerstwo.team.tests import factories

    return factories.term()


def _seat():
    from partnerstwo.team.tests import factories

    return factories.seat(_term(), name="Jan Wrogi")


def _starts(rows) -> str:
    return _term().starts_on.isoformat()


def _meeting(days=10):
    from partnerstwo.team.tests import factories

    _term()
    return factories.meeting(days, title="Posiedzenie wrogie", items=["Punkt"])


def _held():
    from partnerstwo.team.tests import factories

    seats = factories.members(2, _term())
    held = factories.meeting(-1, title="Posiedzenie odbyte", items=["Punkt"])
    factories.attend(held, seats)
    return held


def _member_seat_meeting(rows):
    from partnerstwo.accounts.models import User

    meeting = _meeting()
    from partnerstwo.team.tests import factories

    factories.seat(_term(), name="Tomasz", user=User.objects.get(email="tomasz@zespol.example.org"))
    return meeting.pk


def _later(rows):
    from partnerstwo.team.tests import factories

    earlier = _held()
    later = factories.meeting(0, title="Posiedzenie późniejsze")
    factories.attend(later, factories.members(2, _term()))
    return {"earlier": earlier, "later": later}


def _earlier_pk(rows) -> int:
    """The meeting whose minutes the approval target votes on (made with the later one, named first)."""
    from partnerstwo.team.models import Meeting

    return Meeting.objects.filter(title="Posiedzenie odbyte").latest("pk").pk


def _draft(rows=None):
    from partnerstwo.team.models import Position
    from partnerstwo.team.positions import voting

    return voting.save_draft(position=Position(body=_term().body, title="Projekt wrogi", text="Treść"))


def _voting(rows=None):
    from partnerstwo.accounts.models import User
    from partnerstwo.team.positions import voting
    from partnerstwo.team.tests import factories

    position = _draft()
    factories.seat(_term(), name="Tomasz", user=User.objects.get(email="tomasz@zespol.example.org"))
    voting.open_electronic_vote(position=position, until=factories.at(3))
    return position


def _legal_act(rows=None):
    from partnerstwo.team.models import LegalAct

    return LegalAct.objects.create(body=_term().body, title="Program współpracy")


def _group(rows=None):
    from partnerstwo.team.models import Group

    return Group.objects.get_or_create(slug="grupa-wroga", defaults={"body": _term().body, "name": "Grupa"})[0]


def _representative_org(rows):
    from partnerstwo.accounts.models import User
    from partnerstwo.organizations.tests import factories as directory

    organization = directory.organization("Fundacja Wroga")
    directory.represent(User.objects.get(email="adam@fundacja-alfa.example.org"), organization)
    return organization.pk


POSITION_FORM = {
    "kind": "opinion", "title": "Opinia o programie", "text": "**Pozytywna**", "concerns": "competition",
    "legal_act": "", "subject_title": "Kultura 2027", "subject_url": "https://example.org/konkursy/kultura",
    "delivered_on": "2030-01-10",
}


MEETING_FORM = {
    "title": "Posiedzenie nr 4", "starts_at": "2030-03-05T16:00", "ends_at": "2030-03-05T18:00",
    "place": "Urząd Miejski", "online_url": "https://spotkania.example.org/z",
}

MEMBER_FORM = {
    "person_name": "Anna Nowa", "account_email": "anna.mieszkanka@example.org", "email": "anna@example.org",
    "role": "member", "represents": "mayor", "organization": "", "position": "radna", "joined_on": _starts,
    "left_on": "",
}

TARGETS = [
    Target("team: term page", "GET", "/zespol/kadencje/{number}/", {"number": lambda rows: _term().number}),
    Target("panel: team rules", "POST", "/panel/zespol/zasady/",
           {"name": "Zespół Konsultacyjny", "description": "**Opiniujemy**", "resolution": "Uchwała nr 1",
            "resolution_url": "https://bip.example.org/uchwala", "quorum_percent": "50", "majority_rule": "consensus",
            "chair_decides_tie": "on", "ngo_share_percent": "50", "term_years": "3", "meeting_interval_months": "3"},
           "administrator"),
    Target("panel: new term", "POST", "/panel/zespol/kadencje/nowa/",
           {"number": "7", "starts_on": "2031-01-24", "ends_on": "2034-01-23", "appointed_by": "Zarządzenie 1/31"},
           "administrator"),
    Target("panel: term dates", "POST", "/panel/zespol/kadencje/{pk}/daty/",
           {"pk": lambda rows: _term().pk, "number": lambda rows: _term().number, "starts_on": _starts,
            "ends_on": "2099-01-01", "appointed_by": "Zarządzenie 2/26"}, "administrator"),
    Target("panel: new member", "POST", "/panel/zespol/kadencje/{pk}/nowy-czlonek/",
           {"pk": lambda rows: _term().pk, **MEMBER_FORM}, "administrator"),
    Target("panel: member", "POST", "/panel/zespol/czlonkowie/{pk}/", {"pk": lambda rows: _seat().pk, **MEMBER_FORM},
           "administrator"),
    Target("team: meetings", "GET", "/zespol/posiedzenia/", {}),
    Target("team: meeting page", "GET", "/zespol/posiedzenia/{pk}/", {"pk": lambda rows: _meeting().pk}),
    Target("team: meeting .ics", "GET", "/zespol/posiedzenia/{pk}/posiedzenie.ics", {"pk": lambda rows: _meeting().pk}),
    Target("team: department", "GET", "/zespol/wydzialy/{pk}/", {"pk": lambda rows: _department().pk}),
    Target("team: members' answer", "POST", "/zespol/dla-czlonkow/posiedzenia/{pk}/",
           {"pk": _member_seat_meeting, "action": "respond", "response": "coming"}, "team_member"),
    Target("team: members' comment", "POST", "/zespol/dla-czlonkow/posiedzenia/{pk}/",
           {"pk": lambda rows: _held().pk, "action": "comment", "text": "Uwaga do protokołu."}, "team_member"),
    Target("panel: new meeting", "POST", "/panel/zespol/posiedzenia/nowe/", MEETING_FORM, "administrator"),
    Target("panel: meeting edit", "POST", "/panel/zespol/posiedzenia/{pk}/zmien/",
           {"pk": lambda rows: _meeting().pk, **MEETING_FORM}, "administrator"),
    Target("panel: agenda point", "POST", "/panel/zespol/posiedzenia/{pk}/nowy-punkt/",
           {"pk": lambda rows: _meeting().pk, "title": "Program", "description": "Opis", "presenter": "Dyrektor",
            "department": lambda rows: _department().pk, "guests": "Eksperci"}, "administrator"),
    Target("panel: agenda move", "POST", "/panel/zespol/punkty/{pk}/przesun/",
           {"pk": lambda rows: _meeting().items.get().pk, "direction": "up"}, "administrator"),
    Target("panel: guest", "POST", "/panel/zespol/posiedzenia/{pk}/goscie/",
           {"pk": lambda rows: _meeting().pk, "name": "Gość", "affiliation": "Wydział", "email": "g@example.org"},
           "administrator"),
    Target("panel: attendance", "POST", "/panel/zespol/posiedzenia/{pk}/obecnosc/",
           {"pk": lambda rows: _held().pk}, "administrator"),
    Target("panel: point minutes", "POST", "/panel/zespol/punkty/{pk}/protokol/",
           {"pk": lambda rows: _held().items.get().pk, "discussion": "Dyskusja", "decisions": "Ustalenia",
            "votes_for": "1", "votes_against": "0", "votes_abstain": "1"}, "administrator"),
    Target("panel: minutes intro", "POST", "/panel/zespol/posiedzenia/{pk}/protokol/",
           {"pk": lambda rows: _held().pk, "minutes_intro": "Otwarcie"}, "administrator"),
    Target("panel: action item", "POST", "/panel/zespol/posiedzenia/{pk}/nowe-zadanie/",
           {"pk": lambda rows: _held().pk, "what": "Zadanie", "owner_name": "Centrum", "due_on": "2030-01-01"},
           "administrator"),
    Target("team: positions", "GET", "/zespol/stanowiska/", {}),
    Target("team: legal acts", "GET", "/zespol/akty-prawne/", {}),
    Target("team: members' vote", "POST", "/zespol/dla-czlonkow/stanowiska/{pk}/",
           {"pk": lambda rows: _voting().pk, "action": "vote", "choice": "for"}, "team_member"),
    Target("team: members' amendment", "POST", "/zespol/dla-czlonkow/stanowiska/{pk}/",
           {"pk": lambda rows: _draft().pk, "action": "amend", "text": "Poprawka"}, "team_member"),
    Target("panel: new position", "POST", "/panel/zespol/stanowiska/nowe/", POSITION_FORM, "administrator"),
    Target("panel: position edit", "POST", "/panel/zespol/stanowiska/{pk}/zmien/",
           {"pk": lambda rows: _draft().pk, **POSITION_FORM}, "administrator"),
    Target("panel: electronic vote", "POST", "/panel/zespol/stanowiska/{pk}/",
           {"pk": lambda rows: _draft().pk, "until": "2099-01-01T12:00"}, "administrator"),
    Target("panel: meeting vote", "POST", "/panel/zespol/stanowiska/{pk}/posiedzenie/{meeting}/",
           {"pk": lambda rows: _draft().pk, "meeting": lambda rows: _held().pk}, "administrator"),
    Target("panel: legal act", "POST", "/panel/zespol/akty-prawne/{pk}/",
           {"pk": lambda rows: _legal_act().pk, "title": "Program", "stage": "consultation", "department": "",
            "consultation_url": "https://example.org/k", "next_step": "Opinia", "next_step_on": "2030-02-01"},
           "administrator"),
    Target("team: groups", "GET", "/zespol/grupy/", {}),
    Target("team: group join", "POST", "/zespol/grupy/{slug}/",
           {"slug": lambda rows: _group().slug, "action": "join", "organization": _representative_org},
           "representative_a"),
    Target("team: group leave", "POST", "/zespol/grupy/{slug}/",
           {"slug": lambda rows: _group().slug, "action": "leave", "organization": _representative_org},
           "representative_a"),
    Target("panel: group", "POST", "/panel/zespol/grupy/nowa/",
           {"kind": "working", "name": "Zespół", "slug": "zespol-wrogi", "purpose": "**Cel**", "sphere": "",
            "is_open": "on", "ends_on": "2030-01-01"}, "administrator"),
    Target("panel: group member", "POST", "/panel/zespol/grupy/{pk}/nowy-czlonek/",
           {"pk": lambda rows: _group().pk, "organization": "", "person_name": "Jan", "affiliation": "Urząd",
            "is_city_representative": "on", "role": "member", "joined_on": "2030-01-01"}, "administrator"),
    Target("panel: minutes approval", "POST", "/panel/zespol/posiedzenia/{pk}/przyjecie-protokolu/",
           {"pk": lambda rows: _later(rows)["later"].pk, "meeting": _earlier_pk,
            "votes_for": "2", "votes_against": "0", "votes_abstain": "0"}, "administrator"),
]



def _department():
    from partnerstwo.city.models import Department

    return Department.objects.get_or_create(name="Departament Wrogich Testów")[0]

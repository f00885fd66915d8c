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
]

"""Hostile input to the cooperation programme's pages (issue 15): the public comparison of versions and the
panel's forms (a new programme, its sections, priority tasks, planned funds, consultation and adoption)."""

from tests.test_hostile_input import Target

TITLE = "Program wrogiego wejścia"


def _programme():
    from partnerstwo.accounts.models import User
    from partnerstwo.programme.models import Programme
    from partnerstwo.programme.tests import factories

    found = Programme.objects.filter(title=TITLE).first()
    if found is None:
        official = User.objects.get(email="xawery@um.example.org")
        found = factories.in_consultation(official.department, by=official)
        Programme.objects.filter(pk=found.pk).update(title=TITLE)
    return found


def _pk(rows):
    return _programme().pk


def _slug(rows):
    return _programme().slug


def _sphere(rows):
    from partnerstwo.city.models import PublicTaskSphere

    return PublicTaskSphere.objects.get(slug="sport").pk


def _rows(fields: dict) -> dict:
    return {"rows-TOTAL_FORMS": "1", "rows-INITIAL_FORMS": "0", "rows-MIN_NUM_FORMS": "0",
            "rows-MAX_NUM_FORMS": "1000", **{f"rows-0-{name}": value for name, value in fields.items()}}


PANEL = "/panel/program-wspolpracy/{pk}/"
TARGETS = [
    Target("programme: compare versions", "GET", "/program-wspolpracy/{slug}/wersje/porownanie/",
           {"slug": _slug, "od": "1", "do": "2"}),
    Target("programme: new", "POST", "/panel/program-wspolpracy/nowy/",
           {"title": "Program na rok 2028", "year_from": "2028", "year_to": "2028"}, "official_x"),
    Target("programme: sections", "POST", PANEL + "tresc/",
           {"pk": _pk, "title": TITLE, "objectives": "Cel", "forms": "commissioning", "spheres": _sphere,
            "note": "Zmiana"}, "official_x"),
    Target("programme: priorities", "POST", PANEL + "zadania/",
           {"pk": _pk, **_rows({"position": "1", "sphere": _sphere, "title": "Zadanie"}), "note": "Nowe"},
           "official_x"),
    Target("programme: funds", "POST", PANEL + "srodki/",
           {"pk": _pk, **_rows({"year": "2027", "sphere": _sphere, "priority": "", "amount": "1 000,00"})},
           "official_x"),
    Target("programme: adoption", "POST", PANEL + "przyjecie/",
           {"pk": _pk, "number": "LX/1/26", "day": "2026-11-20"}, "official_x"),
]

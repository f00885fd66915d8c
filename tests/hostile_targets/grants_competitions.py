"""Hostile input to the competitions' public filters and panel forms (helper "competitions")."""

import datetime as dt

from django.utils import timezone

from partnerstwo.grants.tests import competition_factories as factories
from tests.test_hostile_input import Target


def _department():
    from partnerstwo.accounts.models import User

    return User.objects.get(email="xawery@um.example.org").department  # official_x's


def _competition(status="planned"):
    def make(rows):
        return factories.competition(_department(), status=status)
    return make


def _pk(status="planned"):
    return lambda rows: _competition(status)(rows).pk


def _document(rows):
    """One competition with one document per test (both path parameters must agree); no file is written."""
    if not hasattr(rows, "competition_document"):
        from partnerstwo.grants.competitions.models import CompetitionDocument

        competition = _competition("accepting")(rows)
        rows.competition_document = CompetitionDocument.objects.create(
            competition=competition, title="Regulamin", file="grants/regulamin.pdf"
        )
    return rows.competition_document


def _slug(rows):
    return _competition("accepting")(rows).slug


def _sphere(rows):
    from partnerstwo.city.models import PublicTaskSphere

    return str(PublicTaskSphere.objects.order_by("position").first().pk)


def _day(days):
    return lambda rows: (timezone.localdate() + dt.timedelta(days=days)).isoformat()


ANNOUNCEMENT = {
    "title": "Profilaktyka uzależnień 2027",
    "slug": "",
    "reference": "DSS-I.526.1.2026",
    "year": "2027",
    "sphere": _sphere,
    "mode": "support",
    "task_type": "Profilaktyka uzależnień.",
    "public_funds": "200000",
    "award_rules": "Dotacja do 90% kosztów.",
    "implementation_terms": "Od lutego do grudnia.",
    "task_start": _day(60),
    "task_end": _day(300),
    "offer_deadline": lambda rows: f"{(timezone.localdate() + dt.timedelta(days=25)).isoformat()}T15:30",
    "procedure_and_criteria": "Ocena formalna i merytoryczna.",
    "decision_date": _day(45),
    "prior_tasks_note": "",
    "no_prior_tasks": "on",
    "eligibility": "Organizacje pozarządowe.",
    "submission_info": "Generator ofert.",
    "bip_published_on": _day(0),
    "notice_board_published_on": _day(0),
    "website_published_on": _day(0),
    "kryteria-TOTAL_FORMS": "1", "kryteria-INITIAL_FORMS": "0",
    "kryteria-MIN_NUM_FORMS": "0", "kryteria-MAX_NUM_FORMS": "1000",
    "kryteria-0-name": "Jakość", "kryteria-0-kind": "merit", "kryteria-0-max_points": "10",
    "zadania-TOTAL_FORMS": "1", "zadania-INITIAL_FORMS": "0",
    "zadania-MIN_NUM_FORMS": "0", "zadania-MAX_NUM_FORMS": "1000",
    "zadania-0-year": "2026", "zadania-0-task": "Profilaktyka 2026",
    "zadania-0-total_cost": "1000", "zadania-0-grants_to_organizations": "900",
}

TARGETS = [
    Target("competitions: list filters", "GET", "/konkursy/",
           {"q": "seniorzy", "sfera": "pomoc-spoleczna", "wydzial": "1", "rok": "2026", "stan": "accepting",
            "strona": "2"}),
    Target("competitions: page", "GET", "/konkursy/{slug}/", {"slug": _slug}),
    Target("competitions: results", "GET", "/konkursy/wyniki/", {"strona": "2"}),
    Target("competitions: deadlines feed", "GET", "/konkursy/terminy.ics", {"x": "1"}),
    Target("panel: competitions list", "GET", "/panel/konkursy/", {"stan": "planned", "strona": "2"}, "official_x"),
    Target("panel: new competition", "POST", "/panel/konkursy/nowy/", ANNOUNCEMENT, "official_x"),
    Target("panel: edit competition", "POST", "/panel/konkursy/{pk}/", {**ANNOUNCEMENT, "pk": _pk("accepting")},
           "official_x"),
    Target("panel: competition document", "POST", "/panel/konkursy/{pk}/dokumenty/",
           {"pk": _pk(), "title": "Regulamin"}, "official_x"),
    Target("panel: replace competition document", "POST", "/panel/konkursy/{pk}/dokumenty/{document_pk}/zamien/",
           {"pk": lambda rows: _document(rows).competition_id, "document_pk": lambda rows: _document(rows).pk,
            "file": "nie-plik"}, "official_x"),
    Target("panel: announce competition", "POST", "/panel/konkursy/{pk}/ogloszenie/", {"pk": _pk()}, "official_x"),
    Target("panel: cancel competition", "POST", "/panel/konkursy/{pk}/uniewaznienie/",
           {"pk": _pk("accepting"), "reason": "Nie złożono żadnej oferty."}, "official_x"),
    Target("panel: publish results", "POST", "/panel/konkursy/{pk}/wyniki/",
           {"pk": _pk("evaluation"), "note": "Wyniki zatwierdzone."}, "official_x"),
    Target("panel: outcome publication", "POST", "/panel/konkursy/{pk}/publikacja-rozstrzygniecia/",
           {"pk": _pk("cancelled"), "bip_published_on": _day(0), "notice_board_published_on": _day(0),
            "website_published_on": _day(0)}, "official_x"),
]

"""Forms of the competition committees (helper "committees"): offers, appointment, nominations, declaration,
formal assessment, scoring card, proposed amount."""

from tests.test_hostile_input import Target

SLUG = "hostile-komisja"


def scenario():
    """One competition in evaluation of official_x's department, with criteria, an offer that passed the formal
    assessment and a committee whose chair is the resident (declaration signed); made once per test."""
    from partnerstwo.accounts.models import User
    from partnerstwo.grants.competitions.models import Competition
    from partnerstwo.grants.offers.models import Offer
    from partnerstwo.grants.tests import factories
    from partnerstwo.organizations.tests import factories as directory

    competition = Competition.objects.filter(slug=SLUG).first()
    if competition is not None:
        return competition
    official = User.objects.get(email="xawery@um.example.org")
    competition = factories.competition(department=official.department, slug=SLUG)
    factories.criteria(competition)
    factories.offer(competition, directory.organization("Fundacja Alfa"), formal=Offer.Formal.PASSED, with_file=False)
    resident = User.objects.get(email="anna.mieszkanka@example.org")
    factories.member(competition, resident, is_chair=True, declared=True)
    return competition


def offer_pk(rows):
    return scenario().offers.get().pk


def nomination_pk(rows):
    from partnerstwo.accounts.models import User
    from partnerstwo.grants.committees import appointment

    competition = scenario()
    candidate = User.objects.get(email="anna.mieszkanka@example.org")
    nomination = competition.nominations.filter(candidate=candidate).first()
    return (nomination or appointment.nominate(competition, candidate=candidate, by=None, justification="Tak.")).pk


def member_pk(rows):
    return scenario().committee.get().pk


def undeclared_member_slug(rows):
    """A competition where the resident sits without a declaration yet."""
    from partnerstwo.accounts.models import User
    from partnerstwo.grants.tests import factories
    from partnerstwo.organizations.tests import factories as directory

    official = User.objects.get(email="xawery@um.example.org")
    competition = factories.competition(department=official.department)
    factories.offer(competition, directory.organization("Stowarzyszenie Beta"), with_file=False)
    factories.member(competition, User.objects.get(email="anna.mieszkanka@example.org"))
    return competition.slug


def represented_organization_pk(rows):
    from partnerstwo.accounts.models import User
    from partnerstwo.organizations.models import Organization
    from partnerstwo.organizations.tests import factories as directory

    user = User.objects.get(email="adam@fundacja-alfa.example.org")
    found = Organization.objects.represented_by(user).first()
    if found is None:
        found = directory.organization("Fundacja Gamma")
        directory.represent(user, found)
    return found.pk


def slug(rows):
    return scenario().slug


TARGETS = [
    Target("panel: committee appointment", "POST", "/panel/konkursy/komisje/{slug}/",
           {"slug": slug, "user": "tomasz@zespol.example.org", "role": "ngo", "organization": "Fundacja",
            "is_chair": "on"}, "official_x"),
    Target("panel: nomination by the Team", "POST", "/panel/konkursy/komisje/{slug}/zglos/",
           {"slug": slug, "candidate": "xawery@um.example.org", "organization": "",
            "justification": "Zna środowisko."}, "team_member"),
    Target("panel: nomination decision", "POST", "/panel/konkursy/komisje/{slug}/kandydaci/{pk}/",
           {"slug": slug, "pk": nomination_pk, "decision": "decline", "role": "ngo"}, "official_x"),
    Target("panel: make chair", "POST", "/panel/konkursy/komisje/{slug}/czlonkowie/{pk}/przewodniczacy/",
           {"slug": slug, "pk": member_pk}, "official_x"),
    Target("panel: offer registration", "POST", "/panel/konkursy/komisje/{slug}/oferty/nowa/",
           {"slug": slug, "organization": "Fundacja Alfa", "title": "Półkolonie", "requested_amount": "1000",
            "received_on": "2026-11-20", "file": "oferta.pdf"}, "official_x"),
    Target("committee: declaration", "POST", "/konkursy/komisja/{slug}/oswiadczenie/",
           {"slug": undeclared_member_slug, "confirm": "on", "conflicts": "", "conflict_explanation": "Brak."},
           "resident"),
    Target("committee: formal assessment", "POST", "/konkursy/komisja/{slug}/oferty/{pk}/ocena-formalna/",
           {"slug": slug, "pk": offer_pk, "formal_status": "passed", "check_1": "on", "formal_notes": "Kompletna."},
           "resident"),
    Target("committee: scoring card", "POST", "/konkursy/komisja/{slug}/oferty/{pk}/",
           {"slug": slug, "pk": offer_pk, "points_1": "7.5", "justification_1": "Spójny plan.", "points_2": "4",
            "justification_2": "Realne koszty.", "action": "save"}, "resident"),
    Target("committee: proposed amount", "POST", "/konkursy/komisja/{slug}/oferty/{pk}/kwota/",
           {"slug": slug, "pk": offer_pk, "proposed_amount": "1500.50"}, "resident"),
    Target("committee: nomination by a representative", "POST", "/konkursy/komisja/{slug}/zglos-kandydata/",
           {"slug": slug, "candidate": "tomasz@zespol.example.org", "organization": represented_organization_pk,
            "justification": "Ekspert."}, "representative_a"),
]

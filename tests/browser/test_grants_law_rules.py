"""The pages the law's remaining rules touched (issue 14), with axe in the four display modes: the cancellation of a
competition with its art. 18a ground, the committee's composition, the declaration of impartiality (art. 24
k.p.a.), the publication of results, cancellations and small grants in the three places (BIP, notice board,
website), and the 1.5% list read from the newest edition of the official OPP list (with its staff pages).

One test per mode visits every page, so the demo is loaded four times, not once per page."""

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser

COMMITTEE = "bezdomnosc-2027"  # the demo's competition under evaluation, with its committee


def demo_pages():
    """(name, path, who) for every page, found in the demo data: who is "admin", "member" or None (a visitor)."""
    from partnerstwo.grants.competitions.models import Competition
    from partnerstwo.organizations.models import OppListEdition
    from partnerstwo.small_grants.models import SmallGrantOffer

    status = Competition.Status
    closed = closed_without_offers()
    cancelled = Competition.objects.get(status=status.CANCELLED)
    results = Competition.objects.filter(status=status.RESULTS).order_by("pk").first()
    received = SmallGrantOffer.objects.filter(status=SmallGrantOffer.Status.RECEIVED).order_by("pk").first()
    published = SmallGrantOffer.objects.exclude(status=SmallGrantOffer.Status.RECEIVED).order_by("pk").first()
    newest = OppListEdition.objects.newest()
    return [
        ("cancellation form (art. 18a ground)", f"/panel/konkursy/{closed.pk}/uniewaznienie/", "admin"),
        ("cancelled competition", cancelled.get_absolute_url(), None),
        ("cancellation publication", f"/panel/konkursy/{cancelled.pk}/publikacja-rozstrzygniecia/", "admin"),
        ("results publication", f"/panel/konkursy/{results.pk}/publikacja-rozstrzygniecia/", "admin"),
        ("competition with results", results.get_absolute_url(), None),
        ("committee composition", f"/panel/konkursy/komisje/{COMMITTEE}/", "admin"),
        ("impartiality declaration", f"/konkursy/komisja/{COMMITTEE}/oswiadczenie/", "member"),
        ("small grant: publication form", f"/panel/konkursy/male-granty/{received.pk}/", "admin"),
        ("small grant: public page", published.get_absolute_url(), None),
        ("1.5% list (staff)", "/1-5-procent/", "admin"),
        ("OPP list editions", "/panel/organizacje/wykaz-opp/", "admin"),
        ("OPP list upload", "/panel/organizacje/import-opp/", "admin"),
        ("OPP list import report", f"/panel/organizacje/import/{newest.source_import_id}/", "admin"),
    ]


def closed_without_offers():
    """A competition whose offers closed with none submitted: the art. 18a ground holds and the form offers it (the
    demo's closed competition has an offer)."""
    import datetime as dt

    from django.utils import timezone

    from partnerstwo.city.models import Department
    from partnerstwo.grants.competitions.models import Competition
    from partnerstwo.grants.tests.competition_factories import competition

    return competition(
        Department.objects.order_by("pk").first(), status=Competition.Status.CLOSED, slug="bez-ofert-2027",
        announced_on=timezone.localdate() - dt.timedelta(days=40), deadline=timezone.now() - dt.timedelta(days=3),
    )


def undeclared_member():
    """A new member of the demo committee who has not signed the declaration yet (the demo's all have)."""
    from conftest import make_user
    from partnerstwo.grants.committees.models import CommitteeMember
    from partnerstwo.grants.competitions.models import Competition

    user = make_user("nowy.czlonek.komisji@example.org", "resident", full_name="Tomasz Nowy")
    CommitteeMember.objects.create(
        competition=Competition.objects.get(slug=COMMITTEE), user=user, name=str(user),
        role=CommitteeMember.Role.CITY,
    )
    return user


@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_no_wcag_a_or_aa_violation_on_the_pages_of_the_law_rules(
    open_in_mode, log_in, axe_violations, demo_data, mode
):
    from partnerstwo.accounts.models import User

    people = {None: None, "admin": User.objects.get(email="admin@example.org"), "member": undeclared_member()}
    pages = {who: open_in_mode(mode) for who in people}
    for who, user in people.items():
        if user:
            log_in(pages[who].context, user)

    problems = []
    for name, path, who in demo_pages():
        page = pages[who]
        response = page.goto(path)
        assert response.status == 200, f"{name}: {path} answered {response.status}"
        expect(page.locator("h1")).to_have_count(1)
        if name.startswith("cancellation form"):
            expect(page.get_by_label("Nie złożono żadnej oferty", exact=False)).to_be_checked()
        problems += [f"{name} ({mode}, {path}):\n{v}" for v in axe_violations(page)]
    assert not problems, "\n".join(problems)


def test_an_official_records_the_results_publication_with_the_keyboard_and_the_public_page_shows_it(
    open_in_mode, log_in, demo_data
):
    from partnerstwo.accounts.models import User
    from partnerstwo.grants.competitions.models import Competition

    results = Competition.objects.filter(status=Competition.Status.RESULTS).order_by("pk").last()
    page = open_in_mode("default")
    log_in(page.context, User.objects.get(email="admin@example.org"))
    page.goto(f"/panel/konkursy/{results.pk}/publikacja-rozstrzygniecia/")
    expect(page.locator("h1")).to_have_text("Publikacja wyników konkursu")

    page.get_by_label("Ogłoszono na tablicy ogłoszeń").fill("2099-01-01")
    page.get_by_role("button", name="Zapisz daty publikacji").press("Enter")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label("Ogłoszono na tablicy ogłoszeń")).to_have_value("2099-01-01")  # kept as typed

    day = page.get_by_label("Ogłoszono w BIP").input_value()
    page.get_by_label("Ogłoszono na tablicy ogłoszeń").fill(day)
    page.get_by_role("button", name="Zapisz daty publikacji").press("Enter")
    expect(page.locator(".messages")).to_contain_text("Zapisano daty publikacji")

    page.goto(results.get_absolute_url())
    expect(page.locator("#results-heading").locator("..")).to_contain_text("na tablicy ogłoszeń urzędu:")

"""Online offers in a real browser: axe on the representative's pages (list, overview, every section, the print
page) in the four display modes, a section saved by keyboard with its problems shown, and the officials' pages."""

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser

SECTION_SLUGS = ["oferent", "opis", "dzialania", "rezultaty", "charakterystyka", "koszty", "zrodla", "oferenci",
                 "inne", "oswiadczenia"]


def demo_offer(status):
    from partnerstwo.grants.offers.models import OnlineOffer

    return OnlineOffer.objects.select_related("organization").get(status=status)


def representative():
    from partnerstwo.accounts.models import User

    return User.objects.get(email="organizacja@example.org")


@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_no_violation_on_the_representatives_pages(open_in_mode, log_in, axe_violations, demo_data,
                                                             mode):
    draft = demo_offer("draft")
    page = open_in_mode(mode)
    log_in(page.context, representative())
    paths = ["/moje-oferty/", f"/moje-oferty/nowa/{draft.competition.slug}/", f"/moje-oferty/{draft.pk}/",
             f"/moje-oferty/{draft.pk}/wydruk/", *(f"/moje-oferty/{draft.pk}/{slug}/" for slug in SECTION_SLUGS)]
    for path in paths:
        assert page.goto(path).status == 200, path
        expect(page.locator("h1")).to_have_count(1)
        violations = axe_violations(page)
        assert not violations, f"{path} ({mode}):\n" + "\n".join(violations)


def test_a_section_is_saved_by_keyboard_and_its_problems_are_shown(new_context, log_in, axe_violations, demo_data):
    draft = demo_offer("draft")
    context = new_context()
    log_in(context, representative())
    page = context.new_page()
    page.goto(f"/moje-oferty/{draft.pk}/zrodla/")
    page.get_by_label("Planowana dotacja (zł)").fill("-10")
    page.get_by_label("Planowana dotacja (zł)").press("Enter")
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.get_by_label("Planowana dotacja (zł)")).to_have_attribute("aria-invalid", "true")
    violations = axe_violations(page)
    assert not violations, "sources with errors:\n" + "\n".join(violations)


def test_the_officials_pages_of_an_online_offer_are_accessible(new_context, log_in, axe_violations, demo_data):
    from partnerstwo.accounts.models import User
    from partnerstwo.grants.offers.models import Offer

    # The one submitted in a call still being assessed, not the joint offer granted in one with results.
    received = Offer.objects.select_related("competition").get(online__status="submitted",
                                                               online__partners__isnull=True)
    official = User.objects.get(email="urzednik@example.org")
    context = new_context()
    log_in(context, official)
    page = context.new_page()
    for path in (f"/panel/konkursy/oferty-online/{received.pk}/",
                 f"/panel/konkursy/oferty-online/konkurs/{received.competition.pk}/zasady/",
                 f"/panel/konkursy/komisje/{received.competition.slug}/oferty/"):
        response = page.goto(path)
        assert response.status == 200, path
        violations = axe_violations(page)
        assert not violations, f"{path}:\n" + "\n".join(violations)

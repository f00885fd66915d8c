"""The campaigns (issue 16) in a real browser: axe on the 1.5% campaign page, a card, its leaflet, the
annual-report page and the Centre's two panel pages, in every display mode; the Centre prepares the reminder."""

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


def _paths():
    from partnerstwo.campaigns import cards

    card = cards.organizations(cards.current_edition()).exclude(opp_purpose="").order_by("name").first()
    return {
        "campaign": "/1-5-procent/kampania/",
        "campaign-filtered": "/1-5-procent/kampania/?sfera=nie-ma-takiej",
        "card": f"/1-5-procent/karta/{card.slug}/",
        "leaflet": f"/1-5-procent/karta/{card.slug}/ulotka/",
        "annual-reports": "/sprawozdania-roczne/",
        "home": "/",
    }


NAMES = ["campaign", "campaign-filtered", "card", "leaflet", "annual-reports", "home"]
CASES = [(name, mode) for name in NAMES for mode in MODES]


@pytest.mark.parametrize(("name", "mode"), CASES, ids=[f"{name}-{mode}" for name, mode in CASES])
def test_axe_finds_no_wcag_a_or_aa_violation(open_in_mode, axe_violations, demo_data, name, mode):
    page = open_in_mode(mode)
    response = page.goto(_paths()[name])
    assert response.status == 200
    expect(page.locator("h1")).to_have_count(1)
    violations = axe_violations(page)
    assert not violations, f"{name} ({mode}, {page.url}):\n" + "\n".join(violations)


@pytest.mark.parametrize("mode", list(MODES))
def test_axe_on_the_panel_pages(open_in_mode, log_in, axe_violations, demo_data, mode):
    from partnerstwo.accounts.models import User

    page = open_in_mode(mode)
    log_in(page.context, User.objects.get(email="urzednik@example.org"))
    for path in ("/panel/kampanie/1-5-procent/", "/panel/kampanie/1-5-procent/?sortuj=nazwa",
                 "/panel/kampanie/sprawozdania-roczne/"):
        assert page.goto(path).status == 200
        violations = axe_violations(page)
        assert not violations, f"{path} ({mode}):\n" + "\n".join(violations)


def test_the_centre_prepares_the_reminder_and_lands_on_the_mailing(new_context, log_in, demo_data):
    from partnerstwo.accounts.models import User

    context = new_context()
    log_in(context, User.objects.get(email="urzednik@example.org"))
    page = context.new_page()
    page.goto("/panel/kampanie/sprawozdania-roczne/")
    page.get_by_role("button", name="Przygotuj przypomnienie").click()
    expect(page.locator(".message--success")).to_contain_text("Przypomnienie czeka jako szkic")
    expect(page.locator("h1")).to_contain_text("Przypomnienie: sprawozdanie roczne za")
    context.close()

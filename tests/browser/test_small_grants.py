"""Small grants (art. 19a) in a real browser: axe on the list, an offer page and its comment form (also with
errors), a comment sent through the captcha, and the official's page of an offer."""

import io

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


@pytest.fixture
def small_grant_data(demo_data, settings):
    """The small-grant demo (an open offer with two comments, a decided one, a received one)."""
    from partnerstwo.small_grants import demo

    settings.ALTCHA_COST = 20  # the widget solves it at once
    demo.load(io.StringIO())


def offer_path(status):
    from partnerstwo.small_grants.models import SmallGrantOffer

    return SmallGrantOffer.objects.filter(status=status).order_by("pk").first().get_absolute_url()


@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_no_wcag_a_or_aa_violation_on_the_list(open_in_mode, axe_violations, small_grant_data, mode):
    page = open_in_mode(mode)
    assert page.goto("/konkursy/male-granty/").status == 200
    expect(page.locator("h1")).to_have_count(1)
    violations = axe_violations(page)
    assert not violations, f"list ({mode}):\n" + "\n".join(violations)


@pytest.mark.parametrize("status", ["published", "accepted"])
def test_axe_finds_no_violation_on_an_offer_page(page, axe_violations, small_grant_data, status):
    assert page.goto(offer_path(status)).status == 200
    expect(page.locator("h1")).to_have_count(1)
    violations = axe_violations(page)
    assert not violations, f"offer ({status}):\n" + "\n".join(violations)


def test_the_comment_form_with_errors_is_accessible(page, axe_violations, small_grant_data):
    page.goto(offer_path("published"))
    page.get_by_role("button", name="Wyślij uwagę").click()
    expect(page.locator(".error-summary, .errorlist").first).to_be_visible()
    expect(page.get_by_label("Uwaga do oferty")).to_have_attribute("aria-invalid", "true")
    violations = axe_violations(page)
    assert not violations, "comment form with errors:\n" + "\n".join(violations)


def test_a_comment_is_sent_through_the_captcha_and_waits_for_confirmation(page, small_grant_data):
    from partnerstwo.small_grants.models import SmallGrantComment

    before = SmallGrantComment.objects.count()
    page.goto(offer_path("published"))
    page.get_by_label("Imię i nazwisko lub nazwa").fill("Zofia Nowak")
    page.get_by_label("Adres e-mail").fill("zofia.nowak@example.org")
    page.get_by_label("Uwaga do oferty").fill("Proszę o informację o dojeździe dla osób z niepełnosprawnościami.")
    page.get_by_role("checkbox", name="Nie jestem robotem").check()
    page.wait_for_function("() => document.querySelector('input[name=altcha]')?.value", timeout=15_000)
    page.get_by_role("button", name="Wyślij uwagę").click()
    expect(page.locator("h1")).to_have_text("Sprawdź skrzynkę e-mail")
    assert SmallGrantComment.objects.count() == before + 1
    assert SmallGrantComment.objects.order_by("-pk").first().confirmed_at is None


def test_the_officials_page_of_an_offer_is_accessible(new_context, log_in, axe_violations, small_grant_data):
    from partnerstwo.accounts.models import User
    from partnerstwo.small_grants.models import SmallGrantOffer

    offer = SmallGrantOffer.objects.filter(status="received").first()
    official = User.objects.filter(role=User.Role.OFFICIAL, department=offer.department).first()
    context = new_context()
    log_in(context, official)
    page = context.new_page()
    for path in ("/panel/konkursy/male-granty/", f"/panel/konkursy/male-granty/{offer.pk}/",
                 "/panel/konkursy/male-granty/nowa/"):
        assert page.goto(path).status == 200
        violations = axe_violations(page)
        assert not violations, f"{path}:\n" + "\n".join(violations)

"""The good-practice library and partner search in a real browser, with axe on every new page pattern in every
display mode, and an anonymous visitor answering a partner post without JavaScript's captcha failing silently."""

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


def _paths():
    from partnerstwo.partners.models import PartnerPost
    from partnerstwo.practices.models import GoodPractice

    practice = GoodPractice.objects.published().exclude(attachments=None).first()
    post = PartnerPost.objects.open().first()
    return {
        "practices": "/dobre-praktyki/",
        "practices-search": "/dobre-praktyki/?q=sprawozdanie",
        "practice": practice.get_absolute_url(),
        "partners": "/partnerzy/",
        "partner-post": post.get_absolute_url(),
        "practice-en": "/en" + practice.get_absolute_url(),
    }


NAMES = ["practices", "practices-search", "practice", "partners", "partner-post", "practice-en"]
CASES = [(name, mode) for name in NAMES for mode in MODES]


@pytest.mark.parametrize(("name", "mode"), CASES, ids=[f"{name}-{mode}" for name, mode in CASES])
def test_axe_finds_no_wcag_a_or_aa_violation(open_in_mode, axe_violations, demo_data, name, mode):
    page = open_in_mode(mode)
    response = page.goto(_paths()[name])
    assert response.status == 200
    expect(page.locator("h1")).to_have_count(1)
    violations = axe_violations(page)
    assert not violations, f"{name} ({mode}, {page.url}):\n" + "\n".join(violations)


STAFF_PAGES = ["/panel/dobre-praktyki/", "/panel/partnerzy/", "/moje-ogloszenia-partnerskie/nowe/",
               "/panel/dobre-praktyki/nowa/"]


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_axe_on_the_staff_and_poster_pages(new_context, log_in, axe_violations, demo_data, path):
    from partnerstwo.accounts.models import User

    context = new_context()
    log_in(context, User.objects.get(email="urzednik@example.org"))
    page = context.new_page()
    assert page.goto(path).status == 200
    violations = axe_violations(page)
    assert not violations, f"{path}:\n" + "\n".join(violations)
    context.close()


def test_a_representative_proposes_a_practice_and_sees_the_errors(new_context, log_in, axe_violations, demo_data):
    from partnerstwo.accounts.models import User

    context = new_context()
    log_in(context, User.objects.get(email="organizacja@example.org"))
    page = context.new_page()
    page.goto("/moje-dobre-praktyki/nowa/")
    page.get_by_role("button", name="Zapisz").click()
    expect(page.locator(".error-summary")).to_contain_text("Podaj tytuł.")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
    page.get_by_label("Tytuł").fill("Jak prowadzimy zbiórki")
    page.locator("#id_kind").select_option("guide")
    page.get_by_label("Streszczenie").fill("Krótko o zbiórkach.")
    page.locator("#id_body").fill("## Zbiórki\n\nOpis.")
    page.get_by_role("button", name="Zapisz").click()
    expect(page.locator(".message--success")).to_contain_text("Zapisano: Jak prowadzimy zbiórki.")
    context.close()

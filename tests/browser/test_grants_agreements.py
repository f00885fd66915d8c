"""Agreements and reports in a real browser: axe on the representative's pages (the agreement waiting for the updated
table and its parts, the returned report and its parts), the officials' pages (agreements, one agreement and its
part, the reports of the year, one report, a partial report demanded) and the competition's page with what was
achieved and the page of all its achievements, in the four display modes; a part saved by keyboard with its
errors shown."""

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser

AGREEMENT_PARTS = ["rachunek", "harmonogram", "koszty", "zrodla"]
REPORT_PARTS = ["merytoryczne", "finansowe", "oswiadczenia"]


def user(email):
    from partnerstwo.accounts.models import User

    return User.objects.get(email=email)


def demo_rows():
    from partnerstwo.grants.agreements.models import Agreement
    from partnerstwo.grants.reports.models import Report

    return (Agreement.objects.get(status="preparing"), Report.objects.get(status="returned"),
            Report.objects.select_related("agreement__offer__competition").get(status="accepted"))


def check(page, paths, axe_violations, label):
    for path in paths:
        assert page.goto(path).status == 200, path
        expect(page.locator("h1")).to_have_count(1)
        violations = axe_violations(page)
        assert not violations, f"{path} ({label}):\n" + "\n".join(violations)


@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_no_violation_on_the_representatives_and_the_public_pages(open_in_mode, log_in, axe_violations,
                                                                           demo_data, mode):
    waiting, returned, accepted = demo_rows()
    page = open_in_mode(mode)
    competition = accepted.agreement.offer.competition
    check(page, [competition.get_absolute_url(), f"{competition.get_absolute_url()}rezultaty/"], axe_violations, mode)
    log_in(page.context, user("organizacja@example.org"))
    paths = [f"/moje-oferty/umowy/{waiting.pk}/", *(f"/moje-oferty/umowy/{waiting.pk}/{s}/" for s in AGREEMENT_PARTS),
             f"/moje-oferty/sprawozdania/{returned.pk}/",
             *(f"/moje-oferty/sprawozdania/{returned.pk}/{s}/" for s in REPORT_PARTS)]
    check(page, paths, axe_violations, mode)


@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_no_violation_on_the_officials_pages(open_in_mode, log_in, axe_violations, demo_data, mode):
    waiting, returned, accepted = demo_rows()
    page = open_in_mode(mode)
    log_in(page.context, user("admin@example.org"))
    paths = ["/panel/konkursy/umowy/", f"/panel/konkursy/umowy/{waiting.pk}/",
             f"/panel/konkursy/umowy/{waiting.pk}/strony/", f"/panel/konkursy/umowy/{accepted.agreement_id}/",
             f"/panel/konkursy/sprawozdania/?rok={accepted.agreement.offer.competition.year}",
             f"/panel/konkursy/sprawozdania/{returned.pk}/", f"/panel/konkursy/sprawozdania/{accepted.pk}/",
             f"/panel/konkursy/sprawozdania/umowa/{accepted.agreement_id}/czesciowe/"]
    check(page, paths, axe_violations, mode)


def test_a_wrong_account_number_is_shown_by_keyboard(new_context, log_in, axe_violations, demo_data):
    waiting, _returned, _accepted = demo_rows()
    context = new_context()
    log_in(context, user("organizacja@example.org"))
    page = context.new_page()
    page.goto(f"/moje-oferty/umowy/{waiting.pk}/rachunek/")
    field = page.get_by_label("Numer rachunku bankowego (IBAN)")
    field.fill("PL00 1234")
    field.press("Enter")
    expect(page.locator("#error-summary")).to_be_visible()
    expect(field).to_have_attribute("aria-invalid", "true")
    violations = axe_violations(page)
    assert not violations, "account with errors:\n" + "\n".join(violations)


def test_negative_spending_in_a_report_is_shown_with_its_errors(new_context, log_in, axe_violations, demo_data):
    _waiting, returned, _accepted = demo_rows()
    context = new_context()
    log_in(context, user("organizacja@example.org"))
    page = context.new_page()
    page.goto(f"/moje-oferty/sprawozdania/{returned.pk}/finansowe/")
    field = page.get_by_label("Wykorzystana dotacja (zł)")
    field.fill("-10")
    field.press("Enter")
    expect(page.locator("#error-summary")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, "report with errors:\n" + "\n".join(violations)

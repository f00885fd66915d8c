"""The joint offer's agreement and report as its partner reads them, a report's page with its PDF, and the city's
clauses of the agreement in a real browser: axe in the four display modes; the clauses' form saved empty by keyboard
shows its error next to the field and in the summary."""

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


def user(email):
    from partnerstwo.accounts.models import User

    return User.objects.get(email=email)


def joint():
    from partnerstwo.grants.agreements.models import Agreement

    agreement = Agreement.objects.select_related("offer").get(offer__online__partners__isnull=False)
    return agreement, agreement.reports.get()


def check(page, paths, axe_violations, label):
    for path in paths:
        assert page.goto(path).status == 200, path
        expect(page.locator("h1")).to_have_count(1)
        violations = axe_violations(page)
        assert not violations, f"{path} ({label}):\n" + "\n".join(violations)


@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_no_violation_on_the_partners_pages_of_the_joint_offer(open_in_mode, log_in, axe_violations,
                                                                         demo_data, mode):
    agreement, report = joint()
    page = open_in_mode(mode)
    log_in(page.context, user("organizacja@example.org"))
    check(page, [f"/moje-oferty/{agreement.offer.online_id}/", f"/moje-oferty/umowy/{agreement.pk}/",
                 f"/moje-oferty/sprawozdania/{report.pk}/"], axe_violations, mode)
    expect(page.get_by_text("jako partner oferty wspólnej")).to_be_visible()


@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_no_violation_on_the_clauses_and_a_report_with_its_pdf(open_in_mode, log_in, axe_violations,
                                                                         demo_data, mode):
    from partnerstwo.grants.reports.models import Report

    accepted = Report.objects.get(status="accepted")
    page = open_in_mode(mode)
    log_in(page.context, user("admin@example.org"))
    check(page, ["/panel/konkursy/umowy/postanowienia/", f"/panel/konkursy/sprawozdania/{accepted.pk}/"],
          axe_violations, mode)
    expect(page.get_by_role("link", name="Złożone sprawozdanie (PDF)")).to_be_visible()


def test_the_clauses_saved_empty_by_keyboard_show_the_error(new_context, log_in, axe_violations, demo_data):
    context = new_context()
    log_in(context, user("admin@example.org"))
    page = context.new_page()
    page.goto("/panel/konkursy/umowy/postanowienia/")
    field = page.get_by_label("Treść postanowień umowy")
    field.fill("")
    field.focus()
    page.keyboard.press("Tab")  # to the note
    page.keyboard.press("Enter")  # submits the form from its text field
    expect(page.locator("#error-summary")).to_be_visible()
    expect(field).to_have_attribute("aria-invalid", "true")
    violations = axe_violations(page)
    assert not violations, "clauses with errors:\n" + "\n".join(violations)

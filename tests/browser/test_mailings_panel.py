"""The mailings panel in a browser: axe-core finds no WCAG 2.1 A/AA violation on its pages, with errors shown too."""

import io

import pytest

from partnerstwo.newsletter import demo_mailings
from partnerstwo.newsletter.models import Mailing

pytestmark = pytest.mark.browser


@pytest.fixture
def mailings(demo_official):
    demo_mailings.load(io.StringIO())  # idempotent: also fine once the lead lists it in the demo
    return {
        "sent": Mailing.objects.get(subject=demo_mailings.SENT_SUBJECT),
        "draft": Mailing.objects.get(subject=demo_mailings.DRAFT_SUBJECT),
    }


def test_the_mailing_form_with_its_errors_has_no_accessibility_violations(
    new_context, log_in, demo_official, mailings, axe_violations
):
    context = new_context()
    log_in(context, demo_official)
    page = context.new_page()
    page.goto("/panel/rozsylki/nowa/")
    page.fill("#id_subject", "Szkolenie z pisania ofert")
    page.select_option("#id_segment", "district")
    with page.expect_navigation():
        page.locator("main form[method='post' i] button[type='submit']").first.click()

    assert "Wybierz osiedle" in page.locator("#id_district_error").inner_text()
    assert "Napisz treść wiadomości." in page.locator("#id_body_error").inner_text()
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["", "{draft}/", "{draft}/podglad/", "{draft}/wyslij/", "{sent}/",
                                  "{sent}/niedoreczone/", "{sent}/niepewne/", "wstrzymane/"])
def test_the_panel_pages_have_no_accessibility_violations(
    new_context, log_in, demo_official, mailings, axe_violations, path
):
    context = new_context()
    log_in(context, demo_official)
    page = context.new_page()
    response = page.goto("/panel/rozsylki/" + path.format(draft=mailings["draft"].pk, sent=mailings["sent"].pk))

    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []

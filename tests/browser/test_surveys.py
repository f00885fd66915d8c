"""Needs surveys in a real browser, in each display mode: the answering form from an e-mailed link (and its error
state, with the typed text kept), the public summary with its charts, and as an official the panel's builder and
the results with charts; axe finds no WCAG A or AA violation on any of them."""

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


def _paths():
    from partnerstwo.newsletter.links import organization_link_token
    from partnerstwo.organizations.models import Organization
    from partnerstwo.surveys.models import Survey

    current = Survey.objects.open().get(title__startswith="Priorytety")
    closed = Survey.objects.with_public_summary().first()
    organization = Organization.objects.public().order_by("-pk").first()
    token = organization_link_token("survey", current.pk, organization.pk)
    return {
        "answer": f"/badania-potrzeb/{current.pk}/odpowiedz/{token}/",
        "summary": closed.summary_url(),
        "list": "/badania-potrzeb/",
        "builder": f"/panel/badania-potrzeb/{current.pk}/",
        "results": f"/panel/badania-potrzeb/{closed.pk}/wyniki/",
        "question": f"/panel/badania-potrzeb/{current.pk}/pytania/nowe/",
    }


def _check(page, axe_violations, label):
    expect(page.locator("h1")).to_have_count(1)
    violations = axe_violations(page)
    assert not violations, f"{label} ({page.url}):\n" + "\n".join(violations)


@pytest.mark.parametrize("mode", list(MODES))
def test_survey_pages_in_every_mode(open_in_mode, log_in, axe_violations, demo_data, mode):
    from partnerstwo.accounts.models import User

    paths = _paths()
    page = open_in_mode(mode)
    for name in ("list", "summary", "answer"):
        assert page.goto(paths[name]).status == 200
        _check(page, axe_violations, f"{name} {mode}")
    # The error state: a required question left out, the free text kept.
    page.goto(paths["answer"])
    page.get_by_label("Uwagi do projektu programu").fill("Więcej małych grantów")
    page.get_by_role("button", name="Wyślij odpowiedzi").click()
    expect(page.locator(".error-summary")).to_contain_text("Zaznacz co najmniej jedną odpowiedź.")
    expect(page.get_by_label("Uwagi do projektu programu")).to_have_value("Więcej małych grantów")
    _check(page, axe_violations, f"answer with errors {mode}")

    log_in(page.context, User.objects.get(email="urzednik@example.org"))
    for name in ("builder", "results", "question"):
        assert page.goto(paths[name]).status == 200
        _check(page, axe_violations, f"{name} {mode}")
    page.goto(paths["results"])
    expect(page.locator("svg.chart-svg").first).to_be_visible()
    page.context.close()

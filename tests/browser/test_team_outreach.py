"""The body's work on the rest of the platform in a real browser, with axe: the competition's page with the body's
opinion, that opinion sent to a department, the body's committee nominations in its panel, the meeting's event in
the calendar, and the secretary drafting an opinion on a competition with the keyboard (first without naming it)."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


def _paths():
    from partnerstwo.team.meetings import calendar
    from partnerstwo.team.models import Meeting, Position

    opinion = Position.objects.get(concerns=Position.Concerns.COMPETITION)
    coming = Meeting.objects.get(title="Posiedzenie nr 9")
    return {
        "competition": opinion.competition.get_absolute_url(),
        "position": opinion.get_absolute_url(),
        "meeting-event": calendar.event_for(coming).get_absolute_url(),
        "calendar": f"/wydarzenia/?widok=lista&data={coming.day.isoformat()}",
        "panel-position": f"/panel/zespol/stanowiska/{opinion.pk}/",
        "panel-index": "/panel/zespol/",
        "panel-position-form": "/panel/zespol/stanowiska/nowe/",
    }


PAGES = ["competition", "position", "meeting-event", "calendar", "panel-position", "panel-index",
         "panel-position-form"]
CASES = [(name, mode) for name in PAGES for mode in (MODES if name in ("competition", "position") else ["default"])]


@pytest.fixture
def secretary(demo_data):
    from partnerstwo.accounts.models import User

    return User.objects.get(email="zespol@example.org")


@pytest.mark.parametrize(("name", "mode"), CASES, ids=[f"{name}-{mode}" for name, mode in CASES])
def test_axe_finds_no_wcag_a_or_aa_violation_on_the_pages_that_show_the_bodys_work(
    open_in_mode, log_in, axe_violations, secretary, name, mode,
):
    page = open_in_mode(mode)
    if name.startswith("panel"):
        log_in(page.context, secretary)
    response = page.goto(_paths()[name])
    assert response.status == 200
    expect(page.locator("h1")).to_have_count(1)
    violations = axe_violations(page)
    assert not violations, f"{name} ({mode}, {page.url}):\n" + "\n".join(violations)


def test_the_competition_page_leads_to_the_bodys_opinion_and_the_opinion_says_where_it_went(page, demo_data):
    paths = _paths()
    page.goto(paths["competition"])
    page.get_by_role("link", name=re.compile("Opinia o ogłoszeniu konkursu")).click()
    expect(page.locator("h1")).to_contain_text("Opinia o ogłoszeniu konkursu")
    expect(page.get_by_text(re.compile("Przesłano dnia"))).to_contain_text("Departament Spraw Społecznych")


def test_the_secretary_drafts_an_opinion_on_a_competition_with_the_keyboard(new_context, log_in, axe_violations,
                                                                            secretary):
    context = new_context()
    log_in(context, secretary)
    page = context.new_page()
    page.goto(_paths()["panel-position-form"])

    page.get_by_label("Tytuł").fill("Opinia o konkursie na wypoczynek zimowy")
    page.get_by_label("Treść").fill("Zespół popiera ogłoszenie.")
    page.get_by_label("otwarty konkurs ofert").check()
    page.get_by_label("Departament Edukacji").check()
    page.get_by_label("Tytuł").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".error-summary")).to_contain_text("Wskaż konkurs ofert")
    expect(page.get_by_label("Tytuł")).to_have_value("Opinia o konkursie na wypoczynek zimowy")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)

    winter = "Organizacja wypoczynku zimowego dzieci i młodzieży w 2027 roku"
    page.locator("#id_competition").select_option(label=winter)
    page.get_by_role("button", name="Zapisz projekt").press("Enter")
    expect(page.locator(".message--success")).to_contain_text("Zapisano projekt.")
    expect(page.get_by_role("link", name=re.compile("wypoczynku zimowego"))).to_be_visible()
    expect(page.get_by_text(re.compile("Skierowane do:"))).to_contain_text("Departament Edukacji")
    context.close()

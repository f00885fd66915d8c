"""The advisory body in a real browser, with axe: the public pages to a visitor in every display mode, and the flows
by keyboard (the secretary adding a member, a member answering, commenting and voting, a representative joining a
group). Every page pattern of the body in each display mode is in test_team_every_page.py."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser

PAGES = {
    "body": "/zespol/",
    "terms": "/zespol/kadencje/",
    "past-term": "/zespol/kadencje/1/",
    "current-term-en": "/en/zespol/kadencje/2/",
}
CASES = [(name, mode) for name in PAGES for mode in (MODES if name == "body" else ["default"])]


@pytest.mark.parametrize(("name", "mode"), CASES, ids=[f"{name}-{mode}" for name, mode in CASES])
def test_axe_finds_no_wcag_a_or_aa_violation_on_the_teams_pages(open_in_mode, axe_violations, demo_data, name, mode):
    page = open_in_mode(mode)
    response = page.goto(PAGES[name])
    assert response.status == 200
    expect(page.locator("h1")).to_have_count(1)
    violations = axe_violations(page)
    assert not violations, f"{name} ({mode}, {page.url}):\n" + "\n".join(violations)


def test_the_body_page_shows_ten_members_and_the_rules(page, demo_data):
    page.goto("/zespol/")
    expect(page.locator(".member-card")).to_have_count(10)
    expect(page.locator(".member-card").first).to_contain_text("Współprzewodniczący")
    expect(page.get_by_role("link", name=re.compile("Kadencja 1"))).to_be_visible()


@pytest.fixture
def secretary(demo_data):
    from partnerstwo.accounts.models import User

    return User.objects.get(email="zespol@example.org")


def test_the_secretary_adds_a_member_with_the_keyboard(new_context, log_in, axe_violations, secretary):
    context = new_context()
    log_in(context, secretary)
    page = context.new_page()
    page.goto("/panel/zespol/")
    assert not axe_violations(page), "\n".join(axe_violations(page))
    page.get_by_role("link", name=re.compile("Kadencja 2")).click()
    expect(page.get_by_role("table")).to_contain_text("Małgorzata Kowalczyk")
    assert not axe_violations(page)
    page.get_by_role("link", name="Dodaj członka").click()

    page.get_by_label("Imię i nazwisko").fill("Wiesława Nowa")
    page.get_by_label("organizacja pozarządowa").check()
    page.get_by_label("Imię i nazwisko").focus()
    page.keyboard.press("Enter")
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Wskaż organizację, którą reprezentuje ta osoba.")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)

    page.locator("#id_organization").select_option(label="Fundacja Kultury Ulicznej „Bojary”")
    page.get_by_role("button", name="Zapisz").press("Enter")
    expect(page.locator(".message--success")).to_contain_text("Zapisano: Wiesława Nowa.")
    expect(page.get_by_role("table")).to_contain_text("Wiesława Nowa")
    context.close()


def _meeting_paths():
    from partnerstwo.city.models import Department
    from partnerstwo.team.models import Meeting

    published = Meeting.objects.filter(minutes_status="approved").order_by("starts_at").first()
    draft = Meeting.objects.get(title="Posiedzenie nr 8")
    coming = Meeting.objects.get(title="Posiedzenie nr 9")
    department = Department.objects.get(name="Departament Spraw Społecznych")
    return {
        "meetings": "/zespol/posiedzenia/",
        "published-minutes": f"/zespol/posiedzenia/{published.pk}/",
        "coming-meeting": f"/zespol/posiedzenia/{coming.pk}/",
        "department": f"/zespol/wydzialy/{department.pk}/",
        "members-home": "/zespol/dla-czlonkow/",
        "members-draft": f"/zespol/dla-czlonkow/posiedzenia/{draft.pk}/",
        "members-coming": f"/zespol/dla-czlonkow/posiedzenia/{coming.pk}/",
        "panel-meetings": "/panel/zespol/posiedzenia/",
        "panel-coming": f"/panel/zespol/posiedzenia/{coming.pk}/",
        "panel-minutes": f"/panel/zespol/posiedzenia/{draft.pk}/protokol/",
        "panel-attendance": f"/panel/zespol/posiedzenia/{draft.pk}/obecnosc/",
        "panel-delete": f"/panel/zespol/posiedzenia/{coming.pk}/usun/",
    }


def test_a_member_answers_and_comments_on_the_draft_with_the_keyboard(new_context, log_in, axe_violations,
                                                                      secretary):
    context = new_context()
    log_in(context, secretary)
    page = context.new_page()
    paths = _meeting_paths()

    page.goto(paths["members-coming"])
    page.get_by_label("będę", exact=True).check()
    page.get_by_role("button", name="Zapisz odpowiedź").press("Enter")
    expect(page.locator(".message--success")).to_contain_text("zapisaliśmy Twoją odpowiedź")

    page.goto(paths["members-draft"])
    page.get_by_role("button", name="Dodaj uwagę").press("Enter")
    expect(page.locator(".error-summary")).to_contain_text("To pole jest wymagane")
    assert not axe_violations(page), "\n".join(axe_violations(page))
    page.get_by_label("Uwaga do projektu protokołu").fill("Proszę poprawić nazwisko gościa.")
    page.get_by_role("button", name="Dodaj uwagę").press("Enter")
    expect(page.locator("main")).to_contain_text("Proszę poprawić nazwisko gościa.")
    context.close()


def test_the_published_minutes_open_as_a_pdf(page, demo_data):
    paths = _meeting_paths()
    page.goto(paths["published-minutes"])
    link = page.get_by_role("link", name="Protokół w pliku PDF")
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"


def test_a_member_votes_electronically_with_the_keyboard(new_context, log_in, axe_violations, secretary):
    context = new_context()
    log_in(context, secretary)
    page = context.new_page()
    page.goto("/zespol/dla-czlonkow/")
    page.get_by_role("link", name="Opinia o projekcie programu współpracy na kolejny rok").click()
    expect(page.locator("main")).to_contain_text("Termin na opinię")
    page.get_by_role("button", name="Oddaj głos").press("Enter")
    expect(page.locator(".error-summary")).to_be_visible()
    assert not axe_violations(page), "\n".join(axe_violations(page))
    page.get_by_label("za", exact=True).check()
    page.get_by_role("button", name="Oddaj głos").press("Enter")
    expect(page.locator(".message--success")).to_contain_text("Zapisaliśmy Twój głos")
    expect(page.locator("main")).to_contain_text("Głosujesz: za.")
    context.close()


@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_no_wcag_a_or_aa_violation_on_the_group_pages(open_in_mode, log_in, axe_violations, demo_data, mode):
    from partnerstwo.accounts.models import User

    page = open_in_mode(mode)
    log_in(page.context, User.objects.get(email="organizacja@example.org"))
    for path in ("/zespol/grupy/", "/zespol/grupy/kultura/", "/zespol/grupy/pomoc-spoleczna/"):
        response = page.goto(path)
        assert response.status == 200
        violations = axe_violations(page)
        assert not violations, f"{path} ({mode}):\n" + "\n".join(violations)


def test_a_representative_adds_their_organisation_to_a_sector_group_with_the_keyboard(
    new_context, log_in, axe_violations, demo_data
):
    from partnerstwo.accounts.models import User

    context = new_context()
    log_in(context, User.objects.get(email="organizacja@example.org"))
    page = context.new_page()
    page.goto("/zespol/grupy/kultura/")
    page.locator("#id_organization").select_option(index=1)
    page.get_by_role("button", name="Dołącz do grupy").press("Enter")
    expect(page.locator(".message--success")).to_contain_text("Organizacja dołączyła do grupy")
    expect(page.get_by_role("button", name=re.compile("Wypisz z grupy"))).to_be_visible()
    assert not axe_violations(page)
    context.close()


def test_a_representative_joins_a_sector_group_from_the_profile_with_the_keyboard(
    new_context, log_in, axe_violations, demo_data
):
    from partnerstwo.accounts.models import User
    from partnerstwo.organizations.models import Organization

    user = User.objects.get(email="organizacja@example.org")
    organization = Organization.objects.represented_by(user).order_by("pk").first()
    context = new_context()
    log_in(context, user)
    page = context.new_page()
    page.goto(organization.get_absolute_url())
    section = page.locator(".profile-groups")
    expect(section).to_contain_text("Grupa branżowa: pomoc społeczna")
    assert not axe_violations(page), "\n".join(axe_violations(page))
    joined = section.get_by_role("button", name=re.compile("Wypisz z grupy")).count()
    section.get_by_role("button", name=re.compile("^Dołącz")).first.press("Enter")
    expect(page.locator(".message--success")).to_contain_text("Organizacja dołączyła do grupy")
    assert page.url.endswith(organization.get_absolute_url())
    expect(section.get_by_role("button", name=re.compile("Wypisz z grupy"))).to_have_count(joined + 1)
    expect(page.locator("#team-groups-heading")).to_be_visible()
    assert not axe_violations(page), "\n".join(axe_violations(page))
    context.close()

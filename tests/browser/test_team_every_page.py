"""Every page pattern of the advisory body (public, the members' area, the staff panel, its forms and confirmation
pages; group pages and the body's work elsewhere) in each of the four display modes, with axe; and each staff form
sent empty or wrong, its error summary and messages checked by axe too. One demo load per mode: the pages of a mode
are visited in turn and their violations reported together."""

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


def every_page() -> dict[str, str]:
    """One instance of each page pattern, the fullest the demo has."""
    from partnerstwo.city.models import Department
    from partnerstwo.organizations.models import Organization
    from partnerstwo.team.meetings import calendar
    from partnerstwo.team.models import AgendaItem, Group, LegalAct, Meeting, Position, Term

    current = Term.objects.get(number=2)
    seat = current.memberships.order_by("pk").first()
    held = Meeting.objects.filter(group=None, minutes_status="approved").order_by("starts_at").first()
    draft_minutes = Meeting.objects.get(title="Posiedzenie nr 8")
    coming = Meeting.objects.get(title="Posiedzenie nr 9")
    item = AgendaItem.objects.filter(meeting=coming).order_by("position").first()
    voting = Position.objects.get(status="voting")
    # The draft opinion a consultation opened on its announcement, linked to it (consultations' demo).
    consulted = Position.objects.filter(consultation__isnull=False).order_by("pk").first()
    draft = Position.objects.get(status="draft", consultation=None)  # not the ones consultations opened
    adopted = Position.objects.get(concerns=Position.Concerns.COMPETITION)
    rejected = Position.objects.get(status="rejected")
    culture = Group.objects.get(slug="kultura")
    working = Group.objects.get(slug="zespol-kluby-seniora")
    group_held = culture.meetings.filter(minutes_status="approved").get()
    group_coming = culture.meetings.filter(minutes_status="draft").get()
    department = Department.objects.get(name="Departament Spraw Społecznych")
    act = LegalAct.objects.order_by("pk").first()
    member = Organization.objects.filter(team_groups__group=culture).order_by("name").first()
    panel = "/panel/zespol"
    return {
        # public
        "body": "/zespol/", "body-en": "/en/zespol/", "terms": "/zespol/kadencje/", "past-term": "/zespol/kadencje/1/",
        "current-term": f"/zespol/kadencje/{current.number}/", "meetings": "/zespol/posiedzenia/",
        "meeting-minutes": held.get_absolute_url(), "meeting-coming": coming.get_absolute_url(),
        "department": f"/zespol/wydzialy/{department.pk}/", "positions": "/zespol/stanowiska/",
        "position-adopted": adopted.get_absolute_url(), "position-rejected": rejected.get_absolute_url(),
        "legal-acts": "/zespol/akty-prawne/", "groups": "/zespol/grupy/", "group": culture.get_absolute_url(),
        "working-team": working.get_absolute_url(), "group-meeting-minutes": group_held.get_absolute_url(),
        "group-meeting-coming": group_coming.get_absolute_url(),
        "competition-with-opinion": adopted.competition.get_absolute_url(),
        "meeting-event": calendar.event_for(coming).get_absolute_url(),
        "directory-by-group": "/organizacje/?branza=kultura", "profile-with-groups": member.get_absolute_url(),
        # the members' area
        "members-home": "/zespol/dla-czlonkow/", "members-vote": f"/zespol/dla-czlonkow/stanowiska/{voting.pk}/",
        "members-draft-position": f"/zespol/dla-czlonkow/stanowiska/{draft.pk}/",
        "members-consultation-position": f"/zespol/dla-czlonkow/stanowiska/{consulted.pk}/",
        "members-position-new": "/zespol/dla-czlonkow/stanowiska/nowy-projekt/",
        "members-position-edit": f"/zespol/dla-czlonkow/stanowiska/{draft.pk}/projekt/",
        "members-draft-minutes": f"/zespol/dla-czlonkow/posiedzenia/{draft_minutes.pk}/",
        "members-coming": f"/zespol/dla-czlonkow/posiedzenia/{coming.pk}/",
        # the staff panel
        "panel-index": f"{panel}/", "panel-rules": f"{panel}/zasady/", "panel-term-new": f"{panel}/kadencje/nowa/",
        "panel-term": f"{panel}/kadencje/{current.pk}/", "panel-term-dates": f"{panel}/kadencje/{current.pk}/daty/",
        "panel-member-new": f"{panel}/kadencje/{current.pk}/nowy-czlonek/",
        "panel-term-delete": f"{panel}/kadencje/{current.pk}/usun/", "panel-member": f"{panel}/czlonkowie/{seat.pk}/",
        "panel-member-delete": f"{panel}/czlonkowie/{seat.pk}/usun/", "panel-meetings": f"{panel}/posiedzenia/",
        "panel-meeting-new": f"{panel}/posiedzenia/nowe/", "panel-meeting": f"{panel}/posiedzenia/{coming.pk}/",
        "panel-meeting-edit": f"{panel}/posiedzenia/{coming.pk}/zmien/",
        "panel-meeting-cancel": f"{panel}/posiedzenia/{coming.pk}/odwolaj/",
        "panel-meeting-delete": f"{panel}/posiedzenia/{coming.pk}/usun/",
        "panel-item-new": f"{panel}/posiedzenia/{coming.pk}/nowy-punkt/", "panel-item": f"{panel}/punkty/{item.pk}/",
        "panel-attendance": f"{panel}/posiedzenia/{draft_minutes.pk}/obecnosc/",
        "panel-minutes": f"{panel}/posiedzenia/{draft_minutes.pk}/protokol/",
        "panel-item-minutes": f"{panel}/punkty/{draft_minutes.items.order_by('position').first().pk}/protokol/",
        "panel-action-new": f"{panel}/posiedzenia/{draft_minutes.pk}/nowe-zadanie/",
        "panel-positions": f"{panel}/stanowiska/", "panel-position-new": f"{panel}/stanowiska/nowe/",
        "panel-position-draft": f"{panel}/stanowiska/{draft.pk}/",
        "panel-position-consultation": f"{panel}/stanowiska/{consulted.pk}/",
        "panel-position-voting": f"{panel}/stanowiska/{voting.pk}/",
        "panel-position-adopted": f"{panel}/stanowiska/{adopted.pk}/",
        "panel-position-edit": f"{panel}/stanowiska/{draft.pk}/zmien/",
        "panel-meeting-vote": f"{panel}/stanowiska/{draft.pk}/posiedzenie/{draft_minutes.pk}/",
        "panel-legal-acts": f"{panel}/akty-prawne/", "panel-legal-act-new": f"{panel}/akty-prawne/nowy/",
        "panel-legal-act": f"{panel}/akty-prawne/{act.pk}/", "panel-groups": f"{panel}/grupy/",
        "panel-group-new": f"{panel}/grupy/nowa/", "panel-group": f"{panel}/grupy/{culture.pk}/",
        "panel-group-member-new": f"{panel}/grupy/{culture.pk}/nowy-czlonek/",
        "panel-group-meetings": f"{panel}/grupy/{culture.pk}/posiedzenia/",
        "panel-group-meeting-new": f"{panel}/grupy/{culture.pk}/posiedzenia/nowe/",
        "panel-group-meeting": f"{panel}/posiedzenia/{group_coming.pk}/",
        "panel-group-minutes": f"{panel}/posiedzenia/{group_held.pk}/protokol/",
    }


# Staff forms sent empty (or with one wrong value), each showing its error summary: (page, fields to fill).
BAD_FORMS = [
    ("panel-rules", {"#id_quorum_percent": "0"}), ("panel-term-new", {"#id_number": "1"}), ("panel-member-new", {}),
    ("panel-meeting-new", {}), ("panel-item-new", {}), ("panel-action-new", {}), ("panel-position-new", {}),
    ("panel-legal-act-new", {}), ("panel-group-new", {}), ("panel-group-member-new", {}),
    ("panel-group-meeting-new", {}), ("members-position-new", {}),
]


@pytest.fixture
def secretary(demo_data):
    from partnerstwo.accounts.models import User

    return User.objects.get(email="zespol@example.org")


@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_no_violation_on_any_page_pattern_of_the_body_in_each_display_mode(
    open_in_mode, log_in, axe_violations, secretary, mode,
):
    page = open_in_mode(mode)
    log_in(page.context, secretary)  # the demo's secretary: a member too, so every page opens
    problems = []
    for name, path in every_page().items():
        response = page.goto(path)
        if response.status != 200 or page.locator("h1").count() != 1:
            problems.append(f"{name} ({path}): status {response.status}, {page.locator('h1').count()} h1")
            continue
        problems.extend(f"{name} ({path}): {v}" for v in axe_violations(page))
    assert not problems, f"{mode}:\n" + "\n".join(problems)


@pytest.mark.parametrize("mode", ["default", "high-contrast"])
def test_every_staff_form_sent_wrong_shows_its_errors_without_a_violation(
    open_in_mode, log_in, axe_violations, secretary, mode,
):
    page = open_in_mode(mode)
    log_in(page.context, secretary)
    paths = every_page()
    problems = []
    for name, fields in BAD_FORMS:
        page.goto(paths[name])
        for selector, value in fields.items():
            page.locator(selector).fill(value)
        page.locator("main form[method=post] button[type=submit]").last.press("Enter")
        summary = page.locator(".error-summary")
        try:
            expect(summary).to_be_visible()
        except AssertionError:
            problems.append(f"{name}: no error summary after sending it wrong ({page.url})")
            continue
        problems.extend(f"{name} with errors: {v}" for v in axe_violations(page))
    assert not problems, "\n".join(problems)

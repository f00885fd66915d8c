"""The events calendar in a real browser: axe on the month, week and list views and an event page;
previous/next by keyboard."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


@pytest.fixture
def calendar_events(demo_data):
    """A few events this month, whatever the demo holds: a training with registration, a repeating
    class, a cancelled meeting, a Forum with a programme."""
    from django.utils import timezone

    from partnerstwo.events.models import EventKind, EventStatus, ForumSession, RegistrationMode
    from partnerstwo.events.tests import factories

    day = timezone.localdate()

    def at(days, hour):
        return datetime.datetime.combine(day + datetime.timedelta(days=days), datetime.time(hour),
                                         tzinfo=factories.WARSAW)

    training = factories.event(title="Szkolenie przeglądarkowe", slug="szkolenie-przegladarkowe",
                               kind=EventKind.TRAINING, registration_mode=RegistrationMode.HERE, capacity=10,
                               starts_at=at(1, 10), description="Jak pisać **wnioski**.", step_free_access=True)
    factories.event(title="Zajęcia cotygodniowe", kind=EventKind.MEETING, starts_at=at(0, 17),
                    rrule="FREQ=WEEKLY;COUNT=6")
    factories.event(title="Odwołane spotkanie", starts_at=at(2, 12), status=EventStatus.CANCELLED,
                    cancellation_reason="Choroba prowadzącego.")
    forum = factories.event(title="Forum przeglądarkowe", slug="forum-przegladarkowe", kind=EventKind.CONFERENCE,
                            starts_at=at(3, 9), ends_at=at(3, 16))
    ForumSession.objects.create(event=forum, starts_at=at(3, 9), ends_at=at(3, 10), room="Sala A",
                                title="Otwarcie i współpraca międzysektorowa",
                                speakers="Prezydent Miasta, przewodnicząca Zespołu Konsultacyjnego")
    return training


PAGES = {
    "month": "/wydarzenia/",
    "week": "/wydarzenia/?widok=tydzien",
    "list": "/wydarzenia/?widok=lista",
    "filtered-with-error": "/wydarzenia/?rodzaj=training&organizator=nie-ma-takiej",
    "trainings": "/szkolenia/",
    "event": "/wydarzenia/szkolenie-przegladarkowe/",
    "forum": "/wydarzenia/forum-przegladarkowe/",
}
CASES = [(name, mode) for name in PAGES for mode in (MODES if name in ("month", "event", "forum") else ["default"])]


@pytest.mark.parametrize(("name", "mode"), CASES, ids=[f"{name}-{mode}" for name, mode in CASES])
def test_axe_finds_no_wcag_a_or_aa_violation_in_the_calendar(open_in_mode, axe_violations, calendar_events,
                                                               name, mode):
    page = open_in_mode(mode)
    response = page.goto(PAGES[name])
    assert response.status == 200
    violations = axe_violations(page)
    assert not violations, f"{name} ({mode}, {page.url}):\n" + "\n".join(violations)


def test_on_a_phone_the_forum_programme_scrolls_under_the_keyboard(open_in_mode, calendar_events):
    page = open_in_mode("phone-390px")
    page.goto(PAGES["forum"])
    programme = page.get_by_role("region", name="Tabela programu")
    for _ in range(60):  # Tab through the page until the programme's scrolling box has the focus
        page.keyboard.press("Tab")
        if programme.evaluate("element => element === document.activeElement"):
            break
    else:
        raise AssertionError("the programme cannot be reached with the Tab key")
    assert programme.evaluate("element => element.scrollWidth > element.clientWidth"), "it does not scroll here"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    # Chromium scrolls smoothly: the position moves over the next frames, not at once.
    page.wait_for_function("element => element.scrollLeft > 0", arg=programme.element_handle(), timeout=5_000)


def test_a_keyboard_user_moves_to_the_next_month_and_back(page, calendar_events):
    page.goto("/wydarzenia/")
    heading = page.locator("#period-heading").inner_text()
    next_link = page.get_by_role("link", name="Następny miesiąc")
    for _ in range(200):
        page.keyboard.press("Tab")
        if next_link.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the next-month link")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"data=\d{4}-\d{2}-01"))
    expect(page.locator("#period-heading")).not_to_have_text(heading)
    page.get_by_role("link", name="Poprzedni miesiąc").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#period-heading")).to_have_text(heading)


def test_the_filters_work_without_javascript(browser, base_url, calendar_events):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto("/wydarzenia/?widok=lista")
    page.get_by_label("Rodzaj").select_option("training")
    page.get_by_role("button", name="Pokaż").click()
    expect(page).to_have_url(re.compile(r"rodzaj=training"))
    expect(page.locator("main")).to_contain_text("Szkolenie przeglądarkowe")
    expect(page.locator("main")).not_to_contain_text("Zajęcia cotygodniowe")
    context.close()


def test_the_review_of_a_change_is_accessible_and_approving_it_publishes_it(new_context, log_in, axe_violations,
                                                                            demo_official):
    """The demo holds a change of the representative's picnic awaiting review."""
    from partnerstwo.events.models import EventChange

    change = EventChange.objects.get(status=EventChange.Status.PENDING)
    context = new_context()
    log_in(context, demo_official)
    page = context.new_page()
    assert page.goto("/panel/wydarzenia/").status == 200
    violations = axe_violations(page)
    assert not violations, "events in the panel:\n" + "\n".join(violations)
    page.get_by_role("link", name=change.event.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zmiany w wydarzeniu")
    expect(page.get_by_role("table")).to_contain_text("pokaz ratownictwa wodnego")
    violations = axe_violations(page)
    assert not violations, "review of a change:\n" + "\n".join(violations)

    page.get_by_label("Odrzuć zmiany").check()
    page.get_by_role("button", name="Zapisz decyzję").click()
    expect(page.locator("#id_reason_error")).to_contain_text("Napisz, dlaczego zmiana")
    violations = axe_violations(page)
    assert not violations, "review of a change with errors:\n" + "\n".join(violations)

    page.get_by_label("Opublikuj zmiany").check()
    page.get_by_role("button", name="Zapisz decyzję").click()
    expect(page).to_have_url(re.compile(r"/panel/wydarzenia/$"))
    change.refresh_from_db()
    assert change.status == "approved"


def test_the_representatives_events_and_the_form_with_a_change_under_review_are_accessible(
    new_context, log_in, axe_violations, demo_data
):
    from partnerstwo.accounts.models import User
    from partnerstwo.events.models import EventChange

    representative = User.objects.get(email="organizacja@example.org")
    change = EventChange.objects.get(status=EventChange.Status.PENDING)
    context = new_context()
    log_in(context, representative)
    page = context.new_page()
    assert page.goto("/moje-wydarzenia/").status == 200
    expect(page.locator("main")).to_contain_text(change.event.title)
    violations = axe_violations(page)
    assert not violations, "my events:\n" + "\n".join(violations)
    assert page.goto(f"/moje-wydarzenia/{change.event.pk}/").status == 200
    expect(page.locator("main")).to_contain_text("czekają na akceptację")
    violations = axe_violations(page)
    assert not violations, "edit with a change under review:\n" + "\n".join(violations)


@pytest.mark.parametrize("mode", list(MODES))
def test_the_repeating_event_form_is_accessible_and_works_without_typing_a_rule(open_in_mode, log_in, axe_violations,
                                                                                 demo_data, mode):
    """A representative enters weekly classes with the plain choices: first with mistakes, then right."""
    from partnerstwo.accounts.models import User
    from partnerstwo.events.models import Event

    page = open_in_mode(mode)
    log_in(page.context, User.objects.get(email="organizacja@example.org"))
    assert page.goto("/moje-wydarzenia/nowe/").status == 200
    expect(page.get_by_role("group", name="Czy wydarzenie się powtarza?")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, f"new event ({mode}):\n" + "\n".join(violations)

    page.locator("#id_title").fill("Zajęcia z przeglądarki")
    page.locator("#id_kind").select_option("meeting")
    page.locator("#id_organization").select_option(index=1)
    page.locator("#id_starts_at").fill("2030-03-05T18:00")
    page.locator("#id_ends_at").fill("2030-03-05T20:00")
    page.locator("#id_street").fill("ul. Warszawska 12")
    page.get_by_label("Co tydzień, w wybrane dni tygodnia").check()
    page.get_by_label("albo: liczba terminów").fill("0")
    page.get_by_role("button", name="Zapisz").click()
    expect(page.locator("#id_repeat_weekdays_error")).to_contain_text("Zaznacz co najmniej jeden dzień tygodnia.")
    expect(page.locator("#id_repeat_count_error")).to_contain_text("Podaj liczbę terminów od 2 do 750.")
    expect(page.locator("#id_title")).to_have_value("Zajęcia z przeglądarki")
    violations = axe_violations(page)
    assert not violations, f"new event with errors ({mode}):\n" + "\n".join(violations)
    if mode == "phone-390px":
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    if mode != "default":
        return

    page.get_by_role("group", name="Dni tygodnia (przy powtarzaniu co tydzień)").get_by_label("wtorek").check()
    page.get_by_label("albo: liczba terminów").fill("4")
    page.get_by_label("Dni, w które wydarzenia nie będzie").fill("12.03.2030")
    page.get_by_role("button", name="Zapisz").click()
    expect(page).to_have_url(re.compile(r"/moje-wydarzenia/$"))
    event = Event.objects.get(title="Zajęcia z przeglądarki")
    assert (event.rrule, event.exdates) == ("FREQ=WEEKLY;COUNT=4;BYDAY=TU", ["2030-03-12"])
    assert event.occurrences.count() == 3

    assert page.goto(f"/moje-wydarzenia/{event.pk}/").status == 200
    expect(page.get_by_label("Co tydzień, w wybrane dni tygodnia")).to_be_checked()
    expect(page.get_by_label("albo: liczba terminów")).to_have_value("4")
    expect(page.locator("main")).not_to_contain_text("FREQ=")
    violations = axe_violations(page)
    assert not violations, f"editing a repeating event ({mode}):\n" + "\n".join(violations)

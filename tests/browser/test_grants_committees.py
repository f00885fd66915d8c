"""Competition committees in a real browser, with axe on every page: a member signs the declaration of
impartiality with the keyboard and no longer sees the conflicted organisation's offer, fills a scoring card
(first with a missing justification), reads the protocol and its PDF; the official appoints, registers an offer
and assesses it formally; a resident is turned away from the members' area."""

import importlib
import re
from decimal import Decimal

import pytest
from django.apps import apps
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser

TITLE = "Zajęcia sportowe dla dzieci 2027"


def reload_spheres():
    """The spheres come from a data migration; transactional tests flush them, so put them back."""
    from partnerstwo.city.models import PublicTaskSphere

    if not PublicTaskSphere.objects.exists():
        importlib.import_module("partnerstwo.city.migrations.0002_spheres").load_spheres(apps, None)


class Committee:
    """One competition under evaluation: two offers that passed the formal assessment, both scored by the chair;
    the member has not signed the declaration yet."""

    def __init__(self, official, member, chair):
        from partnerstwo.grants.committees import evaluation
        from partnerstwo.grants.competitions.models import Competition
        from partnerstwo.grants.offers.models import Offer
        from partnerstwo.grants.tests import factories
        from partnerstwo.organizations.tests import factories as directory

        reload_spheres()
        self.competition = factories.competition(
            department=official.department,
            status=Competition.Status.EVALUATION,
            title=TITLE,
            slug="zajecia-sportowe-2027-komisja",
        )
        factories.criteria(self.competition, merit=(("Jakość i wykonalność zadania", 10), ("Koszty", 5)))
        self.alfa = directory.organization("Fundacja Alfa Ruch")
        self.beta = directory.organization("Stowarzyszenie Beta Sport")
        self.alfa_offer = factories.offer(
            self.competition, self.alfa, title="Piłka po lekcjach", formal=Offer.Formal.PASSED
        )
        self.beta_offer = factories.offer(
            self.competition, self.beta, title="Lekkoatletyka na osiedlach", formal=Offer.Formal.PASSED
        )
        self.chair = factories.member(self.competition, chair, is_chair=True, declared=True)
        self.member = factories.member(self.competition, member)
        quality, costs = evaluation.merit_criteria(self.competition)
        for offer, points in ((self.alfa_offer, ("8", "4")), (self.beta_offer, ("6.5", "3"))):
            entries = {
                quality: (Decimal(points[0]), "Spójny, realny plan zajęć."),
                costs: (Decimal(points[1]), "Koszty uzasadnione."),
            }
            evaluation.save_card(offer, self.chair, entries, submit=True)

    @property
    def area(self):
        return f"/konkursy/komisja/{self.competition.slug}/"


@pytest.fixture
def committee(transactional_db, settings, tmp_path, official_x):
    from conftest import make_user

    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    member = make_user("maria.komisyjna@example.org", "resident", full_name="Maria Komisyjna")
    chair = make_user("piotr.przewodniczacy@um.example.org", "resident", full_name="Piotr Przewodniczący")
    return Committee(official_x, member, chair)


@pytest.fixture
def signed_in(new_context, log_in):
    def open_page(user):
        context = new_context()
        log_in(context, user)
        return context.new_page()

    return open_page


def assert_accessible(page, axe_violations, what):
    expect(page.locator("h1")).to_have_count(1)
    violations = axe_violations(page)
    assert not violations, f"{what} ({page.url}):\n" + "\n".join(violations)


def tab_to(page, locator, limit=120):
    """Presses Tab until `locator` has the focus: proves it is reachable with the keyboard alone."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} cannot be reached with the Tab key")


def test_a_member_signs_the_declaration_with_the_keyboard_and_loses_sight_of_the_conflicted_offer(
    signed_in, axe_violations, committee
):
    from partnerstwo.grants.committees.models import ImpartialityDeclaration

    page = signed_in(committee.member.user)
    assert page.goto(committee.area).status == 200
    expect(page.locator("main")).not_to_contain_text("Piłka po lekcjach")  # no offers before the declaration
    assert_accessible(page, axe_violations, "members' page before the declaration")

    tab_to(page, page.get_by_role("link", name="Złóż oświadczenie"))
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Oświadczenie o bezstronności")
    assert_accessible(page, axe_violations, "declaration form")

    conflicts = page.get_by_role("group", name="Organizacje, z którymi mam konflikt interesów")
    tab_to(page, conflicts.get_by_role("checkbox", name="Stowarzyszenie Beta Sport"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_label("Okoliczności"))
    page.keyboard.type("Jestem członkinią zarządu stowarzyszenia.")
    tab_to(page, page.get_by_role("checkbox", name="Składam oświadczenie o bezstronności o powyższej treści"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Podpisuję oświadczenie"))
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_contain_text(TITLE)
    offers = page.get_by_role("table", name="Oferty, które możesz zobaczyć")
    expect(offers).to_contain_text("Piłka po lekcjach")
    expect(offers).not_to_contain_text("Lekkoatletyka na osiedlach")
    expect(page.locator("main")).not_to_contain_text("Stowarzyszenie Beta Sport")  # nor in the ranking
    assert_accessible(page, axe_violations, "members' page after the declaration")
    declaration = ImpartialityDeclaration.objects.get(member=committee.member)
    assert list(declaration.conflicts.all()) == [committee.beta]
    assert page.goto(f"{committee.area}oferty/{committee.beta_offer.pk}/").status == 404


def test_a_scoring_card_without_a_justification_shows_its_errors_and_then_is_submitted(
    signed_in, axe_violations, committee
):
    from partnerstwo.grants.committees import evaluation
    from partnerstwo.grants.committees.models import Score

    evaluation.sign_declaration(committee.member, conflicts=[committee.beta], explanation="Członkini zarządu.")
    page = signed_in(committee.member.user)
    assert page.goto(f"{committee.area}oferty/{committee.alfa_offer.pk}/").status == 200
    assert_accessible(page, axe_violations, "scoring card")

    page.get_by_label("Punkty: Jakość i wykonalność zadania (0–10)").fill("7.5")
    page.get_by_label("Punkty: Koszty (0–5)").fill("4")
    page.get_by_label("Uzasadnienie: Koszty").fill("Koszty realne, wkład własny opisany.")
    page.get_by_role("button", name="Złóż kartę oceny").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Uzasadnij przyznane punkty.")
    justification = page.get_by_label("Uzasadnienie: Jakość i wykonalność zadania")
    expect(justification).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".field--invalid .errorlist")).to_contain_text("Uzasadnij przyznane punkty.")
    expect(page.get_by_label("Uzasadnienie: Koszty")).to_have_value("Koszty realne, wkład własny opisany.")
    assert_accessible(page, axe_violations, "scoring card with errors")
    assert not Score.objects.filter(member=committee.member).exists()

    summary.get_by_role("link").first.click()
    expect(justification).to_be_focused()
    justification.fill("Harmonogram realny, doświadczona kadra trenerska.")
    page.get_by_role("button", name="Złóż kartę oceny").click()

    expect(page.locator("main")).to_contain_text("Karta oceny została złożona.")
    expect(page.get_by_role("table", name="Złożona karta oceny")).to_contain_text("7,5")
    assert_accessible(page, axe_violations, "submitted scoring card")
    scores = Score.objects.filter(member=committee.member, offer=committee.alfa_offer, submitted_at__isnull=False)
    assert sorted(scores.values_list("points", flat=True)) == [Decimal("4"), Decimal("7.5")]


@pytest.mark.parametrize("mode", list(MODES))
def test_the_protocol_page_lists_the_formal_assessment_and_its_pdf_link_answers_a_pdf(
    open_in_mode, log_in, axe_violations, committee, mode
):
    page = open_in_mode(mode)
    log_in(page.context, committee.chair.user)
    assert page.goto(f"{committee.area}protokol/").status == 200
    expect(page.locator("h1")).to_have_text("Protokół z prac komisji konkursowej")
    formal = page.get_by_role("table", name=re.compile(r"^Wynik oceny formalnej ofert"))
    expect(formal.locator("tbody tr")).to_have_count(2)
    expect(formal.get_by_role("link", name="Piłka po lekcjach")).to_be_visible()  # its cards are on its page
    expect(page.locator("main")).to_contain_text("Maria Komisyjna")  # a member who has not declared yet
    expect(page.get_by_role("link", name="Średnie, ranking i proponowane kwoty")).to_be_visible()
    assert_accessible(page, axe_violations, f"protocol ({mode})")
    if mode != "default":
        return

    pdf_link = page.get_by_role("link", name="Pobierz protokół w PDF")
    pdf_url = pdf_link.get_attribute("href")
    page.emulate_media(media="print")
    expect(page.locator(f'a[href="{pdf_url}"]')).to_be_hidden()  # the printout has no link to click
    assert_accessible(page, axe_violations, "protocol when printed")

    response = page.request.get(pdf_url)  # made at once here (the immediate task backend)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")


@pytest.mark.parametrize("mode", list(MODES))
def test_while_the_worker_makes_the_pdf_the_reader_reads_a_page_that_says_so(
    open_in_mode, log_in, axe_violations, committee, settings, mode
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    page = open_in_mode(mode)
    log_in(page.context, committee.chair.user)
    response = page.goto(f"{committee.area}protokol.pdf")
    assert response.status == 202 and response.headers["retry-after"] == "60"
    expect(page.locator("h1")).to_have_text("Protokół w PDF jest w przygotowaniu")
    expect(page.get_by_role("link", name="Wróć do protokołu na stronie")).to_be_visible()
    assert_accessible(page, axe_violations, f"protocol being prepared ({mode})")


def test_an_offers_page_shows_every_members_submitted_card_once(signed_in, axe_violations, committee, official_x):
    url = f"{committee.area}oferty/{committee.beta_offer.pk}/"
    # The chair sees their own card as theirs, not a second time among the members' cards.
    page = signed_in(committee.chair.user)
    assert page.goto(url).status == 200
    own = page.get_by_role("table", name="Złożona karta oceny")
    expect(own).to_contain_text("6,5")
    expect(own).to_contain_text("Spójny, realny plan zajęć.")
    expect(page.get_by_role("table", name="Piotr Przewodniczący")).to_have_count(0)
    expect(page.get_by_text("Spójny, realny plan zajęć.")).to_have_count(1)
    assert_accessible(page, axe_violations, "offer with the member's own card")
    # The official running the competition, who holds no seat, sees every member's card.
    page = signed_in(official_x)
    assert page.goto(url).status == 200
    card = page.get_by_role("table", name="Piotr Przewodniczący")
    expect(card).to_contain_text("6,5")
    expect(card).to_contain_text("Spójny, realny plan zajęć.")
    assert_accessible(page, axe_violations, "offer with the members' cards")


@pytest.mark.parametrize("mode", list(MODES))
def test_the_ranking_page_passes_axe_in_every_display_mode(open_in_mode, log_in, axe_violations, committee, mode):
    page = open_in_mode(mode)
    log_in(page.context, committee.chair.user)
    assert page.goto(f"{committee.area}ranking/").status == 200
    expect(page.locator("h1")).to_contain_text("Średnie i ranking")
    ranking = page.get_by_role("table", name=re.compile(r"^Ranking ofert według średniej punktów"))
    expect(ranking.locator("tbody tr")).to_have_count(2)
    expect(ranking.locator("tbody tr").first).to_contain_text("Piłka po lekcjach")
    expect(ranking.locator("tbody tr").first).to_contain_text("12,00")
    assert_accessible(page, axe_violations, f"ranking ({mode})")


def test_the_officials_pages_appoint_register_and_assess_formally(signed_in, axe_violations, committee, official_x):
    from partnerstwo.grants.offers.models import Offer
    from partnerstwo.grants.tests import factories
    from partnerstwo.organizations.tests import factories as directory

    pending = factories.offer(
        committee.competition, directory.organization("Klub Sportowy Gamma"), title="Pływanie dla każdego"
    )
    page = signed_in(official_x)
    panel = f"/panel/konkursy/komisje/{committee.competition.slug}/"

    assert page.goto("/panel/konkursy/komisje/").status == 200
    assert_accessible(page, axe_violations, "committees in the panel")
    page.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(re.compile(re.escape(panel) + "$"))
    expect(page.get_by_role("table", name="Członkowie komisji")).to_contain_text("Piotr Przewodniczący")
    assert_accessible(page, axe_violations, "appointment page")
    page.get_by_label("Adres e-mail osoby").fill("nikt.taki@example.org")
    page.get_by_role("button", name="Powołaj", exact=True).click()
    expect(page.locator(".error-summary")).to_contain_text("Nie ma konta z tym adresem.")
    expect(page.get_by_label("Adres e-mail osoby")).to_have_value("nikt.taki@example.org")
    assert_accessible(page, axe_violations, "appointment page with an error")

    assert page.goto(f"{panel}oferty/").status == 200
    assert_accessible(page, axe_violations, "offers list")
    page.get_by_role("link", name="Zarejestruj ofertę").click()
    expect(page.locator("h1")).to_have_text("Rejestracja oferty")
    assert_accessible(page, axe_violations, "offer registration form")
    page.get_by_label("Organizacja").fill("Nie ma takiej organizacji w katalogu")
    page.get_by_label("Tytuł zadania").fill("Szachy w świetlicy")
    page.get_by_label("Wnioskowana kwota (zł)").fill("12000")
    page.get_by_label("Data wpływu").fill("2026-11-20")
    page.get_by_label("Oferta (PDF)").set_input_files(
        files=[{"name": "oferta.pdf", "mimeType": "application/pdf", "buffer": b"not a pdf at all"}]
    )
    page.get_by_role("button", name="Zarejestruj ofertę").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label("Organizacja")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Oferta (PDF)")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Tytuł zadania")).to_have_value("Szachy w świetlicy")
    assert_accessible(page, axe_violations, "offer registration form with errors")
    assert not Offer.objects.filter(title="Szachy w świetlicy").exists()

    assert page.goto(f"{committee.area}oferty/{pending.pk}/ocena-formalna/").status == 200
    assert_accessible(page, axe_violations, "formal assessment")
    page.get_by_role("group", name="Wynik oceny formalnej").get_by_role("radio", name="spełnia wymogi formalne").check()
    page.get_by_role("button", name="Zapisz ocenę formalną").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, axe_violations, "formal assessment with an error")
    criteria = page.get_by_role("group", name="Kryteria formalne")
    criteria.get_by_role("checkbox", name="Oferta złożona w terminie").check()
    page.get_by_role("button", name="Zapisz ocenę formalną").click()
    expect(page.locator("h1")).to_contain_text(TITLE)
    pending.refresh_from_db()
    assert pending.formal_status == Offer.Formal.PASSED


def test_a_resident_is_turned_away_from_the_members_area(signed_in, committee, resident):
    page = signed_in(resident)
    offer = committee.alfa_offer.pk
    for path in (
        "",
        "oswiadczenie/",
        f"oferty/{offer}/",
        f"oferty/{offer}/oferta.pdf",
        f"oferty/{offer}/ocena-formalna/",
        "protokol/",
        "protokol.pdf",
    ):
        response = page.request.get(committee.area + path)
        assert response.status in (403, 404), (path, response.status)
        assert b"Pi\xc5\x82ka po lekcjach" not in response.body(), path
    assert page.request.get(f"/panel/konkursy/komisje/{committee.competition.slug}/").status in (403, 404)
    assert page.goto("/konkursy/komisja/").status == 200
    expect(page.locator("main")).not_to_contain_text(TITLE)


def test_a_team_member_nominates_an_address_and_reads_the_same_answer_as_for_any_other(
    signed_in, axe_violations, committee, team_member
):
    from partnerstwo.grants.committees.models import Nomination

    page = signed_in(team_member)
    form = f"/panel/konkursy/komisje/{committee.competition.slug}/zglos/"
    answers = []
    for address in ("nikt.taki@example.org", "maria.komisyjna@example.org"):
        assert page.goto(form).status == 200
        assert_accessible(page, axe_violations, "nomination form")
        page.get_by_label("Adres e-mail kandydata(-tki)").fill(address)
        page.get_by_label("Uzasadnienie").fill("Zna środowisko sportowe.")
        page.get_by_role("button", name="Zgłoś kandydata").click()
        message = page.locator(".message").first
        expect(message).to_contain_text("Zgłoszenie przyjęte.")
        answers.append(message.inner_text())
        assert_accessible(page, axe_violations, "committees in the panel after a nomination")
    assert answers[0] == answers[1]
    assert set(Nomination.objects.values_list("email", flat=True)) == {
        "nikt.taki@example.org", "maria.komisyjna@example.org",
    }


def test_an_official_with_a_declared_conflict_reads_a_notice_instead_of_the_offer(
    signed_in, axe_violations, committee, official_x
):
    from partnerstwo.grants.tests import factories

    factories.member(committee.competition, official_x, conflicts=[committee.beta])
    page = signed_in(official_x)
    notice = "Ukryte oferty organizacji, wobec których zgłosił(a) Pan(i) konflikt interesów: 1."
    for path, what in (
        (f"/panel/konkursy/komisje/{committee.competition.slug}/oferty/", "panel offers"),
        (committee.area, "members' area"),
        (f"{committee.area}protokol/", "protocol"),
    ):
        assert page.goto(path).status == 200
        expect(page.locator("main")).to_contain_text(notice)
        expect(page.locator("main")).not_to_contain_text("Lekkoatletyka na osiedlach")
        assert_accessible(page, axe_violations, what)

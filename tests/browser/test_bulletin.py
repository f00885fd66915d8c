"""The city bulletin in a real browser: axe in every display mode on the archive, an issue, its print layout and
the panel's compose page, and an official composing an issue without JavaScript-only controls (moving an item up
with a plain button, a note saved, an issue without a title refused next to the field)."""

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


def _assert_clean(page, axe_violations, where):
    expect(page.locator("h1")).to_have_count(1)
    violations = axe_violations(page)
    assert not violations, f"{where}:\n" + "\n".join(violations)


def test_axe_on_the_bulletins_pages_in_every_mode(open_in_mode, log_in, axe_violations, demo_data):
    from partnerstwo.accounts.models import User
    from partnerstwo.bulletin.models import Issue

    newest = Issue.objects.published().newest().first()
    draft = Issue.objects.filter(published_at__isnull=True).first()
    public = ["/biuletyn/", newest.get_absolute_url(), newest.get_print_url()]
    official = User.objects.get(email="urzednik@example.org")
    for mode in MODES:
        page = open_in_mode(mode)
        for path in public:
            assert page.goto(path).status == 200, path
            _assert_clean(page, axe_violations, f"{path} ({mode})")
        log_in(page.context, official)
        assert page.goto(f"/panel/biuletyn/{draft.pk}/").status == 200
        _assert_clean(page, axe_violations, f"compose ({mode})")
        page.context.close()


def test_an_official_orders_items_annotates_and_sees_a_refusal(new_context, log_in, axe_violations, demo_data):
    from partnerstwo.accounts.models import User
    from partnerstwo.bulletin.models import Issue

    draft = Issue.objects.filter(published_at__isnull=True).first()
    context = new_context()
    log_in(context, User.objects.get(email="urzednik@example.org"))
    page = context.new_page()
    page.goto(f"/panel/biuletyn/{draft.pk}/")
    page.get_by_role("button", name="Dodaj do wydania").first.click()
    expect(page.locator(".message--success")).to_contain_text("Dodano pozycję na końcu wydania.")
    titles = page.locator(".bulletin-compose__item h3").all_inner_texts()[:2]
    page.get_by_role("button", name="W górę").first.click()
    expect(page.locator(".bulletin-compose__item h3").first).to_have_text(titles[1])
    note = page.locator(f"#pozycja-{draft.items.order_by('position').first().pk} input[name=note]")
    note.fill("Warto przeczytać.")
    page.get_by_role("button", name="Zapisz komentarz").first.click()
    expect(page.locator(".message--success")).to_contain_text("Zapisano komentarz redakcji.")
    page.locator("#id_title").fill("")
    page.locator("#id_editorial").fill("Wstępniak, który zostaje.")
    page.get_by_role("button", name="Zapisz dane wydania").click()
    expect(page.locator(".error-summary")).to_contain_text("Podaj tytuł wydania.")
    expect(page.locator("#id_editorial")).to_have_value("Wstępniak, który zostaje.")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
    context.close()

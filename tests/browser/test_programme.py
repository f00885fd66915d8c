"""The cooperation programme in a real browser: axe on every public page pattern (the list, a programme in force, next
year's in consultation, its versions and their comparison) and on the panel's edit page, in the four display modes;
on the edit page an official leaves the title empty and sees the error, the typed text kept."""

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


def _public_paths():
    from django.utils import timezone

    from partnerstwo.programme.models import Programme

    year = timezone.localdate().year
    coming = Programme.objects.get(slug=f"program-wspolpracy-{year + 1}")
    return [
        "/program-wspolpracy/",
        Programme.objects.get(slug=f"program-wspolpracy-{year}").get_absolute_url(),
        coming.get_absolute_url(),
        f"{coming.get_absolute_url()}wersje/",
        f"{coming.get_absolute_url()}wersje/porownanie/",
    ]


@pytest.mark.parametrize("mode", list(MODES))
def test_axe_on_the_programmes_pages(open_in_mode, log_in, axe_violations, demo_data, mode):
    from partnerstwo.accounts.models import User
    from partnerstwo.programme.models import Programme

    page = open_in_mode(mode)
    for path in _public_paths():
        response = page.goto(path)
        assert response.status == 200, path
        expect(page.locator("h1")).to_have_count(1)
        violations = axe_violations(page)
        assert not violations, f"{path} ({mode}):\n" + "\n".join(violations)

    log_in(page.context, User.objects.get(email="urzednik@example.org"))
    coming = Programme.objects.filter(status="consultation").first()
    for path in ("/panel/program-wspolpracy/", f"/panel/program-wspolpracy/{coming.pk}/",
                 f"/panel/program-wspolpracy/{coming.pk}/tresc/", f"/panel/program-wspolpracy/{coming.pk}/srodki/"):
        assert page.goto(path).status == 200, path
        violations = axe_violations(page)
        assert not violations, f"{path} ({mode}):\n" + "\n".join(violations)
    page.goto(f"/panel/program-wspolpracy/{coming.pk}/tresc/")
    page.locator("#id_title").fill("")
    page.locator("#id_note").fill("Poprawka celu")
    page.get_by_role("button", name="Zapisz nową wersję").click()
    expect(page.locator(".error-summary")).to_contain_text("Podaj tytuł programu.")
    expect(page.locator("#id_note")).to_have_value("Poprawka celu")
    violations = axe_violations(page)
    assert not violations, f"edit with errors ({mode}):\n" + "\n".join(violations)
    page.context.close()

"""Organisations' news in a real browser, with axe on every new page pattern in every display mode, and a
representative writing a news item without a photo description and seeing the error next to the field."""

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


def _paths():
    from partnerstwo.orgnews.models import Post

    with_photo = Post.objects.published().exclude(image="").first()
    return {
        "list": "/z-zycia-organizacji/",
        "list-filtered": "/z-zycia-organizacji/?sfera=health",
        "item": with_photo.get_absolute_url(),
        "press": "/z-zycia-organizacji/dla-mediow/",
        "profile": with_photo.organization.get_absolute_url(),
        "item-en": "/en" + with_photo.get_absolute_url(),
    }


NAMES = ["list", "list-filtered", "item", "press", "profile", "item-en"]
CASES = [(name, mode) for name in NAMES for mode in MODES]


@pytest.mark.parametrize(("name", "mode"), CASES, ids=[f"{name}-{mode}" for name, mode in CASES])
def test_axe_finds_no_wcag_a_or_aa_violation(open_in_mode, axe_violations, demo_data, name, mode):
    page = open_in_mode(mode)
    response = page.goto(_paths()[name])
    assert response.status == 200
    expect(page.locator("h1")).to_have_count(1)
    violations = axe_violations(page)
    assert not violations, f"{name} ({mode}, {page.url}):\n" + "\n".join(violations)


def test_axe_on_the_review_queue_and_a_review(new_context, log_in, axe_violations, demo_data):
    from partnerstwo.accounts.models import User
    from partnerstwo.orgnews.models import Post, Status

    waiting = Post.objects.filter(status=Status.PENDING).first()
    context = new_context()
    log_in(context, User.objects.get(email="urzednik@example.org"))
    page = context.new_page()
    for path in ("/panel/z-zycia-organizacji/", f"/panel/z-zycia-organizacji/{waiting.pk}/ocena/"):
        assert page.goto(path).status == 200
        violations = axe_violations(page)
        assert not violations, f"{path}:\n" + "\n".join(violations)
    context.close()


def test_a_representative_writes_news_and_sees_the_errors(new_context, log_in, axe_violations, demo_data,
                                                          tmp_path):
    from PIL import Image

    from partnerstwo.accounts.models import User

    photo = tmp_path / "zdjecie.png"
    Image.new("RGB", (60, 40), "#2a6").save(photo)
    context = new_context()
    log_in(context, User.objects.get(email="organizacja@example.org"))
    page = context.new_page()
    page.goto("/moje-wiadomosci-organizacji/")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
    page.goto("/moje-wiadomosci-organizacji/nowa/")
    page.get_by_label("Tytuł").fill("Dzień otwarty")
    page.locator("#id_body").fill("Zapraszamy **wszystkich**.")
    page.locator("#id_image").set_input_files(str(photo))
    page.get_by_role("button", name="Zapisz").click()
    expect(page.locator(".error-summary")).to_contain_text("Opisz zdjęcie dla osób, które go nie widzą.")
    expect(page.get_by_label("Tytuł")).to_have_value("Dzień otwarty")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
    page.locator("#id_image").set_input_files(str(photo))
    page.locator("#id_image_alt").fill("Drzwi siedziby z balonami")
    page.get_by_role("button", name="Zapisz").click()
    expect(page.locator(".message--success")).to_contain_text("Zapisano: Dzień otwarty.")
    context.close()

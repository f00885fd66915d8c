"""Consultations in a real browser: axe on every new page pattern in the four display modes (the list, a
consultation with its units, one unit's comments, the changes of a version, an earlier version with its comments,
the report, the events calendar with the consultation periods), the participant's pages (the consultation signed
in, the comment form with errors, editing a comment, a written opinion, the closed form, the refusal), and the
official's pages (list, new, edit, consultation in every stage, text and split, a received comment, moderation of
a comment and of an opinion, answering, report draft)."""

import pytest
from playwright.sync_api import expect

from .conftest import MODES

pytestmark = pytest.mark.browser


def consultation_in(stage):
    from partnerstwo.consultations.models import Consultation

    return next(c for c in Consultation.objects.order_by("pk") if c.stage() == stage)


def public_paths():
    from partnerstwo.consultations.models import Stage

    open_one, finished = consultation_in(Stage.OPEN), consultation_in(Stage.FINISHED)
    anchor = open_one.comments.exclude(unit=None).values_list("unit__anchor", flat=True).first()
    return ["/konsultacje/", open_one.get_absolute_url(), f"{open_one.get_absolute_url()}przepis/{anchor}/",
            f"{finished.get_absolute_url()}sprawozdanie/", f"{open_one.get_absolute_url()}zmiany/2/",
            f"{open_one.get_absolute_url()}wersje/1/",
            consultation_in(Stage.UPCOMING).get_absolute_url(), finished.get_absolute_url(), "/wydarzenia/"]


@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_no_wcag_a_or_aa_violation_on_the_public_pages(open_in_mode, axe_violations, demo_data, mode):
    page = open_in_mode(mode)
    for path in public_paths():
        assert page.goto(path).status == 200, path
        expect(page.locator("h1")).to_have_count(1)
        violations = axe_violations(page)
        assert not violations, f"{path} ({mode}):\n" + "\n".join(violations)


@pytest.mark.parametrize("mode", list(MODES))
def test_the_comment_form_with_errors_is_accessible(new_context, log_in, open_in_mode, axe_violations, demo_data,
                                                    mode):
    from partnerstwo.accounts.models import User
    from partnerstwo.consultations.models import Stage

    consultation = consultation_in(Stage.OPEN)
    page = open_in_mode(mode)
    log_in(page.context, User.objects.get(email="organizacja@example.org"))
    page.goto(f"{consultation.get_absolute_url()}uwaga/?jednostka=par-1")
    page.get_by_role("button", name="Zapisz uwagę").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label("Proponowane brzmienie")).to_have_attribute("aria-invalid", "true")
    violations = axe_violations(page)
    assert not violations, f"comment form with errors ({mode}):\n" + "\n".join(violations)


@pytest.mark.parametrize("mode", list(MODES))
def test_the_participants_pages_are_accessible(open_in_mode, log_in, axe_violations, demo_data, mode):
    from partnerstwo.accounts.models import User
    from partnerstwo.consultations.models import Stage

    representative = User.objects.get(email="organizacja@example.org")
    open_one, closed = consultation_in(Stage.OPEN), consultation_in(Stage.CLOSED)
    own = open_one.comments.filter(author=representative, withdrawn_at=None).first()
    page = open_in_mode(mode)
    log_in(page.context, representative)
    for path in (open_one.get_absolute_url(), f"{open_one.get_absolute_url()}uwagi/{own.pk}/edycja/",
                 f"{open_one.get_absolute_url()}opinia/", f"{closed.get_absolute_url()}uwaga/"):
        assert page.goto(path).status == 200, path
        expect(page.locator("h1")).to_have_count(1)
        violations = axe_violations(page)
        assert not violations, f"{path} ({mode}):\n" + "\n".join(violations)
    expect(page.locator("h1")).to_have_text("Formularz uwag jest zamknięty")


@pytest.mark.parametrize("mode", list(MODES))
def test_the_officials_pages_are_accessible(open_in_mode, log_in, axe_violations, demo_data, mode):
    from partnerstwo.accounts.models import User
    from partnerstwo.consultations.models import Stage

    open_one, closed = consultation_in(Stage.OPEN), consultation_in(Stage.CLOSED)
    draft, finished = consultation_in(Stage.DRAFT), consultation_in(Stage.FINISHED)
    comment = open_one.comments.counted().first()
    opinion = open_one.writtenopinions.counted().first()
    official = User.objects.get(email="urzednik@example.org")
    page = open_in_mode(mode)
    log_in(page.context, official)
    for path in ("/panel/konsultacje/", "/panel/konsultacje/nowe/", f"/panel/konsultacje/{open_one.pk}/",
                 f"/panel/konsultacje/{open_one.pk}/edycja/", f"/panel/konsultacje/{draft.pk}/",
                 f"/panel/konsultacje/{draft.pk}/tekst/", f"/panel/konsultacje/{finished.pk}/",
                 f"/panel/konsultacje/{open_one.pk}/tekst/", f"/panel/konsultacje/{open_one.pk}/uwagi/nowa/",
                 f"/panel/konsultacje/{open_one.pk}/uwagi/{comment.pk}/usuniecie/",
                 f"/panel/konsultacje/{open_one.pk}/opinie/{opinion.pk}/usuniecie/",
                 f"/panel/konsultacje/{closed.pk}/odpowiedzi/", f"/panel/konsultacje/{closed.pk}/sprawozdanie/"):
        assert page.goto(path).status == 200, path
        violations = axe_violations(page)
        assert not violations, f"{path} ({mode}):\n" + "\n".join(violations)
    # An official speaks for no organisation: the comment form refuses with a page of its own.
    assert page.goto(f"{open_one.get_absolute_url()}uwaga/").status == 403
    violations = axe_violations(page)
    assert not violations, f"refusal ({mode}):\n" + "\n".join(violations)

"""The agreement's clauses are the city's text (docs/law.md#agreement-clauses): an administrator writes them in
Markdown as versions; an agreement prints them after the parties and the task, the current version while it is
prepared and, once sent for signature, the version its document was made with, whatever is written later."""

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.urls import reverse

from partnerstwo.grants.agreements import clauses, document, drafting
from partnerstwo.grants.agreements.models import AgreementClauses
from partnerstwo.grants.tests import agreement_factories as factories
from partnerstwo.lib.testing import assert_tagged_pdf

PAGE = reverse("panel:grants_panel:agreement_clauses")
FIRST = "## § 1. Postanowienia ogólne\n\nTekst miasta, wersja pierwsza."
SECOND = "## § 1. Postanowienia ogólne\n\nTekst miasta, wersja druga."


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def received(department_x, organization_a, representative_a):
    return factories.granted(department_x, organization_a, representative_a)


def publish(client, text, based_on="", note=""):
    return client.post(PAGE, {"text": text, "note": note, "based_on": based_on})


def test_an_agreement_keeps_the_version_it_was_sent_for_signature_with(
        client, administrator, official_x, representative_a, received):
    agreement = factories.drafted(official_x, received)
    client.force_login(official_x)
    page = client.get(reverse("panel:grants_panel:agreement", args=[agreement.pk])).content.decode()
    assert "nie wprowadziło jeszcze postanowień umowy" in page
    assert "Postanowienia umowy</h2>" not in document.html(agreement)

    client.force_login(administrator)
    assert publish(client, FIRST, note="Pierwsza wersja")["Location"] == PAGE
    first = clauses.current()
    assert (first.number, first.text, first.note, first.created_by) == (1, FIRST, "Pierwsza wersja", administrator)
    # While prepared, the agreement shows the current version, its headings under the document's own.
    client.force_login(representative_a)
    page = client.get(reverse("my_grants:agreement", args=[agreement.pk])).content.decode()
    assert "<h2>Postanowienia umowy</h2>" in page and "<h3>§ 1. Postanowienia ogólne</h3>" in page
    assert page.index("Postanowienia umowy</h2>") < page.index("Harmonogram działań</h2>")
    assert page.index("Zadanie i dotacja</h2>") < page.index("Postanowienia umowy</h2>")

    agreement = drafting.save(agreement, section="account", expected_version=agreement.version, by=representative_a,
                              fields={"organization_representatives": "Adam Alfa", "bank_account": factories.IBAN,
                                      "bank_name": ""})
    agreement = drafting.send_for_signature(agreement, by=representative_a, expected_version=agreement.version)
    assert agreement.clauses == first
    sent = document.html(agreement)
    assert "wersja pierwsza" in sent and "wersja 1 z" in sent

    client.force_login(administrator)
    assert publish(client, SECOND, based_on=1).status_code == 302
    agreement.refresh_from_db()
    assert clauses.of(agreement) == first and "wersja pierwsza" in document.html(agreement)
    # The document for signature was made with them and stays as it was.
    pdf = b"".join(client.get(reverse("panel:grants_panel:agreement_pdf", args=[agreement.pk])).streaming_content)
    assert_tagged_pdf(pdf)
    assert document.sha256(pdf) == agreement.pdf_sha256
    # Returned for correction, it is prepared again under the current version.
    agreement = drafting.reopen(agreement, by=official_x)
    assert agreement.clauses is None and clauses.of(agreement).number == 2
    assert "wersja druga" in document.html(agreement)


def test_only_an_administrator_opens_and_writes_the_clauses(
        client, administrator, official_x, official_y, representative_a, resident, team_member):
    for user in (official_x, official_y, representative_a, resident, team_member):
        client.force_login(user)
        assert client.get(PAGE).status_code == 403, user
        assert publish(client, FIRST).status_code == 403, user
    assert not AgreementClauses.objects.exists()
    client.logout()
    assert client.get(PAGE)["Location"].startswith(reverse(settings.LOGIN_URL))
    client.force_login(administrator)
    assert client.get(PAGE).status_code == 200
    assert PAGE in client.get(reverse("panel:grants_panel:agreements")).content.decode()
    client.force_login(official_x)
    assert PAGE not in client.get(reverse("panel:grants_panel:agreements")).content.decode()
    with pytest.raises(clauses.ValidationError):
        clauses.publish(text=FIRST, by=official_x, based_on=None)


def test_two_administrators_do_not_overwrite_each_other(client, administrator):
    client.force_login(administrator)
    publish(client, FIRST)
    # A form read before version 1 was written: refused, the typed text kept, the next save knowingly replaces it.
    response = publish(client, SECOND, based_on="")
    html = response.content.decode()
    assert response.status_code == 200 and "Ktoś inny zapisał w tym czasie nową wersję" in html
    assert "wersja druga" in html and 'name="based_on" value="1"' in html
    assert AgreementClauses.objects.count() == 1
    assert publish(client, SECOND, based_on="1").status_code == 302
    assert [c.number for c in AgreementClauses.objects.all()] == [2, 1]


def test_the_page_lists_every_version_with_its_text(client, administrator):
    client.force_login(administrator)
    publish(client, FIRST, note="Pierwsza")
    publish(client, SECOND, based_on="1", note="Druga")
    html = client.get(PAGE).content.decode()
    assert "Obowiązująca wersja: 2" in html and "wersja pierwsza" in html and "wersja druga" in html
    assert 'id="wersja-1"' in html and "Pierwsza" in html and "Druga" in html
    assert html.index('href="#wersja-2"') < html.index('href="#wersja-1"')  # newest first
    assert html.index('id="wersja-2"') < html.index('id="wersja-1"')
    # The form starts from the current text.
    assert "Tekst miasta, wersja druga.</textarea>" in html


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"text": ""}, "text", "To pole jest wymagane."),
    ({"text": "   \n  "}, "text", "To pole jest wymagane."),
    ({"text": "ż" * 100_001}, "text", "100000"),
    ({"text": "Tekst\x00"}, "text", "Znaki null są niedozwolone."),
    ({"note": "x" * 301}, "note", "300"),
    ({"based_on": "-1"}, "based_on", "0"),
    ({"based_on": "abc"}, "based_on", "Wpisz liczbę całkowitą."),
])
def test_bad_input_is_named_next_to_its_field_and_saves_nothing(client, administrator, data, field, message):
    client.force_login(administrator)
    response = client.post(PAGE, {"text": FIRST, "note": "", "based_on": "", **data})
    html = response.content.decode()
    assert response.status_code == 200 and 'id="error-summary"' in html and message in html
    if field != "based_on":  # a hidden field's error is in the summary only
        assert f'id="id_{field}_error"' in html
    assert not AgreementClauses.objects.exists()


def test_the_same_text_again_is_not_a_new_version(client, administrator):
    client.force_login(administrator)
    publish(client, FIRST)
    response = publish(client, FIRST + "\r\n", based_on="1")
    assert response.status_code == 200 and "taki sam jak w obowiązującej wersji" in response.content.decode()
    assert AgreementClauses.objects.count() == 1


def test_the_text_is_sanitised_markdown(administrator, official_x, received):
    clauses.publish(text="# Tytuł\n\n<script>alert(1)</script>\n\n[link](javascript:alert(1)) **ważne**",
                    by=administrator, based_on=None)
    agreement = factories.drafted(official_x, received)
    html = document.html(agreement)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html  # not made a link: the text stays as typed
    assert "<h3>Tytuł</h3>" in html and "<strong>ważne</strong>" in html


def test_the_database_keeps_versions_whole(administrator, official_x, representative_a, received):
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementClauses.objects.create(number=1, text="")
    first = clauses.publish(text=FIRST, by=administrator, based_on=None)
    factories.ready(official_x, representative_a, received)
    with pytest.raises(ProtectedError):
        first.delete()  # an agreement was made with it


def test_the_page_reads_the_versions_in_a_constant_number_of_queries(client, administrator,
                                                                     django_assert_max_num_queries):
    client.force_login(administrator)
    publish(client, FIRST)
    with django_assert_max_num_queries(12) as one:
        assert client.get(PAGE).status_code == 200
    for number in range(1, 6):
        clauses.publish(text=f"{FIRST} Zmiana {number}.", by=administrator, based_on=number)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(PAGE).status_code == 200

"""The protocol of the committee's work, for members and the officials: a page (members, declarations, the formal
assessment a page at a time; the cards on each offer's page, the ranking on its own page) and the whole protocol as
a tagged PDF that the worker makes once and again after every change of the committee's data, served from storage."""

import datetime as dt
import re
import zlib
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from partnerstwo.grants.committees import appointment, evaluation, protocol
from partnerstwo.grants.committees.models import CommitteeMember
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.private_storage import private_storage
from partnerstwo.grants.tests import factories
from partnerstwo.lib.testing import assert_tagged_pdf
from partnerstwo.organizations.tests import factories as directory


def inflated_streams(pdf: bytes) -> bytes:
    """The PDF's compressed streams unpacked, where WeasyPrint keeps the font dictionaries."""
    found = b""
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            found += zlib.decompress(match.group(1))
        except zlib.error:
            continue
    return found


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def competition(department_x, resident):
    competition = factories.competition(
        department=department_x, status=Competition.Status.EVALUATION, title="Wypoczynek letni dzieci – Żółw"
    )
    factories.criteria(competition, formal=("Oferta złożona w terminie",), merit=(("Jakość", 10),))
    alfa = directory.organization("Fundacja Łączy Nas")
    beta = directory.organization("Stowarzyszenie Beta")
    offer = factories.offer(competition, alfa, title="Półkolonie", formal=Offer.Formal.PASSED,
                            formal_checks={str(evaluation.formal_criteria(competition).get().pk): True})
    factories.offer(competition, beta, title="Obóz", formal=Offer.Formal.REJECTED, formal_notes="Po terminie.")
    chair = factories.member(competition, resident, is_chair=True, declared=True)
    other = factories.member(competition, make_user("jan@example.org", "resident", full_name="Jan Ćwik"), "ngo",
                             conflicts=[beta])
    evaluation.save_card(offer, chair, {evaluation.merit_criteria(competition).get(): (Decimal("8.5"), "Dobrze.")},
                         submit=True)
    evaluation.save_card(offer, other, {evaluation.merit_criteria(competition).get(): (Decimal("7"), "Poprawnie.")},
                         submit=True)
    Offer.objects.filter(pk=offer.pk).update(proposed_amount=Decimal("15000.00"))
    return competition


@pytest.fixture
def printed(monkeypatch):
    """The HTML of every protocol document made (the PDF is printed from it)."""
    made = []
    real = protocol.html
    monkeypatch.setattr(protocol, "html", lambda context: made.append(real(context)) or made[-1])
    return made


def page_url(competition):
    return reverse("grants:committee_protocol", args=[competition.slug])


def pdf_url(competition):
    return reverse("grants:committee_protocol_pdf", args=[competition.slug])


def test_the_protocol_page_shows_members_declarations_and_the_formal_assessment(client, official_x, competition):
    client.force_login(official_x)
    page = client.get(page_url(competition)).content.decode()
    for text in [
        "Protokół z prac komisji konkursowej",
        "Anna Mieszkańska", "przewodniczący(-a)", "Jan Ćwik", "osoba wskazana przez organizacje",
        "wyłączony(-a) z oceny ofert: Stowarzyszenie Beta", "Zasiadam w zarządzie.",
        "odrzucona formalnie", "Po terminie.", "Oferta złożona w terminie: tak", evaluation.DECLARATION_VERSION,
    ]:
        assert text in page, text
    offer = competition.offers.get(title="Półkolonie")
    assert reverse("grants:committee_offer", args=[competition.slug, offer.pk]) in page  # its cards are there
    assert reverse("grants:committee_ranking", args=[competition.slug]) in page
    assert pdf_url(competition) in page
    assert "Poprawnie." not in page  # the cards are not on this page


def test_the_document_holds_the_cards_the_ranking_and_the_amounts_too(client, official_x, competition, printed):
    client.force_login(official_x)
    response = client.get(pdf_url(competition))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert len(printed) == 1
    for text in [
        "Protokół z prac komisji konkursowej", "Anna Mieszkańska", "Jan Ćwik",
        "wyłączony(-a) z oceny ofert: Stowarzyszenie Beta", "Zasiadam w zarządzie.", "Po terminie.",
        "Oferta złożona w terminie: tak", "8,5", "Poprawnie.", "7,75", "15000,00 zł", evaluation.DECLARATION_VERSION,
        "Podpisy członków komisji",
    ]:
        assert text in printed[0], text


def test_the_pdf_is_tagged_and_made_with_dejavu_fonts(client, resident, competition):
    html = protocol.html(protocol.document(competition))
    assert "DejaVu Sans" in html
    assert "Fundacja Łączy Nas" in html and "Wypoczynek letni dzieci – Żółw" in html
    client.force_login(resident)
    response = client.get(pdf_url(competition))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="protokol-{competition.slug}.pdf"' in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-")
    assert len(content) > 5000  # text and an embedded font, not an empty page
    assert b"+DejaVu-Sans" in inflated_streams(content)  # the embedded font with the Polish letters
    assert_tagged_pdf(content)


def test_the_pdf_is_made_once_and_then_served_from_storage(client, official_x, resident, competition, printed):
    client.force_login(official_x)
    first = b"".join(client.get(pdf_url(competition)).streaming_content)
    client.force_login(resident)  # another reader of the same protocol
    second = b"".join(client.get(pdf_url(competition)).streaming_content)
    assert first == second and len(printed) == 1


@pytest.mark.parametrize("change", ["card", "formal", "amount", "member", "competition"])
def test_after_any_change_of_the_committees_data_a_new_pdf_is_made_and_the_old_one_is_gone(
    client, official_x, competition, printed, change
):
    client.force_login(official_x)
    client.get(pdf_url(competition))
    [stale] = protocol.stored_files(competition.pk)
    offer = competition.offers.get(title="Półkolonie")
    if change == "card":
        third = factories.member(competition, make_user("trzeci@example.org", "resident", full_name="Ewa Trzecia"),
                                 declared=True)
        evaluation.save_card(offer, third, {evaluation.merit_criteria(competition).get(): (Decimal("2"), "Słabo.")},
                             submit=True)
        expected = "Słabo."
    elif change == "formal":
        Offer.objects.filter(title="Obóz").update(formal_notes="Złożona po terminie naboru.")
        expected = "Złożona po terminie naboru."
    elif change == "amount":
        Offer.objects.filter(pk=offer.pk).update(proposed_amount=Decimal("14000.00"))
        expected = "14000,00 zł"
    elif change == "member":
        CommitteeMember.objects.filter(user__email="jan@example.org").update(name="Jan Ćwik-Nowak")
        expected = "Jan Ćwik-Nowak"
    else:
        Competition.objects.filter(pk=competition.pk).update(title="Wypoczynek letni dzieci 2027")
        expected = "Wypoczynek letni dzieci 2027"
    response = client.get(pdf_url(competition))
    assert response.status_code == 200
    assert len(printed) == 2 and expected in printed[1] and expected not in printed[0]
    assert not private_storage.exists(stale["name"])
    assert len(protocol.stored_files(competition.pk)) == 1


def test_while_the_worker_makes_it_the_reader_gets_a_page_that_says_so(client, official_x, competition, settings):
    """With a real queue (here the dummy backend, which only records), the protocol is queued once and the reader
    gets a page saying so (202 Accepted), not minutes of waiting; once the worker has made it, it is served."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    client.force_login(official_x)

    first, second = client.get(pdf_url(competition)), client.get(pdf_url(competition))

    assert first.status_code == second.status_code == 202 and first["Retry-After"] == "60"
    assert "Protokół w PDF jest w przygotowaniu" in first.content.decode()
    assert page_url(competition) in first.content.decode()
    [queued] = default_task_backend.results  # queued once, however many readers ask
    assert queued.task.priority < 0  # after the e-mails
    protocol.make(*queued.args)  # what the worker's task does
    ready = client.get(pdf_url(competition))
    assert ready.status_code == 200 and b"".join(ready.streaming_content).startswith(b"%PDF")


def test_a_large_protocol_comes_in_parts(client, official_x, competition, printed, monkeypatch):
    monkeypatch.setattr(protocol, "PART_OFFERS", 1)
    second = factories.offer(competition, directory.organization("Klub Żak"), title="Żeglarstwo",
                             formal=Offer.Formal.PASSED)
    Offer.objects.filter(pk=second.pk).update(formal_notes="Spełnia.")
    client.force_login(official_x)
    page = client.get(page_url(competition)).content.decode()
    assert f"{pdf_url(competition)}?czesc=1" in page and f"{pdf_url(competition)}?czesc=2" in page
    response = client.get(pdf_url(competition), {"czesc": 2})
    assert response.status_code == 200
    assert f'filename="protokol-{competition.slug}-czesc-2.pdf"' in response["Content-Disposition"]
    # Both parts are made when one is asked for; the first holds the members and the formal assessment, the last
    # the cards of the last offer, the ranking and the signatures.
    assert len(printed) == 2
    first, last = sorted(printed, key=lambda html: "Część 2 z 2" in html)
    assert "Część 1 z 2" in first and "Zasiadam w zarządzie." in first and "Spełnia." in first
    assert "Poprawnie." in first and "Podpisy członków komisji" not in first
    assert "Część 2 z 2" in last and "Zasiadam w zarządzie." not in last and "Poprawnie." not in last
    assert "Podpisy członków komisji" in last and "7,75" in last
    assert client.get(pdf_url(competition), {"czesc": 1}).status_code == 200 and len(printed) == 2
    for wrong in ("3", "0", "x", "-1"):
        assert client.get(pdf_url(competition), {"czesc": wrong}).status_code == 404


@pytest.mark.parametrize("who, status", [
    ("official_x", 200), ("administrator", 200), ("resident", 200),
    ("official_y", 404), ("representative_a", 404), ("team_member", 404),
])
def test_the_protocol_is_visible_to_members_the_departments_officials_and_administrators(
    client, request, competition, who, status
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(page_url(competition)).status_code == status
    assert client.get(pdf_url(competition)).status_code == status


def test_anonymous_visitors_cannot_read_the_protocol(client, competition):
    assert client.get(pdf_url(competition)).status_code == 302
    assert client.get(page_url(competition)).status_code == 302


def test_the_protocol_page_and_the_stored_pdf_take_a_constant_number_of_queries(
    client, official_x, competition, django_assert_num_queries
):
    client.force_login(official_x)
    client.get(page_url(competition))
    client.get(pdf_url(competition))
    with CaptureQueriesContext(connection) as captured:
        client.get(page_url(competition))
    page_queries = len(captured.captured_queries)  # read now: a later request empties the log it reads
    with CaptureQueriesContext(connection) as captured:
        client.get(pdf_url(competition))
    pdf_queries = len(captured.captured_queries)
    for n in range(3):
        offer = factories.offer(competition, formal=Offer.Formal.PASSED)
        seat = factories.member(competition, make_user(f"m{n}@example.org", "resident"), declared=True)
        evaluation.save_card(offer, seat, {evaluation.merit_criteria(competition).get(): (Decimal("5"), "Ok.")},
                             submit=True)
    client.get(pdf_url(competition))  # made again for the new data
    with django_assert_num_queries(page_queries):
        client.get(page_url(competition))
    with django_assert_num_queries(pdf_queries):
        assert client.get(pdf_url(competition)).status_code == 200


def test_the_formal_assessment_on_the_page_is_fifty_offers_a_page(client, official_x, competition):
    organization = directory.organization("Fundacja Alfa")
    for n in range(50):
        factories.offer(competition, organization, with_file=False, title=f"Zadanie {n:02d}")
    client.force_login(official_x)
    first = client.get(page_url(competition)).content.decode()
    assert "(52)" in first and "?strona=2" in first and "Zadanie 49" in first and "Półkolonie" not in first
    second = client.get(page_url(competition), {"strona": 2}).content.decode()
    assert "Obóz" in second and "Półkolonie" in second and "Zadanie 49" not in second
    assert "Anna Mieszkańska" in second  # the members on every page


def test_a_member_reads_the_protocol_only_after_the_declaration(client, competition, team_member):
    factories.member(competition, team_member)
    client.force_login(team_member)
    for url in (page_url(competition), pdf_url(competition)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("grants:committee_declaration", args=[competition.slug])


def test_the_offers_page_shows_every_members_card_as_the_protocol_does(client, official_x, competition):
    offer = competition.offers.get(title="Półkolonie")
    client.force_login(official_x)
    page = client.get(reverse("grants:committee_offer", args=[competition.slug, offer.pk])).content.decode()
    assert "Karty oceny członków komisji" in page
    assert "Anna Mieszkańska" in page and "Dobrze." in page and "8,5" in page
    assert "Jan Ćwik" in page and "Poprawnie." in page


def test_the_offers_page_reads_the_cards_in_a_constant_number_of_queries(client, official_x, competition,
                                                                         django_assert_num_queries):
    offer = competition.offers.get(title="Półkolonie")
    url = reverse("grants:committee_offer", args=[competition.slug, offer.pk])
    client.force_login(official_x)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = len(captured.captured_queries)
    for n in range(3):
        seat = factories.member(competition, make_user(f"m{n}@example.org", "resident"), declared=True)
        evaluation.save_card(offer, seat, {evaluation.merit_criteria(competition).get(): (Decimal("5"), f"Karta {n}.")},
                             submit=True)
    with django_assert_num_queries(queries):
        page = client.get(url).content.decode()
    assert "Karta 2." in page


# --- The scheduler keeps a stored protocol current ---------------------------------------------


def test_the_scheduler_queues_a_stored_protocol_again_after_a_change_at_most_every_quarter_of_an_hour(
    client, official_x, competition, settings, fixed_clock
):
    from django.core.management import call_command
    from django_tasks import default_task_backend

    client.force_login(official_x)
    client.get(pdf_url(competition))  # made at once (immediate backend)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    call_command("refresh_committee_protocols")
    assert default_task_backend.results == []  # current: nothing to do

    Offer.objects.filter(title="Obóz").update(formal_notes="Uzupełniono uwagi.")
    call_command("refresh_committee_protocols")
    call_command("refresh_committee_protocols")
    assert len(default_task_backend.results) == 1  # once
    Offer.objects.filter(title="Obóz").update(formal_notes="Jeszcze raz.")
    call_command("refresh_committee_protocols")
    assert len(default_task_backend.results) == 1  # not again within REFRESH_MINUTES
    fixed_clock.shift(dt.timedelta(minutes=protocol.REFRESH_MINUTES + 1))
    call_command("refresh_committee_protocols")
    assert len(default_task_backend.results) == 2
    protocol.make(*default_task_backend.results[-1].args)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
                                  "QUEUES": ["default"]}}
    response = client.get(pdf_url(competition))
    assert response.status_code == 200  # the one the worker made, as the data are now


def test_the_scheduler_leaves_alone_what_nobody_asked_for_and_long_closed_competitions(competition, settings):
    from django.core.management import call_command
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    call_command("refresh_committee_protocols")
    assert default_task_backend.results == []  # no protocol was ever asked for
    protocol.make(competition.pk, [], "pl", 1)
    Competition.objects.filter(pk=competition.pk).update(
        status=Competition.Status.RESULTS,
        results_published_at=timezone.now() - dt.timedelta(days=protocol.REFRESH_DAYS_AFTER_RESULTS + 1),
    )
    call_command("refresh_committee_protocols")
    assert default_task_backend.results == []  # stale (its state changed), but made again only when asked for


@pytest.fixture
def unscored(department_x, resident):
    """A committee that has made its protocol (the formal part) and scored nothing yet."""
    made = factories.competition(department=department_x, status=Competition.Status.EVALUATION, title="Bez ocen")
    factories.criteria(made, formal=("Oferta złożona w terminie",), merit=(("Jakość", 10),))
    factories.offer(made, directory.organization("Fundacja Gamma"), title="Warsztaty", formal=Offer.Formal.PASSED)
    seat = factories.member(made, resident, is_chair=True, declared=True)
    protocol.make(made.pk, [], "pl", 1)
    assert len(protocol.stored_files(made.pk)) == 1
    return seat


def test_deleting_the_competition_in_the_admin_removes_its_stored_protocols_after_the_commit(
        client, administrator, unscored, django_capture_on_commit_callbacks):
    competition = unscored.competition
    [stored] = protocol.stored_files(competition.pk)
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(f"/admin/grants/competition/{competition.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not Competition.objects.filter(pk=competition.pk).exists()
    assert private_storage.exists(stored["name"])  # not before the commit
    for callback in callbacks:
        callback()
    assert not private_storage.exists(stored["name"]) and protocol.stored_files(competition.pk) == []
    assert not private_storage.exists(f"{protocol.FOLDER}/{competition.pk}")


def test_deleting_competitions_from_the_admins_list_removes_their_protocols(
        client, administrator, unscored, django_capture_on_commit_callbacks):
    competition = unscored.competition
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/grants/competition/", {"action": "delete_selected", "_selected_action": [competition.pk],
                                                   "post": "yes"})
    assert not Competition.objects.filter(pk=competition.pk).exists()
    assert protocol.stored_files(competition.pk) == []


def test_a_deletion_that_is_refused_keeps_the_protocol(client, administrator, competition,
                                                       django_capture_on_commit_callbacks):
    """A committee that has scored cannot be deleted (its cards are the record): the files stay with it."""
    protocol.make(competition.pk, [], "pl", 1)
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/grants/competition/{competition.pk}/delete/", {"post": "yes"})
    assert Competition.objects.filter(pk=competition.pk).exists()
    assert len(protocol.stored_files(competition.pk)) == 1


def test_when_the_last_member_leaves_the_committees_protocols_go(unscored, django_capture_on_commit_callbacks):
    competition = unscored.competition
    with django_capture_on_commit_callbacks(execute=True):
        appointment.remove(unscored)
    assert not competition.committee.exists() and protocol.stored_files(competition.pk) == []

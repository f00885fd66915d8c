"""A department runs a consultation end to end through the pages: prepare, split, announce, answer, report."""

import datetime as dt
import re
import zlib

import pytest
from django.core import mail
from django.utils import timezone

from partnerstwo.consultations import participation
from partnerstwo.consultations.models import Answer, Comment, Consultation
from partnerstwo.consultations.tests import factories as f
from partnerstwo.events.models import Event

pytestmark = pytest.mark.django_db


def form_data(today, **extra):
    return {
        "title": "Program współpracy 2027", "kind": "programme", "legal_basis": "art. 5a ustawy",
        "summary": "Projekt.", "for_ngos": "on", "for_body": "on", "starts_on": today.isoformat(),
        "ends_on": (today + dt.timedelta(days=14)).isoformat(), "form_site": "on", "form_written": "on",
        "form_meeting": "on", "meeting_starts_at": f"{today + dt.timedelta(days=3)}T17:00",
        "meeting_ends_at": f"{today + dt.timedelta(days=3)}T19:00", "meeting_place": "ul. Słonimska 1",
        "comments_public_at_once": "on", "contact_name": "Ksawery", "contact_email": "x@um.example.org", **extra,
    }


def test_an_official_prepares_splits_and_announces(client, official_x):
    client.force_login(official_x)
    today = timezone.localdate()

    response = client.post("/panel/konsultacje/nowe/", form_data(today))
    consultation = Consultation.objects.get()
    assert response.status_code == 302 and consultation.department == official_x.department

    response = client.post(f"/panel/konsultacje/{consultation.pk}/tekst/", {"text": f.TEXT})
    assert response.status_code == 302
    assert "par-2-ust-2-pkt-1" in client.get(f"/panel/konsultacje/{consultation.pk}/tekst/").content.decode()
    assert client.get(consultation.get_absolute_url()).status_code == 404  # not public before the announcement

    client.post(f"/panel/konsultacje/{consultation.pk}/ogloszenie/")
    consultation.refresh_from_db()
    assert consultation.is_announced
    assert Event.objects.get().status == "published" and consultation.meeting_event is not None
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert 'id="par-2-ust-1"' in html
    assert "Konsultacje: Program" in client.get("/konsultacje/kalendarz.ics").content.decode()


def test_a_short_period_needs_a_reason_shown_in_public(client, official_x):
    client.force_login(official_x)
    today = timezone.localdate()
    data = form_data(today, ends_on=(today + dt.timedelta(days=4)).isoformat(), for_body="")

    response = client.post("/panel/konsultacje/nowe/", data)
    assert response.status_code == 400 and "podaj uzasadnienie krótszego terminu" in response.content.decode()

    client.post("/panel/konsultacje/nowe/", {**data, "short_period_reason": "Pilna zmiana przepisów."})
    assert Consultation.objects.get().short_period_reason == "Pilna zmiana przepisów."


def test_the_advisory_body_has_its_fourteen_days_on_a_programme_which_no_reason_shortens(client, official_x):
    client.force_login(official_x)
    today = timezone.localdate()
    short = form_data(today, ends_on=(today + dt.timedelta(days=13)).isoformat(),
                      short_period_reason="Pilne.")

    response = client.post("/panel/konsultacje/nowe/", short)
    assert response.status_code == 400 and "art. 41i ust. 2" in response.content.decode()
    assert client.post("/panel/konsultacje/nowe/", {**short, "for_body": ""}).status_code == 302  # NGOs only
    client.post("/panel/konsultacje/nowe/", {**short, "title": "Z Zespołem",
                                             "ends_on": (today + dt.timedelta(days=14)).isoformat()})
    consultation = Consultation.objects.get(title="Z Zespołem")
    assert consultation.body_opinion_due() == today + dt.timedelta(days=14)
    client.post(f"/panel/konsultacje/{consultation.pk}/tekst/", {"text": f.TEXT})
    client.post(f"/panel/konsultacje/{consultation.pk}/ogloszenie/")
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert "Opinia Zespołu Konsultacyjnego" in html and "art. 41i ust. 2" in html


def test_other_departments_and_other_roles_are_kept_out(client, department_x, official_x, official_y,
                                                         representative_a, team_member):
    consultation = f.consultation(department_x, by=official_x)
    client.force_login(official_y)
    assert client.get(f"/panel/konsultacje/{consultation.pk}/").status_code == 404
    for user in (representative_a, team_member):
        client.force_login(user)
        assert client.get("/panel/konsultacje/").status_code == 403


def test_a_new_version_keeps_the_old_one_and_shows_what_changed(client, department_x, official_x):
    consultation = f.consultation(department_x, by=official_x)
    client.force_login(official_x)

    client.post(f"/panel/konsultacje/{consultation.pk}/tekst/",
                {"text": f.TEXT.replace("na rok 2027", "na lata 2027–2028"), "note": "Program dwuletni."})

    assert consultation.versions.count() == 2
    html = client.get(f"/konsultacje/{consultation.slug}/zmiany/2/").content.decode()
    assert "<del>rok</del><ins>lata</ins>" in html


def test_answers_then_the_report_as_page_pdf_and_xlsx_and_mail_to_commenters(
        client, department_x, official_x, representative_a, organization_a, representative_b, organization_b,
        fixed_clock, django_capture_on_commit_callbacks, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # publishing makes the report's PDF
    consultation = f.consultation(department_x, by=official_x)
    unit = participation.unit_for_comment(consultation, "par-1")
    for user, organization in ((representative_a, organization_a), (representative_b, organization_b)):
        participation.submit_comment(consultation, by=user, capacity="organization", organization=organization,
                                     unit=unit, proposed_wording="Na lata 2027–2028.", justification="Dłużej.")
    client.force_login(official_x)
    participation.enter_received_comment(consultation, by=official_x, channel="paper", capacity="person",
                                         author_name="Jan Kowalski", unit=None, proposed_wording="Całość",
                                         justification="Bo.")
    ids = list(Comment.objects.values_list("pk", flat=True))
    assert client.post(f"/panel/konsultacje/{consultation.pk}/odpowiedzi/", {
        "comments": ids[:2], "decision": "accepted", "justification": "Tak."}).status_code == 400  # still open

    fixed_clock.move_to(consultation.deadline() + dt.timedelta(hours=1))
    client.force_login(official_x)  # a staff session ends after 30 idle minutes
    response = client.post(f"/panel/konsultacje/{consultation.pk}/odpowiedzi/", {
        "comments": ids[:2], "decision": "accepted", "justification": "Uwzględniono."})
    assert response.status_code == 302 and Answer.objects.get().comments.count() == 2
    response = client.post(f"/panel/konsultacje/{consultation.pk}/sprawozdanie/", {"outcome": "Zmieniono § 1."})
    assert response.status_code == 400 and "Bez odpowiedzi pozostało uwag: 1" in response.content.decode()
    client.post(f"/panel/konsultacje/{consultation.pk}/odpowiedzi/", {
        "comments": ids[2:], "decision": "rejected", "justification": "Nie dotyczy."})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/panel/konsultacje/{consultation.pk}/sprawozdanie/", {"outcome": "Zmieniono § 1."})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted([representative_a.email, representative_b.email])

    html = client.get(f"/konsultacje/{consultation.slug}/sprawozdanie/").content.decode()
    assert "Fundacja Alfa" in html and "Stowarzyszenie Beta" in html and "Jan Kowalski" not in html
    assert "osoba prywatna" in html
    pdf = client.get(f"/konsultacje/{consultation.slug}/sprawozdanie.pdf").content
    unpacked = pdf + b"".join(_inflate(m) for m in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S))
    assert b"/StructTreeRoot" in unpacked and b"/Lang" in unpacked
    xlsx = client.get(f"/konsultacje/{consultation.slug}/sprawozdanie.xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxml")


def test_a_consultation_without_comments_still_gets_its_report(client, department_x, official_x, fixed_clock):
    consultation = f.consultation(department_x, by=official_x)
    fixed_clock.move_to(consultation.deadline() + dt.timedelta(hours=1))
    client.force_login(official_x)

    client.post(f"/panel/konsultacje/{consultation.pk}/sprawozdanie/", {"outcome": "Nie wpłynęły uwagi."})

    html = client.get(f"/konsultacje/{consultation.slug}/sprawozdanie/").content.decode()
    assert "bez względu na liczbę uczestników" in html


def test_moderation_records_the_reason(client, department_x, official_x, representative_a, organization_a):
    consultation = f.consultation(department_x, by=official_x)
    comment = participation.submit_comment(
        consultation, by=representative_a, capacity="organization", organization=organization_a, unit=None,
        proposed_wording="Obraźliwa treść", justification="…")
    client.force_login(official_x)
    url = f"/panel/konsultacje/{consultation.pk}/uwagi/{comment.pk}/usuniecie/"

    assert client.post(url, {"reason": ""}).status_code == 400
    client.post(url, {"reason": "Treść obraźliwa (regulamin serwisu)."})

    html = client.get(consultation.get_absolute_url()).content.decode()
    assert "Obraźliwa treść" not in html and "Treść obraźliwa (regulamin serwisu)." in html


def test_followers_hear_when_it_closes_once(department_x, official_x, resident, fixed_clock,
                                            django_capture_on_commit_callbacks):
    from partnerstwo.consultations import notifications

    consultation = f.consultation(department_x, by=official_x)
    participation.follow(consultation, resident)
    fixed_clock.move_to(consultation.deadline() + dt.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.notify_closed() == 1
        assert notifications.notify_closed() == 0
    assert [m.to for m in mail.outbox] == [[resident.email]]


def _inflate(match) -> bytes:
    try:
        return zlib.decompress(match.group(1))
    except zlib.error:
        return b""


def test_the_events_calendar_shows_the_consultation_periods_of_the_month_week_and_list(client, department_x,
                                                                                      official_x):
    consultation = f.consultation(department_x, by=official_x)
    later = f.consultation(department_x, by=official_x, title="Za dwa miesiące", starts=70)
    hidden = f.consultation(department_x, by=official_x, title="Jeszcze w przygotowaniu", announced=False)
    day = timezone.localdate().isoformat()

    for view in ("", "widok=tydzien&", "widok=lista&"):
        html = client.get(f"/wydarzenia/?{view}data={day}").content.decode()
        assert consultation.title in html and hidden.title not in html and later.title not in html, view
        assert "/konsultacje/kalendarz.ics" in html


def test_the_reports_pdf_is_made_at_publication_and_again_after_a_change(
        client, department_x, official_x, representative_a, organization_a, fixed_clock, settings, tmp_path,
        django_capture_on_commit_callbacks):
    from django.core.files.storage import default_storage

    from partnerstwo.consultations import answering, report

    settings.MEDIA_ROOT = tmp_path
    consultation = f.consultation(department_x, by=official_x)
    comment = participation.submit_comment(consultation, by=representative_a, capacity="organization",
                                           organization=organization_a, unit=None, proposed_wording="A",
                                           justification="B")
    fixed_clock.move_to(consultation.deadline() + dt.timedelta(hours=1))
    answering.answer(consultation, comment_ids=[comment.pk], decision="rejected", justification="Nie.",
                     by=official_x)
    with django_capture_on_commit_callbacks(execute=True):
        answering.publish_report(consultation, by=official_x, outcome="Wynik.")
    consultation.refresh_from_db()
    first = report.pdf_name(consultation)
    assert default_storage.exists(first)  # made by the task, before anyone asked

    assert client.get(f"/konsultacje/{consultation.slug}/sprawozdanie.pdf").content.startswith(b"%PDF")
    participation.remove(comment, by=official_x, reason="Dane osobowe.")
    assert report.pdf_name(consultation) != first
    client.get(f"/konsultacje/{consultation.slug}/sprawozdanie.pdf")
    assert default_storage.exists(report.pdf_name(consultation))


def test_a_reader_never_waits_for_the_pdf_the_worker_makes_it(
        client, department_x, official_x, representative_a, organization_a, fixed_clock, settings, tmp_path):
    """With a real queue (here the dummy backend, which only records), a changed report's PDF is queued once and
    the reader gets a page saying so (202 Accepted), not a minute's wait; once the worker has made it, the PDF is
    served."""
    from django_tasks import default_task_backend

    from partnerstwo.consultations import answering, report

    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    consultation = f.consultation(department_x, by=official_x)
    comment = participation.submit_comment(consultation, by=representative_a, capacity="organization",
                                           organization=organization_a, unit=None, proposed_wording="A",
                                           justification="B")
    fixed_clock.move_to(consultation.deadline() + dt.timedelta(hours=1))
    answering.answer(consultation, comment_ids=[comment.pk], decision="rejected", justification="Nie.",
                     by=official_x)
    answering.publish_report(consultation, by=official_x, outcome="Wynik.")
    url = f"/konsultacje/{consultation.slug}/sprawozdanie.pdf"

    first, second = client.get(url), client.get(url)

    assert first.status_code == second.status_code == 202 and first["Retry-After"] == "30"
    assert "Plik PDF sprawozdania jest w przygotowaniu" in first.content.decode()
    assert f"/konsultacje/{consultation.slug}/sprawozdanie/" in first.content.decode()
    assert len(default_task_backend.results) == 1  # queued once, however many readers ask
    consultation.refresh_from_db()
    report.stored_pdf(consultation)  # what the worker's task does
    ready = client.get(url)
    assert ready.status_code == 200 and ready.content.startswith(b"%PDF")


def test_the_report_page_is_rendered_once_and_again_after_a_change(client, department_x, official_x,
                                                                   representative_a, organization_a, fixed_clock):
    from partnerstwo.consultations import answering

    consultation = f.consultation(department_x, by=official_x)
    comment = participation.submit_comment(consultation, by=representative_a, capacity="organization",
                                           organization=organization_a, unit=None, proposed_wording="Propozycja <b>",
                                           justification="B")
    fixed_clock.move_to(consultation.deadline() + dt.timedelta(hours=1))
    answering.answer(consultation, comment_ids=[comment.pk], decision="rejected", justification="Nie.",
                     by=official_x)
    answering.publish_report(consultation, by=official_x, outcome="Wynik.")
    url = f"/konsultacje/{consultation.slug}/sprawozdanie/"

    first = client.get(url).content.decode()
    assert "Propozycja &lt;b&gt;" in first and client.get(url).content.decode() == first
    assert client.get(f"/en{url}").status_code == 200
    participation.remove(comment, by=official_x, reason="Dane osobowe innych osób.")
    after = client.get(url).content.decode()
    assert "Propozycja" not in after and "W konsultacjach nie zgłoszono uwag" in after


def test_the_reports_xlsx_is_made_by_the_worker_never_by_a_request(
        client, department_x, official_x, representative_a, organization_a, fixed_clock, settings, tmp_path,
        monkeypatch):
    """Like the PDF: a request only serves the stored XLSX or says it is being made (202, queued once); the task
    makes it in every language, once per state of the report."""
    import io

    from django_tasks import default_task_backend
    from openpyxl import load_workbook

    from partnerstwo.consultations import answering, report, tasks

    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    consultation = f.consultation(department_x, by=official_x)
    comment = participation.submit_comment(consultation, by=representative_a, capacity="organization",
                                           organization=organization_a, unit=None, proposed_wording="Propozycja A",
                                           justification="B")
    fixed_clock.move_to(consultation.deadline() + dt.timedelta(hours=1))
    answering.answer(consultation, comment_ids=[comment.pk], decision="rejected", justification="Nie.",
                     by=official_x)
    answering.publish_report(consultation, by=official_x, outcome="Wynik.")
    build = report.xlsx
    made = []

    def refused(c):
        raise AssertionError("a request built the workbook")

    def counted(c):
        made.append(c.pk)
        return build(c)

    path = f"/konsultacje/{consultation.slug}/sprawozdanie.xlsx"

    def rows(url=path):
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        return sheet.cell(1, 8).value, [row[5] for row in sheet.iter_rows(min_row=2, values_only=True)]

    def run_the_worker():
        consultation.refresh_from_db()
        monkeypatch.setattr(report, "xlsx", counted)
        tasks.build_report_pdf.call(consultation.pk)
        monkeypatch.setattr(report, "xlsx", refused)

    monkeypatch.setattr(report, "xlsx", refused)
    first, second = client.get(path), client.get(path)
    assert first.status_code == second.status_code == 202 and first["Retry-After"] == "30"
    assert "Plik XLSX sprawozdania jest w przygotowaniu" in first.content.decode()
    assert f"/konsultacje/{consultation.slug}/sprawozdanie/" in first.content.decode()
    assert len(default_task_backend.results) == 1  # queued once, however many readers ask

    run_the_worker()
    assert len(made) == 2  # Polish and English
    assert rows() == ("Rozstrzygnięcie", ["Propozycja A"]) and rows() == ("Rozstrzygnięcie", ["Propozycja A"])
    assert rows(f"/en{path}")[0] != "Rozstrzygnięcie"
    run_the_worker()
    assert len(made) == 2  # already made for the report as it is

    participation.remove(comment, by=official_x, reason="Dane osobowe.")
    assert client.get(path).status_code == 202  # a changed report: a new file, made by the worker
    run_the_worker()
    assert rows() == ("Rozstrzygnięcie", []) and len(made) == 4


def test_the_report_page_shows_its_comments_by_pages_with_the_summary_on_the_first(
        client, department_x, official_x, representative_a, organization_a, fixed_clock, monkeypatch,
        django_assert_num_queries):
    """The public report's table is paged (COMMENTS_PER_PAGE, here 2): the summary, the decisions and the outcome
    on the first page, the rows numbered on across pages, a comment's page computable; the query count does not
    grow with the comments; the PDF and the panel keep the whole report."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from partnerstwo.consultations import answering, report

    monkeypatch.setattr(report, "COMMENTS_PER_PAGE", 2)

    def published(count):
        consultation = f.consultation(department_x, by=official_x, title=f"Konsultacje {count}")
        made = [participation.submit_comment(consultation, by=representative_a, capacity="organization",
                                             organization=organization_a, unit=None,
                                             proposed_wording=f"Propozycja {n}", justification="B")
                for n in range(1, count + 1)]
        fixed_clock.move_to(consultation.deadline() + dt.timedelta(hours=1))
        answering.answer(consultation, comment_ids=[c.pk for c in made], decision="rejected", justification="Nie.",
                         by=official_x)
        answering.publish_report(consultation, by=official_x, outcome="Wynik konsultacji opisany.")
        fixed_clock.move_to(timezone.now() - dt.timedelta(days=30))
        return consultation, made

    consultation, made = published(5)
    url = f"/konsultacje/{consultation.slug}/sprawozdanie/"
    first = client.get(url).content.decode()
    assert "Propozycja 1" in first and "Propozycja 2" in first and "Propozycja 3" not in first
    assert "Przedmiot konsultacji" in first and "Wynik konsultacji opisany." in first and "Fundacja Alfa" in first
    assert 'rel="next"' in first and "Uwagi 1–2." in first
    third = client.get(url, {"strona": 3}).content.decode()
    assert f'<tr id="uwaga-{made[4].pk}"><td>5</td>' in third and "Propozycja 1<" not in third
    assert "Przedmiot konsultacji" not in third and "Wynik konsultacji opisany." not in third
    assert "strona 3" in third.split("</title>")[0]
    assert client.get(url, {"strona": "x"}).status_code == 200 and client.get(url, {"strona": 99}).status_code == 200
    assert [report.comment_page(c) for c in made] == [1, 1, 2, 2, 3]
    assert len(report.context(consultation)["comments"]) == 5  # the PDF's and the panel's whole report

    larger, _made = published(9)
    for number in (1, 2):
        cache.clear()
        with CaptureQueriesContext(connection) as small:
            client.get(url, {"strona": number})
        cache.clear()
        with django_assert_num_queries(len(small.captured_queries)):
            client.get(f"/konsultacje/{larger.slug}/sprawozdanie/", {"strona": number})

"""Reports on signed agreements (art. 18): the final one due 30 days after the task's end, a partial one when the
department demands it; results achieved against the planned values, actions and deviations, costs by line and by
source; handed in by the organisation, accepted or returned with remarks by the department; reminders from the
scheduler; the department's yearly list; the results of accepted final reports on the competition's page."""

import datetime as dt
import hashlib
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from partnerstwo.grants.competitions import rules, views
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.reports import reminders, reporting
from partnerstwo.grants.reports.models import Report
from partnerstwo.grants.tests import agreement_factories as factories


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def agreement(department_x, organization_a, representative_a, official_x):
    received = factories.granted(department_x, organization_a, representative_a)
    return factories.signed(official_x, representative_a, received)


@pytest.fixture
def report(agreement):
    return agreement.reports.get()


def url(report, slug=None):
    return reverse("my_grants:report_section", args=[report.pk, slug]) if slug else reverse(
        "my_grants:report", args=[report.pk])


def rows(prefix, report_rows, **values):
    data = {f"{prefix}-TOTAL_FORMS": len(report_rows), f"{prefix}-INITIAL_FORMS": len(report_rows),
            f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}
    for i, row in enumerate(report_rows):
        data[f"{prefix}-{i}-id"] = row.pk
        for name, value in values.items():
            data[f"{prefix}-{i}-{name}"] = value[i] if isinstance(value, list) else value
    return data


def merit(report, **extra):
    report.refresh_from_db()
    return {"version": report.version, "results_description": "120 seniorów na 10 spacerach.",
            "actions_description": "Wszystkie spacery odbyły się.",
            **rows("results", list(report.results.all()), achieved_value="130", comment=""),
            **rows("actions", list(report.actions.all()), done="10 spacerów", deviations=""), **extra}


def finance(report, spent=("9500", "500"), **extra):
    report.refresh_from_db()
    return {"version": report.version, "grant_spent": "9000", "own_financial": "500", "own_non_financial": "500",
            "recipient_payments": "0", "recipient_payments_info": "", "other_income": "0", "other_income_info": "",
            **rows("costs", list(report.costs.all()), spent=list(spent)), **extra}


def fill(client, report):
    assert client.post(url(report, "merytoryczne"), merit(report)).status_code == 302
    assert client.post(url(report, "finansowe"), finance(report)).status_code == 302
    report.refresh_from_db()
    assert client.post(url(report, "oswiadczenia"), {"version": report.version, "additional_info": "",
                                                     "statements_accepted": "on"}).status_code == 302
    report.refresh_from_db()


def test_signing_the_agreement_makes_the_final_report_due_30_days_after_the_task(agreement, report):
    assert report.kind == "final" and report.due_on == rules.report_due(agreement.task_end)
    assert report.results.count() == 1 and report.actions.count() == 1 and report.costs.count() == 2


def test_the_representative_writes_and_hands_it_in_and_the_official_accepts_it(
        client, report, representative_a, official_x, agreement):
    client.force_login(representative_a)
    page = client.get(url(report)).content.decode()
    assert "Podaj osiągniętą wartość rezultatu" in page
    fill(client, report)
    assert reporting.problems(report) == []
    money = reporting.spending(report)
    assert (money.spent_total, money.sources_total, money.grant_unused) == (
        Decimal("10000.00"), Decimal("10000.00"), Decimal("0.00"))
    client.post(reverse("my_grants:report_submit", args=[report.pk]), {"version": report.version})
    report.refresh_from_db()
    assert report.status == "submitted"
    client.force_login(official_x)
    response = client.post(reverse("panel:grants_panel:report", args=[report.pk]), {"decision": "approve"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "accepted" and report.decided_by == official_x
    # The competition's page shows what was achieved beside the amount.
    page = client.get(agreement.competition.get_absolute_url()).content.decode()
    assert "Co osiągnięto" in page and "Uczestnicy spacerów" in page and "130" in page


def test_returned_with_remarks_the_representative_corrects_it(client, report, representative_a, official_x):
    client.force_login(representative_a)
    fill(client, report)
    reporting.submit(report, by=representative_a, expected_version=report.version)
    client.force_login(official_x)
    response = client.post(reverse("panel:grants_panel:report", args=[report.pk]), {"decision": "reject",
                                                                                    "reason": ""})
    assert response.status_code == 200 and "Napisz, co organizacja ma poprawić." in response.content.decode()
    client.post(reverse("panel:grants_panel:report", args=[report.pk]),
                {"decision": "reject", "reason": "Dołączcie listy obecności."})
    report.refresh_from_db()
    assert report.status == "returned"
    client.force_login(representative_a)
    assert "Dołączcie listy obecności." in client.get(url(report)).content.decode()
    response = client.post(url(report, "oswiadczenia"), {"version": report.version, "statements_accepted": "on",
                                                         "additional_info": "Listy obecności w załączniku."})
    assert response.status_code == 302
    report.refresh_from_db()
    reporting.submit(report, by=representative_a, expected_version=report.version)
    report.refresh_from_db()
    assert report.status == "submitted"


@pytest.mark.parametrize(("spent", "extra", "text"), [
    (("9500", "400"), {}, "muszą być równe sumie wydatków"),
    (("9500", "500"), {"grant_spent": "9100", "own_financial": "400"}, "nie może przekroczyć kwoty z umowy"),
])
def test_wrong_sums_are_named_and_stop_the_report(client, report, representative_a, spent, extra, text):
    client.force_login(representative_a)
    client.post(url(report, "finansowe"), finance(report, spent=spent, **extra))
    report.refresh_from_db()
    assert text in " ".join(p.message for p in reporting.problems(report))
    with pytest.raises(reporting.Refused):
        reporting.submit(report, by=representative_a, expected_version=report.version)


@pytest.mark.parametrize("extra", [
    {"grant_spent": "-1"}, {"costs-0-spent": "-5"}, {"other_income_info": "x" * 100_000},
    {"grant_spent": "1e999"}, {"costs-0-id": "999999"}, {"version": ""},
])
def test_bad_input_gives_an_error_next_to_the_field_and_saves_nothing(client, report, representative_a, extra):
    client.force_login(representative_a)
    before = report.version
    response = client.post(url(report, "finansowe"), finance(report, **extra))
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    report.refresh_from_db()
    assert report.version == before and report.grant_spent == 0


def test_achieved_values_cannot_be_negative_or_huge(client, report, representative_a):
    client.force_login(representative_a)
    for value in ("-3", "99999999999999"):
        response = client.post(url(report, "merytoryczne"), merit(report, **{"results-0-achieved_value": value}))
        assert response.status_code == 200
    assert report.results.get().achieved_value is None


def test_only_its_organisation_and_its_department_see_it(
        client, report, representative_a, representative_b, official_x, official_y, resident, administrator):
    for user, mine, panel in [(representative_a, 200, 403), (representative_b, 404, 403), (resident, 404, 403),
                              (official_x, 404, 200), (official_y, 404, 404), (administrator, 404, 200)]:
        client.force_login(user)
        assert client.get(url(report)).status_code == mine, user
        assert client.get(reverse("panel:grants_panel:report", args=[report.pk])).status_code == panel, user
    client.force_login(official_x)
    client.post(url(report, "oswiadczenia"), {"version": report.version, "statements_accepted": "on"})
    report.refresh_from_db()
    assert not report.statements_accepted
    # Nobody but the department decides.
    with pytest.raises(reporting.ValidationError):
        reporting.accept(report, by=representative_a)


def test_a_partial_report_is_demanded_at_least_30_days_ahead(client, agreement, official_x,
                                                             django_capture_on_commit_callbacks):
    client.force_login(official_x)
    url_ = reverse("panel:grants_panel:report_demand", args=[agreement.pk])
    today = timezone.localdate()
    response = client.post(url_, {"period_end": agreement.task_start.isoformat(),
                                  "due_on": (today + dt.timedelta(days=10)).isoformat()})
    assert response.status_code == 200 and "30 dni" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url_, {"period_end": agreement.task_start.isoformat(),
                                      "due_on": (today + dt.timedelta(days=31)).isoformat()})
    assert response.status_code == 302
    assert agreement.reports.filter(kind="partial").count() == 1
    assert "sprawozdanie częściowe" in mail.outbox[-1].body


def test_the_scheduler_reminds_the_organisation_before_and_on_the_day_and_the_department_after(
        report, official_x, fixed_clock, django_capture_on_commit_callbacks):
    due = report.due_on
    moments = {"before": due - dt.timedelta(days=7), "day": due, "after": due + dt.timedelta(days=1)}
    sent = []
    for name, day in moments.items():
        fixed_clock.move_to(dt.datetime.combine(day, dt.time(9), tzinfo=timezone.get_current_timezone()))
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("remind_grant_reports")
            call_command("remind_grant_reports")  # twice: nothing more
        sent.append((name, [m.to for m in mail.outbox]))
    assert len(sent[0][1]) == 1 and len(sent[1][1]) == 1
    assert sent[2][1] == [[official_x.email]]
    assert Report.objects.late(moments["after"]).count() == 1


def test_no_reminder_for_a_report_handed_in(client, report, representative_a, fixed_clock):
    client.force_login(representative_a)
    fill(client, report)
    reporting.submit(report, by=representative_a, expected_version=report.version)
    fixed_clock.move_to(dt.datetime.combine(report.due_on + dt.timedelta(days=2), dt.time(9),
                                            tzinfo=timezone.get_current_timezone()))
    mail.outbox.clear()
    assert reminders.send_reminders() == 0 and mail.outbox == []


def test_the_yearly_list_counts_due_late_and_accepted_in_constant_queries(
        client, official_x, department_x, organization_a, representative_a, django_assert_max_num_queries):
    for _ in range(3):
        received = factories.granted(department_x, organization_a, representative_a)
        factories.signed(official_x, representative_a, received)
    Report.objects.filter(pk=Report.objects.first().pk).update(due_on=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(official_x)
    year = Report.objects.first().agreement.competition.year
    with django_assert_max_num_queries(12):
        response = client.get(reverse("panel:grants_panel:reports"), {"rok": year})
    page = response.content.decode()
    assert response.status_code == 200 and "po terminie" in page
    assert response.context["counts"] == {"due": 2, "late": 1, "submitted": 0, "accepted": 0}
    for _ in range(3):
        received = factories.granted(department_x, organization_a, representative_a)
        factories.signed(official_x, representative_a, received)
    with django_assert_max_num_queries(12):
        client.get(reverse("panel:grants_panel:reports"), {"rok": year})
    response = client.get(reverse("panel:grants_panel:reports"), {"rok": "abc", "wydzial": "999"})
    assert response.status_code == 200


def test_the_yearly_list_shows_fifty_reports_a_page_and_its_links_keep_the_year(client, agreement, official_x):
    year = agreement.offer.competition.year
    report = agreement.reports.get()
    Report.objects.bulk_create(
        Report(agreement=agreement, kind="partial", period_end=report.period_end, due_on=report.due_on)
        for _ in range(51))
    client.force_login(official_x)
    url = reverse("panel:grants_panel:reports")
    first = client.get(url, {"rok": year}).content.decode()
    assert first.count(reverse("panel:grants_panel:report", args=[report.pk]).rsplit("/", 2)[0]) >= 50
    assert f"?rok={year}&amp;strona=2" in first
    second = client.get(url, {"rok": year, "strona": 2}).content.decode()
    assert second.count('<tr><td><a href="/panel/') == 2


def submit_by_page(client, report, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("my_grants:report_submit", args=[report.pk]), {"version": report.version})
    assert response.status_code == 302
    report.refresh_from_db()
    return report


@pytest.mark.parametrize("kind", ["final", "partial"])
def test_handing_in_mails_the_organisation_the_pdf_with_its_checksum_and_tells_the_responsible_official(
        client, agreement, report, kind, representative_a, organization_a, official_x, official_y,
        django_capture_on_commit_callbacks):
    organization_a.email = "biuro@alfa.example.org"
    organization_a.save()
    if kind == "partial":
        report = reporting.demand_partial(agreement, by=official_x, period_end=agreement.task_start,
                                          due_on=timezone.localdate() + dt.timedelta(days=31))
    client.force_login(representative_a)
    fill(client, report)
    mail.outbox.clear()
    report = submit_by_page(client, report, django_capture_on_commit_callbacks)
    assert report.status == "submitted" and report.kind == kind
    receipt, note = mail.outbox
    assert set(receipt.to) == {"biuro@alfa.example.org", representative_a.email}
    [(filename, pdf, mimetype)] = receipt.attachments
    assert mimetype == "application/pdf" and filename == f"sprawozdanie-{report.pk}.pdf"
    assert hashlib.sha256(pdf).hexdigest() == report.pdf_sha256
    assert report.pdf_sha256 in receipt.body and report.pdf_sha256 in receipt.alternatives[0][0]
    # The official who drafted the agreement assesses it; another department's official hears nothing.
    assert note.to == [official_x.email] and official_y.email not in note.to
    assert reverse("panel:grants_panel:report", args=[report.pk]) in note.body
    assert report.pdf_sha256 in note.body


def test_when_the_drafting_official_has_left_the_department_its_officials_are_told(
        client, agreement, report, representative_a, official_x, department_x, department_y,
        django_capture_on_commit_callbacks):
    colleague = make_user("kolega@um.example.org", "official", full_name="Kolega Urzędnik", department=department_x)
    official_x.department = department_y
    official_x.save()
    client.force_login(representative_a)
    fill(client, report)
    mail.outbox.clear()
    submit_by_page(client, report, django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == [colleague.email]


def test_an_official_who_hears_of_their_queue_at_once_gets_one_email_not_two(
        client, agreement, report, representative_a, official_x, django_capture_on_commit_callbacks):
    official_x.desk_alerts = official_x.DeskAlerts.AT_ONCE
    official_x.save(update_fields=["desk_alerts"])
    client.force_login(representative_a)
    fill(client, report)
    mail.outbox.clear()
    submit_by_page(client, report, django_capture_on_commit_callbacks)
    to_official = [message for message in mail.outbox if official_x.email in message.to]
    assert len(to_official) == 1
    assert reverse("panel:grants_panel:report", args=[report.pk]) in to_official[0].body


def test_a_refused_hand_in_sends_nothing_and_a_corrected_one_sends_its_new_checksum(
        client, report, representative_a, representative_b, official_x, django_capture_on_commit_callbacks):
    client.force_login(representative_a)
    mail.outbox.clear()
    # Not filled in: refused, nothing mailed.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("my_grants:report_submit", args=[report.pk]), {"version": report.version})
    assert mail.outbox == []
    fill(client, report)
    # Another organisation's representative cannot hand it in.
    client.force_login(representative_b)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("my_grants:report_submit", args=[report.pk]),
                           {"version": report.version}).status_code == 404
    assert mail.outbox == []
    client.force_login(representative_a)
    first = submit_by_page(client, report, django_capture_on_commit_callbacks).pdf_sha256
    with django_capture_on_commit_callbacks(execute=True):
        reporting.return_for_correction(report, by=official_x, reason="Dołączcie listy obecności.")
    report.refresh_from_db()
    client.post(url(report, "oswiadczenia"), {"version": report.version, "statements_accepted": "on",
                                              "additional_info": "Listy obecności w załączniku."})
    report.refresh_from_db()
    mail.outbox.clear()
    second = submit_by_page(client, report, django_capture_on_commit_callbacks).pdf_sha256
    assert second != first and second in mail.outbox[0].body and first not in mail.outbox[0].body
    assert len(mail.outbox) == 2


def accepted_reports(department, organization, representative, official, competition, count):
    """`count` more granted offers of `competition`, each with a signed agreement and its final report accepted."""
    for _ in range(count):
        received = factories.granted(department, organization, representative)
        factories.signed(official, representative, received)
        Offer.objects.filter(pk=received.pk).update(competition=competition)
    Report.objects.filter(agreement__offer__competition=competition).update(
        status="accepted", first_submitted_at=timezone.now(), submitted_at=timezone.now())


def test_the_competition_page_shows_a_few_achievements_and_links_to_all_of_them_in_constant_queries(
        client, agreement, department_x, organization_a, representative_a, official_x, monkeypatch,
        django_assert_num_queries):
    monkeypatch.setattr(views, "ACHIEVEMENTS_SHOWN", 2)
    monkeypatch.setattr(views, "ACHIEVEMENTS_PER_PAGE", 2)
    competition = agreement.competition
    accepted_reports(department_x, organization_a, representative_a, official_x, competition, 2)
    all_url = reverse("grants:achievements", args=[competition.slug])
    client.get(competition.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        page = client.get(competition.get_absolute_url()).content.decode()
    few = len(few.captured_queries)  # now: the log's indices move once it is full
    assert page.count("Uczestnicy spacerów") == 2 and "Wszystkie rezultaty (sprawozdania: 3)" in page
    assert all_url in page
    client.get(all_url)
    with CaptureQueriesContext(connection) as few_all:
        first = client.get(all_url).content.decode()
    few_all = len(few_all.captured_queries)
    assert first.count("Uczestnicy spacerów") == 2 and "strona=2" in first
    accepted_reports(department_x, organization_a, representative_a, official_x, competition, 3)
    with django_assert_num_queries(few):
        page = client.get(competition.get_absolute_url()).content.decode()
    assert page.count("Uczestnicy spacerów") == 2 and "Wszystkie rezultaty (sprawozdania: 6)" in page
    with django_assert_num_queries(few_all):
        last = client.get(all_url, {"strona": 3}).content.decode()
    assert last.count("Uczestnicy spacerów") == 2 and "<title>Co osiągnięto – " in last
    assert client.get(all_url, {"strona": "abc"}).status_code == 200


def test_the_achievements_page_exists_only_for_published_results(client, agreement):
    Competition.objects.filter(pk=agreement.competition.pk).update(status=Competition.Status.EVALUATION)
    assert client.get(reverse("grants:achievements", args=[agreement.competition.slug])).status_code == 404
    assert client.get(reverse("grants:achievements", args=["nie-ma-takiego"])).status_code == 404

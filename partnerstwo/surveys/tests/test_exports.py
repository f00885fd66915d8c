"""The answers' CSV and XLSX are made by the worker, never by a request: a page says the file is being prepared
(202) until it is stored (privately), then it is served; role by role as the results; the filters and the state
of the answers name the file, so a changed answer makes a new one."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from partnerstwo.organizations.tests import factories as directory
from partnerstwo.surveys import answering, exports, tasks
from partnerstwo.team.models import Membership

from . import factories

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}


def url(survey, file_format="xlsx"):
    return reverse("panel:surveys_panel:export", args=[survey.pk, file_format])


@pytest.fixture
def survey(db):
    return factories.survey()


def organizations(count, **fields):
    return [directory.organization(**fields) for _index in range(count)]


def xlsx_rows(response):
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    return list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))


def csv_lines(response):
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    return b"".join(response.streaming_content).decode("utf-8-sig").splitlines()


def run_the_worker(monkeypatch):
    """What `manage.py db_worker` does with the queued tasks (the dummy backend only records them)."""
    from django_tasks import default_task_backend

    monkeypatch.setattr(exports, "_write", made_by_worker)
    for result in default_task_backend.results:
        tasks.build_export.call(*result.args, **result.kwargs)
    default_task_backend.clear()
    monkeypatch.setattr(exports, "_write", refused)


writes = []
_write = exports._write


def made_by_worker(*args, **kwargs):
    writes.append(args[2])
    return _write(*args, **kwargs)


def refused(*args, **kwargs):
    raise AssertionError("a request made the export")


def test_a_request_says_the_file_is_being_prepared_until_the_worker_has_made_it(
        client, survey, official_x, settings, monkeypatch, private_media):
    from django_tasks import default_task_backend

    settings.TASKS = DUMMY
    orgs = organizations(3)
    factories.answer_many(survey, orgs)
    client.force_login(official_x)
    monkeypatch.setattr(exports, "_write", refused)

    first, second = client.get(url(survey)), client.get(url(survey))

    assert first.status_code == second.status_code == 202 and first["Retry-After"] == "30"
    page = first.content.decode()
    assert "<title>Plik XLSX z odpowiedziami w przygotowaniu: Potrzeby szkoleniowe organizacji" in page
    assert f'href="{url(survey)}"' in page  # check again, without JavaScript
    assert reverse("panel:surveys_panel:results", args=[survey.pk]) in page
    assert len(default_task_backend.results) == 1  # queued once, however often it is asked for
    writes.clear()
    run_the_worker(monkeypatch)
    assert writes == ["xlsx"]
    rows = xlsx_rows(client.get(url(survey)))
    assert len(rows) == 4 and rows[1][0] == orgs[0].name
    assert client.get(url(survey, "csv")).status_code == 202  # each format its own file
    run_the_worker(monkeypatch)
    assert len(csv_lines(client.get(url(survey, "csv")))) == 4
    assert writes == ["xlsx", "csv"]
    # Kept privately (no public address), never under MEDIA_ROOT.
    stored = sorted(path.name for path in (private_media / "surveys" / "exports" / str(survey.pk)).iterdir())
    assert [name.rsplit(".", 1)[1] for name in stored] == ["csv", "xlsx"]
    assert not (Path(settings.MEDIA_ROOT) / exports.FOLDER).exists()


def test_a_changed_answer_makes_a_new_file_and_the_old_one_goes(client, survey, official_x, settings,
                                                                 monkeypatch, private_media, fixed_clock):
    settings.TASKS = DUMMY
    orgs = organizations(2)
    factories.answer_many(survey, orgs)
    client.force_login(official_x)
    monkeypatch.setattr(exports, "_write", refused)
    assert client.get(url(survey, "csv")).status_code == 202
    run_the_worker(monkeypatch)
    assert "Uwaga numer 0" in csv_lines(client.get(url(survey, "csv")))[1]

    fixed_clock.shift(dt.timedelta(minutes=5))
    sections = answering.questionnaire(survey)
    form = answering.AnswerForm(factories.valid_post(survey, text="Lokal na spotkania"), sections=sections)
    assert form.is_valid(), form.errors
    answering.save(form, survey=survey, organization=orgs[0])

    assert client.get(url(survey, "csv")).status_code == 202  # the stored file is of the answers before
    run_the_worker(monkeypatch)
    lines = csv_lines(client.get(url(survey, "csv")))
    assert "Lokal na spotkania" in lines[1] and "Uwaga numer 0" not in lines[1]
    assert len(list((private_media / "surveys" / "exports" / str(survey.pk)).iterdir())) == 1


def test_the_filters_are_part_of_the_files_identity(client, survey, official_x):
    """With the immediate backend (as in the other tests) the file is made at once and served."""
    dojlidy = directory.district("Dojlidy")
    sphere = directory.sphere("ecology-animals")
    factories.answer_many(survey, organizations(2, district=dojlidy) + organizations(1, spheres=[sphere])
                          + organizations(2))
    client.force_login(official_x)
    assert len(xlsx_rows(client.get(url(survey)))) == 6
    assert len(xlsx_rows(client.get(url(survey), {"osiedle": dojlidy.pk}))) == 3
    assert len(xlsx_rows(client.get(url(survey), {"sfera": sphere.pk}))) == 2
    assert len(csv_lines(client.get(url(survey, "csv"), {"sfera": sphere.pk}))) == 2
    assert len(xlsx_rows(client.get(url(survey), {"sfera": "abc"}))) == 6  # a bad filter: every answer
    headings = xlsx_rows(client.get(f"/en{url(survey)}", {"osiedle": dojlidy.pk}))[0]
    assert headings[0] == "Organisation"  # the language of the headings too


@pytest.mark.parametrize("role", ["official_x", "official_y", "team_member", "administrator"])
def test_builders_get_the_export(client, survey, role, request):
    factories.answer_many(survey, organizations(1))
    client.force_login(request.getfixturevalue(role))
    assert len(xlsx_rows(client.get(url(survey)))) == 2
    assert len(csv_lines(client.get(url(survey, "csv")))) == 2


@pytest.mark.parametrize("role", ["resident", "representative_a"])
def test_others_get_neither_the_file_nor_the_page_and_nothing_is_queued(client, survey, role, request, settings):
    from django_tasks import default_task_backend

    settings.TASKS = DUMMY
    factories.answer_many(survey, organizations(1))
    client.force_login(request.getfixturevalue(role))
    assert client.get(url(survey)).status_code == 403
    assert client.get(url(survey, "csv")).status_code == 403
    assert default_task_backend.results == []


def test_anonymous_is_sent_to_log_in_and_a_former_member_is_refused(client, survey, team_member):
    assert client.get(url(survey)).status_code == 302
    Membership.objects.filter(user=team_member).update(left_on=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(team_member)
    assert client.get(url(survey)).status_code == 403

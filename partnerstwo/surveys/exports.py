"""A survey's answers as a CSV or XLSX file, made by the worker (tasks.build_export) and kept in private storage.

At 10,000 answering organisations and 50 questions the CSV took 6 s and the XLSX 32 s to make, so a request never
makes them: it serves the stored file or says it is being made. The files hold free-text answers and
organisations' names, so they live in private storage (lib.private_storage, no public address) and the panel's
export view, with its permission check, serves them.

A file is named after what it holds: the questionnaire (questions and choices), the responses (how many, the last
change of any, the last change of their organisations), the filters (sphere, district) and the language of its
headings. A changed answer names a new file; making one removes the older files of the same survey, filters,
language and format.
"""

import hashlib
import os
import tempfile

from django.core.files import File
from django.db.models import Count, Max
from django.http import FileResponse
from django.utils import translation
from django.utils.translation import gettext as _

from partnerstwo.lib.private_storage import private_storage
from partnerstwo.lib.tabular.write import XLSX_TYPE, csv_lines, write_xlsx

from . import results
from .answering import questionnaire
from .models import Survey

FORMATS = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX_TYPE}
FOLDER = "surveys/exports"


def _prefix(survey: Survey, *, sphere_id, district_id, language: str) -> str:
    return f"{FOLDER}/{survey.pk}/odpowiedzi-s{sphere_id or 0}-o{district_id or 0}-{language}-"


def file_name(survey: Survey, file_format: str, *, sphere=None, district=None, language: str) -> str:
    """Where the file for the survey's answers as they are now is kept (four queries, whatever the size)."""
    questions = [question for section in questionnaire(survey) for question in section.questions.all()]
    shape = [(question.pk, question.text, question.kind,
              [(choice.pk, choice.label) for choice in question.choices.all()]) for question in questions]
    state = results.responses(survey, sphere=sphere, district=district).aggregate(
        n=Count("pk", distinct=True), last=Max("updated_at"), organizations=Max("organization__updated_at"),
    )
    digest = hashlib.sha256(repr((shape, state)).encode()).hexdigest()[:16]
    prefix = _prefix(survey, sphere_id=getattr(sphere, "pk", None), district_id=getattr(district, "pk", None),
                     language=language)
    return f"{prefix}{digest}.{file_format}"


def download_name(survey: Survey, file_format: str) -> str:
    return f"badanie-{survey.pk}-odpowiedzi.{file_format}"


def ready(survey: Survey, file_format: str, name: str) -> FileResponse | None:
    """The stored file as an attachment if it has been made, else None (it is never made here)."""
    if not private_storage.exists(name):
        return None
    return FileResponse(private_storage.open(name, "rb"), as_attachment=True,
                        filename=download_name(survey, file_format), content_type=FORMATS[file_format])


def _write(output, survey: Survey, file_format: str, *, sphere, district) -> None:
    header, rows = results.export_rows(survey, sphere=sphere, district=district)
    if file_format == "csv":
        for piece in csv_lines(header, rows):
            output.write(piece.encode())
    else:
        write_xlsx(output, header, rows, sheet_title=_("Odpowiedzi"))


def store(survey: Survey, file_format: str, *, sphere=None, district=None, language: str) -> str:
    """Makes the file unless it is made already for the answers as they are now, and removes the older ones of
    the same survey, filters, language and format. Called by the worker's task, never by a request. The file is
    written under a temporary name and then renamed, so a reader never gets half of it."""
    with translation.override(language):
        name = file_name(survey, file_format, sphere=sphere, district=district, language=language)
        if not private_storage.exists(name):
            with tempfile.TemporaryFile() as output:
                _write(output, survey, file_format, sphere=sphere, district=district)
                output.seek(0)
                part = private_storage.save(f"{name}.part", File(output))
            os.replace(private_storage.path(part), private_storage.path(name))
    folder, own = name.rsplit("/", 1)
    prefix = own.removesuffix(own.rsplit("-", 1)[1])
    for other in private_storage.listdir(folder)[1]:
        if other != own and other.startswith(prefix) and other.endswith(f".{file_format}"):
            private_storage.delete(f"{folder}/{other}")
    return name

"""Background tasks of the needs surveys (django-tasks; `manage.py db_worker` runs them)."""

from django.core.cache import cache
from django.http import FileResponse
from django_tasks import task

from partnerstwo.city.models import District, PublicTaskSphere

from . import exports
from .models import Survey

# How long a request that queued an export keeps others from queueing it again (the worker needs about half a
# minute for the XLSX of 10,000 answers to 50 questions).
EXPORT_QUEUED_SECONDS = 600


@task()
def build_export(survey_id: int, file_format: str, language: str, sphere_id: int | None = None,
                 district_id: int | None = None) -> None:
    survey = Survey.objects.filter(pk=survey_id).first()
    if survey is None or file_format not in exports.FORMATS:
        return
    sphere = PublicTaskSphere.objects.filter(pk=sphere_id).first() if sphere_id else None
    district = District.objects.filter(pk=district_id).first() if district_id else None
    exports.store(survey, file_format, sphere=sphere, district=district, language=language)


def export_or_queue(survey: Survey, file_format: str, *, language: str, sphere=None,
                    district=None) -> FileResponse | None:
    """The stored export of the answers as they are now; otherwise it is queued for the worker (once per state of
    the answers) and None is returned, so a request never waits for openpyxl. The immediate backend (tests) makes
    it at once."""
    name = exports.file_name(survey, file_format, sphere=sphere, district=district, language=language)
    found = exports.ready(survey, file_format, name)
    if found is not None:
        return found
    if cache.add(f"survey-export-queued:{name}", True, EXPORT_QUEUED_SECONDS):
        build_export.enqueue(survey.pk, file_format, language, getattr(sphere, "pk", None),
                             getattr(district, "pk", None))
    return exports.ready(survey, file_format, name)

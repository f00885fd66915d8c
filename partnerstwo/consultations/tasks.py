"""Background tasks of consultations (django-tasks; `manage.py db_worker` runs them)."""

from django.core.cache import cache
from django.http import FileResponse
from django_tasks import task

from partnerstwo.consultations import report
from partnerstwo.consultations.models import Consultation

# How long a request that queued the report's files keeps others from queueing them again (the worker needs
# about a minute for thousands of comments).
PDF_QUEUED_SECONDS = 600


def _queue_once(consultation: Consultation) -> None:
    """Queues the task making the report's files, once per state of the report (its PDF's name)."""
    if cache.add(f"consultation-report-queued:{report.pdf_name(consultation)}", True, PDF_QUEUED_SECONDS):
        build_report_pdf.enqueue(consultation.pk)


def report_pdf_or_queue(consultation: Consultation) -> bytes | None:
    """The report's PDF when it is made; otherwise it is queued for the worker (once) and None is returned, so a
    request never waits for WeasyPrint. With the immediate backend (tests) the PDF is made at once."""
    ready = report.ready_pdf(consultation)
    if ready is not None:
        return ready
    _queue_once(consultation)
    return report.ready_pdf(consultation)


def report_xlsx_or_queue(consultation: Consultation) -> FileResponse | None:
    """The report's XLSX when it is made, like the PDF: otherwise queued (once) and None, so a request never
    waits for openpyxl."""
    ready = report.ready_xlsx(consultation)
    if ready is not None:
        return ready
    _queue_once(consultation)
    return report.ready_xlsx(consultation)


@task()
def build_report_pdf(consultation_id: int) -> None:
    """Makes the published report's files ahead of the first reader: the XLSX in every language (seconds), then
    the PDF (report.stored_pdf, a minute). Each is skipped when already made for the report as it is now."""
    consultation = Consultation.objects.filter(pk=consultation_id, report_published_at__isnull=False).first()
    if consultation is not None:
        report.store_xlsx(consultation)
        report.stored_pdf(consultation)

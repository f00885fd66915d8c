"""Background tasks of consultations (django-tasks; `manage.py db_worker` runs them)."""

from django.core.cache import cache
from django_tasks import task

from partnerstwo.consultations import report
from partnerstwo.consultations.models import Consultation

# How long a request that queued the PDF keeps others from queueing it again (the worker needs about a minute
# for thousands of comments).
PDF_QUEUED_SECONDS = 600


def report_pdf_or_queue(consultation: Consultation) -> bytes | None:
    """The report's PDF when it is made; otherwise it is queued for the worker (once) and None is returned, so a
    request never waits for WeasyPrint. With the immediate backend (tests) the PDF is made at once."""
    ready = report.ready_pdf(consultation)
    if ready is not None:
        return ready
    if cache.add(f"consultation-report-pdf-queued:{report.pdf_name(consultation)}", True, PDF_QUEUED_SECONDS):
        build_report_pdf.enqueue(consultation.pk)
    return report.ready_pdf(consultation)


@task()
def build_report_pdf(consultation_id: int) -> None:
    """Makes the published report's PDF ahead of the first reader (report.stored_pdf)."""
    consultation = Consultation.objects.filter(pk=consultation_id, report_published_at__isnull=False).first()
    if consultation is not None:
        report.stored_pdf(consultation)

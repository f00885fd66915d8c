"""Background tasks of the programme (django-tasks; `manage.py db_worker` runs them)."""

from django.core.cache import cache
from django_tasks import task

from partnerstwo.programme import yearly_report
from partnerstwo.programme.models import YearReport

# How long a request that queued the report's PDF keeps others from queueing it again.
PDF_QUEUED_SECONDS = 600


@task()
def build_report_pdf(report_id: int) -> None:
    report = YearReport.objects.filter(pk=report_id, published_at__isnull=False).select_related("programme").first()
    if report is not None:
        yearly_report.store_pdf(report)


def report_pdf_or_queue(report: YearReport, tables: dict) -> bytes | None:
    """The report's PDF when it is made for the report as it is now; otherwise it is queued for the worker (once)
    and None is returned, so a request never waits for WeasyPrint. The immediate backend (tests) makes it at once."""
    name = yearly_report.pdf_name(report, yearly_report.pdf_html(report, tables))
    ready = yearly_report.ready_pdf(name)
    if ready is not None:
        return ready
    if cache.add(f"programme-report-queued:{name}", True, PDF_QUEUED_SECONDS):
        build_report_pdf.enqueue(report.pk)
    return yearly_report.ready_pdf(name)

"""Background tasks of consultations (django-tasks; `manage.py db_worker` runs them)."""

from django_tasks import task

from partnerstwo.consultations import report
from partnerstwo.consultations.models import Consultation


@task()
def build_report_pdf(consultation_id: int) -> None:
    """Makes the published report's PDF ahead of the first reader (report.stored_pdf)."""
    consultation = Consultation.objects.filter(pk=consultation_id, report_published_at__isnull=False).first()
    if consultation is not None:
        report.stored_pdf(consultation)

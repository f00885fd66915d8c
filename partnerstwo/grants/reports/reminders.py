"""The scheduler's reminders of reports (`manage.py remind_grant_reports`, in settings.SCHEDULED_JOBS): the
organisation REMIND_DAYS_BEFORE days before the due day and on the day, the department once a report is overdue.
Each is claimed by a conditional UPDATE first, so running the job twice (or twice at once) sends it once.
The 7 days are the city's practice, not the law's: a setting (docs/law.md#art-18-report)."""

import datetime as dt
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from partnerstwo.grants.reports import reporting
from partnerstwo.grants.reports.models import Report
from partnerstwo.lib.emails import absolute_url, build_email, email_task


def _claim(report_id: int, field: str, now) -> bool:
    return bool(Report.objects.filter(pk=report_id, **{f"{field}__isnull": True}).update(**{field: now}))


def send_reminders(*, now=None) -> int:
    """Queues every reminder due today (each once); returns how many."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    before = dt.timedelta(days=settings.GRANTS_REPORT_REMINDER_DAYS)
    waiting = Report.objects.filter(status=Report.Status.DRAFT)
    queued = 0
    with transaction.atomic():
        for pk in waiting.filter(reminded_before_at=None, due_on__gt=today, due_on__lte=today + before
                                 ).values_list("pk", flat=True):
            if _claim(pk, "reminded_before_at", now):
                transaction.on_commit(partial(reporting.send_to_organization.enqueue, pk, reporting.DUE_SOON))
                queued += 1
        for pk in waiting.filter(reminded_due_at=None, due_on=today).values_list("pk", flat=True):
            if _claim(pk, "reminded_due_at", now):
                transaction.on_commit(partial(reporting.send_to_organization.enqueue, pk, reporting.DUE_TODAY))
                queued += 1
        for pk in waiting.filter(overdue_reported_at=None, due_on__lt=today).values_list("pk", flat=True):
            if _claim(pk, "overdue_reported_at", now):
                transaction.on_commit(partial(send_overdue.enqueue, pk))
                queued += 1
    return queued


@email_task
def send_overdue(report_id: int) -> EmailMessage | None:
    """To the officials of the competition's department, in the site's language."""
    report = Report.objects.select_related("agreement__offer__organization", "agreement__offer__competition").filter(
        pk=report_id).first()
    if report is None or report.status != Report.Status.DRAFT:
        return None
    to = reporting.department_addresses(report.agreement.offer.competition.department_id)
    if not to:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("panel:grants_panel:report", args=[report.pk])
    return build_email("grants_report_overdue", to, {"report": report, "agreement": report.agreement,
                                                     "url": absolute_url(path)})

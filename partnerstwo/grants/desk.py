"""Grants on the officials' desk (accounts/desk.py): offers waiting for their formal check, reports handed in and
waiting for a decision, and reports not handed in by their due day. Each is the work of the competition's
department (committees.appointment.managed_competitions, Report.objects.managed_by); administrators see all."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts.desk import Queue, alert_messages
from partnerstwo.grants.committees.appointment import managed_competitions
from partnerstwo.grants.committees.evaluation import ASSESSMENT_STATUSES
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.reports.models import Report
from partnerstwo.lib.emails import email_task


def offers_awaiting_formal_check(user, today=None):
    """Offers of this person's competitions that are past the deadline and not yet checked formally."""
    if not user.has_desk:
        return Offer.objects.none()
    return (
        Offer.objects.filter(competition__in=managed_competitions(user).filter(status__in=ASSESSMENT_STATUSES),
                             formal_status=Offer.Formal.PENDING)
        .select_related("competition", "organization").order_by("received_on", "pk")
    )


def reports_awaiting_decision(user, today=None):
    """Reports handed in (or handed in again) that wait to be accepted or returned, oldest first."""
    return (
        Report.objects.managed_by(user).filter(status=Report.Status.SUBMITTED)
        .select_related("agreement__offer__organization").order_by("submitted_at", "pk")
    )


def reports_late(user, today):
    """Reports not handed in by their due day, the longest overdue first."""
    return (
        Report.objects.managed_by(user).late(today)
        .select_related("agreement__offer__organization").order_by("due_on", "pk")
    )


def _report_label(report) -> str:
    return f"{report.agreement.offer.organization.name}: {report.get_kind_display()}"


def _report_url(report) -> str:
    return reverse("panel:grants_panel:report", args=[report.pk])


OFFERS = Queue(
    key="offers", title=_("Oferty do oceny formalnej"), url_name="panel:grants_panel:committee_index",
    waiting=offers_awaiting_formal_check,
    item_url=lambda offer: reverse("grants:committee_formal", args=[offer.competition.slug, offer.pk]),
    since=lambda offer: offer.received_on, label=lambda offer: f"{offer.organization.name}: {offer.title}",
)
REPORTS = Queue(
    key="reports", title=_("Sprawozdania do oceny"), url_name="panel:grants_panel:reports",
    waiting=reports_awaiting_decision, item_url=_report_url, since=lambda report: report.submitted_at,
    label=_report_label,
)
LATE_REPORTS = Queue(
    key="late_reports", title=_("Sprawozdania po terminie"), url_name="panel:grants_panel:reports",
    waiting=reports_late, item_url=_report_url, since=lambda report: report.due_on, label=_report_label,
)
QUEUES = {queue.key: queue for queue in (OFFERS, REPORTS, LATE_REPORTS)}


@email_task
def alert_officials(queue_key: str, item_id: int):
    return alert_messages(QUEUES[queue_key], item_id)

"""The directory's queues on the officials' desk (accounts/desk.py): claims and registrations to approve, and
representatives' changes to an organisation's identifying data. Every official decides them
(models.is_staff_editor), so the queues are shared by every department."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts.desk import Queue, alert_messages
from partnerstwo.lib.emails import email_task
from partnerstwo.organizations.models import OrganizationChangeRequest, Representation, is_staff_editor


def claims_awaiting_decision(user, today=None):
    """Claims and registrations waiting for an official, oldest first: the claims page of the panel."""
    if not is_staff_editor(user):
        return Representation.objects.none()
    return (
        Representation.objects.filter(status=Representation.Status.PENDING)
        .select_related("organization", "user").order_by("created_at", "pk")
    )


def changes_awaiting_decision(user, today=None):
    """Changes to names and register numbers waiting for an official, oldest first."""
    if not is_staff_editor(user):
        return OrganizationChangeRequest.objects.none()
    return (
        OrganizationChangeRequest.objects.filter(status=OrganizationChangeRequest.Status.PENDING)
        .select_related("organization", "requested_by").order_by("created_at", "pk")
    )


CLAIMS = Queue(
    key="claims", title=_("Zgłoszenia organizacji do zatwierdzenia"), url_name="panel:organizations_panel:claims",
    waiting=claims_awaiting_decision,
    item_url=lambda claim: reverse("panel:organizations_panel:claim_decide", args=[claim.pk]),
    since=lambda claim: claim.created_at, label=lambda claim: f"{claim.organization.name} ({claim.user})",
)
CHANGES = Queue(
    key="organization_changes", title=_("Zmiany danych organizacji do zatwierdzenia"),
    url_name="panel:organizations_panel:changes", waiting=changes_awaiting_decision,
    item_url=lambda change: reverse("panel:organizations_panel:change_decide", args=[change.pk]),
    since=lambda change: change.created_at, label=lambda change: change.organization.name,
)
QUEUES = {queue.key: queue for queue in (CLAIMS, CHANGES)}


@email_task
def alert_officials(queue_key: str, item_id: int):
    return alert_messages(QUEUES[queue_key], item_id)

"""What the directory holds about a person: the organisations they represent or asked to, and the
changes they proposed. Deleting the account removes the representations; the organisations' own data
and their history stay (the history loses its author with the account)."""

from partnerstwo.organizations.models import OrganizationChangeRequest, Representation


def export(user) -> dict:
    representations = Representation.objects.filter(user=user).select_related("organization").order_by("pk")
    requests = OrganizationChangeRequest.objects.filter(requested_by=user).select_related("organization")
    return {
        "representations": [
            {
                "organization": representation.organization.name,
                "kind": representation.kind,
                "status": representation.status,
                "role_in_organization": representation.role_in_organization,
                "requested_at": representation.created_at,
                "organization_address_confirmed_at": representation.email_confirmed_at,
                "decided_at": representation.decided_at,
                "decision_reason": representation.decision_reason,
            }
            for representation in representations
        ],
        "proposed_changes": [
            {
                "organization": request.organization.name,
                "proposed_at": request.created_at,
                "changes": request.changes,
                "status": request.status,
                "decision_reason": request.decision_reason,
            }
            for request in requests.order_by("pk")
        ],
    }


def forget(user) -> None:
    Representation.objects.filter(user=user).delete()

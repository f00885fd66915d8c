"""Changing an organisation's data: every change leaves a revision, identifying fields wait for approval.

- `apply_changes` is the one way data changes (edit form, KRS, imports, approvals): it saves the
  organisation and writes an OrganizationRevision {field: [before, after]} in one transaction.
- A representative's change to name, KRS, NIP or legal form becomes an OrganizationChangeRequest that
  an official approves or rejects; everything else publishes at once. Officials change anything directly.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts.desk import alert
from partnerstwo.lib.emails import absolute_url, build_email, email_task
from partnerstwo.organizations import desk
from partnerstwo.organizations.models import (  # is_staff_editor: re-exported, the rule the rest calls
    Organization,
    OrganizationChangeRequest,
    OrganizationRevision,
    is_staff_editor,
)

# These decide which organisation an entry is; a representative's change waits for an official.
MODERATED_FIELDS = ("name", "krs", "nip", "legal_form")
# Facts that come from registers (KRS, the OPP list): staff and imports set them, not the form.
REGISTER_FIELDS = ("is_opp", "register_status", "is_published")
M2M_FIELDS = ("spheres", "target_groups")


def serialize(value):
    """A JSON value a person can read in the history: names for relations, text for numbers."""
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return None
    if isinstance(value, bool | int | str):
        return value
    if hasattr(value, "__iter__"):
        return sorted(str(item) for item in value)
    return str(value)


def snapshot(organization: Organization, fields) -> dict:
    values = {}
    for field in fields:
        if field in M2M_FIELDS:
            values[field] = serialize(getattr(organization, field).all()) if organization.pk else []
        else:
            values[field] = serialize(getattr(organization, field))
    return values


def diff(before: dict, after: dict) -> dict:
    return {field: [before[field], after[field]] for field in after if before.get(field) != after[field]}


def record_revision(organization, changes: dict, *, user, source) -> OrganizationRevision | None:
    if not changes:
        return None
    return OrganizationRevision.objects.create(
        organization=organization, changed_by=user if user and user.is_authenticated else None,
        source=source, changes=changes,
    )


def check_identifiers_free(organization: Organization, values: dict) -> None:
    """KRS and NIP are unique in the directory: say so on the field instead of failing in the database."""
    errors = {}
    for field, message in (
        ("krs", _("Organizacja o tym numerze KRS jest już w katalogu.")),
        ("nip", _("Organizacja o tym numerze NIP jest już w katalogu.")),
    ):
        value = values.get(field)
        if value and Organization.objects.filter(**{field: value}).exclude(pk=organization.pk).exists():
            errors[field] = ValidationError(message, code="duplicate")
    if errors:
        raise ValidationError(errors)


def apply_changes(organization: Organization, values: dict, *, user, source) -> OrganizationRevision | None:
    """Set plain and many-to-many fields, save, and write the revision, all or nothing.

    Raises ValidationError (by field) when a KRS or NIP belongs to another organisation.
    """
    before = snapshot(organization, values)
    plain = {field: value for field, value in values.items() if field not in M2M_FIELDS}
    related = {field: value for field, value in values.items() if field in M2M_FIELDS}
    proposed = {**{field: serialize(value) for field, value in plain.items()},
                **{field: serialize(value) for field, value in related.items()}}
    if not diff(before, proposed):
        return None
    check_identifiers_free(organization, plain)
    try:
        with transaction.atomic():
            for field, value in plain.items():
                setattr(organization, field, value)
            if user and user.is_authenticated:
                organization.updated_by = user
            organization.save()
            for field, value in related.items():
                getattr(organization, field).set(value)
            return record_revision(organization, diff(before, snapshot(organization, values)), user=user, source=source)
    except IntegrityError as error:
        # Someone took the number between the check and the save.
        raise ValidationError(_("Organizacja o tym numerze KRS lub NIP jest już w katalogu.")) from error


@dataclass
class EditOutcome:
    revision: OrganizationRevision | None = None
    change_request: OrganizationChangeRequest | None = None

    @property
    def changed(self) -> bool:
        return bool(self.revision or self.change_request)


def request_change(organization, values: dict, *, user, source=OrganizationChangeRequest.Source.SELF_SERVICE):
    """Record proposed identifying values in the organisation's open request (or open one).

    A value equal to the current one withdraws that field from the open request; an open request
    left with nothing to change is withdrawn.
    """
    current = snapshot(organization, values)
    pending = (
        OrganizationChangeRequest.objects.select_for_update()
        .filter(organization=organization, status=OrganizationChangeRequest.Status.PENDING).first()
    )
    changes = dict(pending.changes) if pending else {}
    for field, value in values.items():
        if serialize(value) == current[field]:
            changes.pop(field, None)
        else:
            changes[field] = [current[field], serialize(value)]
    if pending and not changes:
        pending.delete()
        return None
    if pending:
        pending.changes, pending.requested_by, pending.source = changes, user, source
        pending.save(update_fields=["changes", "requested_by", "source"])
        return pending
    if not changes:
        return None
    created = OrganizationChangeRequest.objects.create(
        organization=organization, requested_by=user, source=source, changes=changes
    )
    alert(desk.alert_officials, desk.CHANGES, created.pk)
    return created


def pending_change_request(organization) -> OrganizationChangeRequest | None:
    return organization.change_requests.filter(status=OrganizationChangeRequest.Status.PENDING).first()


def save_edit(form, *, user) -> EditOutcome:
    """Save a validated edit form: moderated fields of a representative go to a change request.

    `form` is a ModelForm whose instance already carries the typed values (ModelForm does that).
    """
    organization = form.instance
    fields = [name for name in form.fields if name in form.cleaned_data]
    original = Organization.objects.prefetch_related(*M2M_FIELDS).get(pk=organization.pk)
    before = snapshot(original, fields)
    typed = {
        field: serialize(form.cleaned_data[field] if field in M2M_FIELDS else getattr(organization, field))
        for field in fields
    }
    changed = diff(before, typed)

    moderated = {}
    if not is_staff_editor(user):
        for field in MODERATED_FIELDS:
            if field in fields:
                moderated[field] = getattr(organization, field)
                setattr(organization, field, getattr(original, field))
                changed.pop(field, None)

    outcome = EditOutcome()
    with transaction.atomic():
        if changed:
            organization.updated_by = user
            form.save()
            after = snapshot(organization, fields)
            source = (
                OrganizationRevision.Source.STAFF if is_staff_editor(user) else OrganizationRevision.Source.SELF_SERVICE
            )
            outcome.revision = record_revision(organization, diff(before, after), user=user, source=source)
        if moderated:
            outcome.change_request = request_change(original, moderated, user=user)
    return outcome


def approve_change_request(change_request: OrganizationChangeRequest, *, by) -> OrganizationRevision | None:
    """Apply the proposed values; a KRS or NIP taken meanwhile raises ValidationError and nothing changes."""
    with transaction.atomic():
        change_request = OrganizationChangeRequest.objects.select_for_update().get(pk=change_request.pk)
        if change_request.status != OrganizationChangeRequest.Status.PENDING:
            raise ValidationError(_("O tej zmianie już zdecydowano."))
        organization = change_request.organization
        values = {field: pair[1] for field, pair in change_request.changes.items() if field in MODERATED_FIELDS}
        revision = apply_changes(
            organization, values, user=change_request.requested_by, source=OrganizationRevision.Source.APPROVAL
        )
        change_request.status = OrganizationChangeRequest.Status.APPROVED
        change_request.decided_by = by
        change_request.decided_at = timezone.now()
        change_request.revision = revision
        change_request.save()
        transaction.on_commit(partial(send_decision_email.enqueue, change_request.pk))
    return revision


def reject_change_request(change_request: OrganizationChangeRequest, *, by, reason: str) -> None:
    if not reason.strip():
        raise ValidationError({"reason": _("Podaj powód odrzucenia — otrzyma go przedstawiciel organizacji.")})
    with transaction.atomic():
        change_request = OrganizationChangeRequest.objects.select_for_update().get(pk=change_request.pk)
        if change_request.status != OrganizationChangeRequest.Status.PENDING:
            raise ValidationError(_("O tej zmianie już zdecydowano."))
        change_request.status = OrganizationChangeRequest.Status.REJECTED
        change_request.decided_by = by
        change_request.decided_at = timezone.now()
        change_request.decision_reason = reason.strip()
        change_request.save()
        transaction.on_commit(partial(send_decision_email.enqueue, change_request.pk))


@email_task
def send_decision_email(change_request_id: int) -> EmailMessage | None:
    """The official's decision on a change, to the person who asked for it, in their language."""
    change_request = (
        OrganizationChangeRequest.objects.select_related("organization", "requested_by")
        .filter(pk=change_request_id).first()
    )
    if change_request is None or change_request.status == OrganizationChangeRequest.Status.PENDING:
        return None
    user = change_request.requested_by
    if not user or not user.email:
        return None
    key = (
        "organization_change_approved"
        if change_request.status == OrganizationChangeRequest.Status.APPROVED
        else "organization_change_rejected"
    )
    with translation.override(user.preferred_language):
        context = {"change_request": change_request, "organization": change_request.organization,
                   "rows": describe_changes(change_request.changes),
                   "manage_url": absolute_url(reverse("my_organizations:index"))}
    return build_email(key, [user.email], context, language=user.preferred_language)


# --- Reading the history ---


def field_label(field: str) -> str:
    try:
        return str(Organization._meta.get_field(field).verbose_name)
    except Exception:  # noqa: BLE001 - a field removed since the revision was written
        return field


def display_value(field: str, value) -> str:
    """A stored revision value as a person reads it (choice labels, yes/no, lists)."""
    if value in (None, "", []):
        return "—"
    if isinstance(value, bool):
        return str(_("tak") if value else _("nie"))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    try:
        model_field = Organization._meta.get_field(field)
    except Exception:  # noqa: BLE001
        return str(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)


def describe_changes(changes: dict) -> list[tuple[str, str, str]]:
    """[(field label, before, after)] in the order of the model's fields."""
    order = {field.name: index for index, field in enumerate(Organization._meta.get_fields())}
    rows = sorted(changes.items(), key=lambda item: order.get(item[0], 999))
    return [(field_label(field), display_value(field, pair[0]), display_value(field, pair[1])) for field, pair in rows]

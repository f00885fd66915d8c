"""Applying an uploaded spreadsheet (the OPP list or the city's own list) once, however often it is posted.

The import row is claimed with a conditional UPDATE (applied_at IS NULL) in the same transaction that
applies it: a second request, even one racing the first, finds nothing to claim (PostgreSQL makes it
wait on the row lock, SQLite on the write lock) and is told the file was already saved. If applying
fails, the claim rolls back with everything else and the file can be applied again.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.organizations import bulk_import, opp_list
from partnerstwo.organizations.models import OrganizationImport

IMPORTERS = {OrganizationImport.Kind.OPP_LIST: opp_list, OrganizationImport.Kind.BULK: bulk_import}


class AlreadyApplied(Exception):
    """The import was saved before; nothing was done a second time."""

    def __init__(self):
        super().__init__(_("Ten plik został już zapisany w katalogu — ponowne wysłanie niczego nie zmieniło."))


def apply_once(record: OrganizationImport, *, user, only_valid: bool = False) -> OrganizationImport:
    """Apply the import and mark it applied, or raise AlreadyApplied (ValidationError/TableError pass through)."""
    with transaction.atomic():
        claimed = OrganizationImport.objects.filter(pk=record.pk, applied_at__isnull=True).update(
            applied_at=timezone.now(), applied_by=user,
        )
        if not claimed:
            raise AlreadyApplied
        importer = IMPORTERS[record.kind]
        if record.kind == OrganizationImport.Kind.BULK:
            result = importer.apply(bytes(record.content), record.filename, user=user, only_valid=only_valid)
        else:
            result = importer.apply(bytes(record.content), record.filename, user=user,
                                    edition=record.preview.get("edition", {}), source_import=record)
        OrganizationImport.objects.filter(pk=record.pk).update(result=result.to_json())
    record.refresh_from_db()
    return record

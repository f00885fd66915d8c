"""Checks for uploaded documents: what the extension claims must be what the file is."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PDF_MAX_BYTES = 10 * 1024 * 1024


def validate_pdf(upload, max_bytes: int = PDF_MAX_BYTES) -> None:
    """A PDF by name, size and the %PDF- signature in its first bytes (a renamed file is refused)."""
    if not upload.name.lower().endswith(".pdf"):
        raise ValidationError(_("Dodaj plik PDF (z rozszerzeniem .pdf)."), code="pdf_extension")
    if upload.size > max_bytes:
        raise ValidationError(
            _("Plik może mieć najwyżej %(mb)s MB.") % {"mb": max_bytes // (1024 * 1024)}, code="pdf_size"
        )
    upload.seek(0)
    header = upload.read(5)
    upload.seek(0)
    if header != b"%PDF-":
        raise ValidationError(_("Ten plik nie jest dokumentem PDF."), code="pdf_header")

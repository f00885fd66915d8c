"""Checks for uploaded documents: what the extension claims must be what the file is."""

import zipfile

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


DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
# What each document type must hold: OpenDocument and Office Open XML files are ZIP archives, told apart
# by the entries the standards require (ODF 1.2 part 3 §3.3: a first, uncompressed "mimetype" entry).
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCUMENT_EXTENSIONS = ("pdf", "odt", "docx")


def _zip_names(upload) -> list[str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    finally:
        upload.seek(0)


def document_type(upload) -> str | None:
    """'pdf', 'odt' or 'docx' by what the file holds, whatever its name says; None for anything else."""
    upload.seek(0)
    header = upload.read(80)
    upload.seek(0)
    if header.startswith(b"%PDF-"):
        return "pdf"
    if not header.startswith(b"PK\x03\x04"):
        return None
    # A stored (uncompressed) "mimetype" entry first: its name starts at byte 30, its content right after.
    if header[30:38] == b"mimetype" and header[38:38 + len(ODT_MIMETYPE)] == ODT_MIMETYPE:
        return "odt" if "content.xml" in (_zip_names(upload) or []) else None
    names = _zip_names(upload) or []
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return "docx"
    return None


def validate_document(upload, max_bytes: int = DOCUMENT_MAX_BYTES, extensions=DOCUMENT_EXTENSIONS) -> str:
    """A PDF, ODT or DOCX by name, size and content (a renamed file is refused); returns its type."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    allowed = ", ".join(f".{name}" for name in extensions)
    if extension not in extensions:
        raise ValidationError(
            _("Dodaj plik w jednym z formatów: %(formats)s.") % {"formats": allowed}, code="document_extension"
        )
    if upload.size > max_bytes:
        raise ValidationError(
            _("Plik może mieć najwyżej %(mb)s MB.") % {"mb": max_bytes // (1024 * 1024)}, code="document_size"
        )
    if document_type(upload) != extension:
        raise ValidationError(
            _("Zawartość pliku nie zgadza się z jego rozszerzeniem (.%(extension)s). Zapisz dokument ponownie "
              "w tym formacie.") % {"extension": extension},
            code="document_content",
        )
    return extension

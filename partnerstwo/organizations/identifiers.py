"""An organisation's identifiers as people type them: KRS, NIP, REGON, and its slug.

The checksums: docs/law.md#identifiers-krs-nip-regon.

Each `clean_*` returns the stored form (digits only) or raises ValidationError with a Polish message.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from partnerstwo.lib.text import fold


def clean_krs(value: str) -> str:
    """'30897' or 'KRS 0000030897' -> '0000030897'; at most 10 digits, never all zeros."""
    raw = (value or "").strip()
    if not raw:
        return ""
    compact = re.sub(r"[\s\-.]", "", raw)
    compact = re.sub(r"^krs:?", "", compact, flags=re.IGNORECASE)
    if not compact.isdigit() or not compact.isascii():
        raise ValidationError(_("Numer KRS składa się tylko z cyfr (do 10)."), code="krs_digits")
    if len(compact) > 10:
        raise ValidationError(_("Numer KRS ma najwyżej 10 cyfr."), code="krs_length")
    if int(compact) == 0:
        raise ValidationError(_("Numer KRS nie może składać się z samych zer."), code="krs_zero")
    return compact.zfill(10)


def clean_nip(value: str) -> str:
    """'PL 521-300-37-00' -> '5213003700', checked with the NIP check digit."""
    raw = (value or "").strip()
    if not raw:
        return ""
    try:
        return stdnum_nip.validate(raw)
    except StdnumError as error:
        if not stdnum_nip.compact(raw).isdigit() or len(stdnum_nip.compact(raw)) != 10:
            raise ValidationError(_("NIP ma 10 cyfr (można wpisać z kreskami lub spacjami)."), code="nip") from error
        raise ValidationError(
            _("Ten NIP ma błędną cyfrę kontrolną — sprawdź, czy nie ma literówki."), code="nip"
        ) from error


def clean_regon(value: str, *, from_krs: bool = False) -> str:
    """REGON of 9 or 14 digits. KRS pads 9-digit numbers with '00000': pass from_krs to strip it."""
    raw = (value or "").strip()
    if not raw:
        return ""
    compact = stdnum_regon.compact(raw)
    if from_krs and len(compact) == 14 and compact.endswith("00000"):
        compact = compact[:9]
    try:
        return stdnum_regon.validate(compact)
    except StdnumError as error:
        if not compact.isdigit() or len(compact) not in (9, 14):
            raise ValidationError(_("REGON ma 9 albo 14 cyfr."), code="regon") from error
        raise ValidationError(
            _("Ten REGON ma błędną cyfrę kontrolną — sprawdź, czy nie ma literówki."), code="regon"
        ) from error


def slug_base(name: str, max_length: int = 100) -> str:
    return slugify(fold(name))[:max_length].strip("-") or "organizacja"


def unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    """A free slug from the name: 'fundacja-alfa', then 'fundacja-alfa-2', … (one query per try)."""
    from partnerstwo.organizations.models import Organization
    from partnerstwo.organizations.urls import RESERVED_SLUGS

    base = slug_base(name)
    taken = Organization.objects.filter(slug__startswith=base)
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    taken = set(taken.values_list("slug", flat=True)) | set(RESERVED_SLUGS)
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"

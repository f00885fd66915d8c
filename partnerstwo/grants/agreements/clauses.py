"""The agreement's clauses as the city's own text (docs/law.md#agreement-clauses).

The framework agreement of Dz. U. 2018 poz. 2057 is not in the project's law brief, and its clauses are not
invented here: an administrator writes the city's wording in Markdown, as versions. A new wording is a new version
(published only if nobody published another since the form was read); an agreement being prepared shows the
current version, and sending it for signature fixes the version its PDF is made with (drafting.py), which the
agreement then keeps whatever is published later.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from partnerstwo.grants.agreements.models import Agreement, AgreementClauses
from partnerstwo.lib.editorial.forms import BODY_MAX_LENGTH
from partnerstwo.lib.markdown import render_markdown


class Conflict(ValidationError):
    """Someone published a version since this form was read."""


def conflict() -> Conflict:
    return Conflict(_("Ktoś inny zapisał w tym czasie nową wersję postanowień. Twój tekst nie został zapisany: "
                      "porównaj go z aktualną wersją poniżej i zapisz go ponownie."), code="conflict")


def current() -> AgreementClauses | None:
    return AgreementClauses.objects.order_by("-number").first()


def of(agreement: Agreement) -> AgreementClauses | None:
    """The version the agreement was sent for signature with; while it is prepared, the current one. An agreement
    concluded before the city wrote its clauses has none."""
    if agreement.clauses_id:
        return agreement.clauses
    if agreement.status == Agreement.Status.PREPARING:
        return current()
    return None


def can_write(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_administrator)


@transaction.atomic
def publish(*, text: str, by, based_on: int | None, note: str = "") -> AgreementClauses:
    """A new version of the clauses, if `based_on` (the version number the form was read at, None when there was
    none) is still the current one."""
    if not can_write(by):
        raise ValidationError(_("Postanowienia umowy zmienia administrator."))
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("To pole jest wymagane.")})
    if len(text) > BODY_MAX_LENGTH:
        raise ValidationError({"text": _("Najwyżej %(limit)s znaków.") % {"limit": BODY_MAX_LENGTH}})
    latest = current()
    if (latest.number if latest else None) != based_on:
        raise conflict()
    if latest is not None and latest.text == text:
        raise ValidationError({"text": _("Tekst jest taki sam jak w obowiązującej wersji.")})
    try:
        with transaction.atomic():
            return AgreementClauses.objects.create(number=(based_on or 0) + 1, text=text, note=(note or "").strip(),
                                                   created_by=by)
    except IntegrityError:  # the same number published at the same moment by another administrator
        raise conflict() from None


def rendered(clauses: AgreementClauses | None, *, for_screen: bool = True) -> SafeString:
    """The clauses as HTML under the document's own heading (their headings start at h3)."""
    if clauses is None:
        return SafeString("")
    return render_markdown(clauses.text, for_screen=for_screen, top_heading=3)

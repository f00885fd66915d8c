"""Writing and submitting an online offer (docs/law.md#offer-form): starting it from a competition that accepts
offers, saving a section with a check of the version the form was read at (two representatives do not
overwrite each other), partners of a joint offer, submission by the server's clock, withdrawal and
resubmission before the deadline, and corrections the official asks for. Each submission is a version:
its data, its PDF and the PDF's SHA-256, mailed to the organisation and shown to the officials.
"""

from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from partnerstwo.grants.committees.appointment import suspend_members_linked_to
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers import checks, document
from partnerstwo.grants.offers.models import CorrectionRequest, Offer, OfferPartner, OfferVersion, OnlineOffer
from partnerstwo.lib.emails import absolute_url, build_email, email_task
from partnerstwo.organizations.models import Organization, Representation

Status = OnlineOffer.Status
# The committee assesses (and officials ask for corrections) after the offer period.
CORRECTION_STATUSES = {Competition.Status.CLOSED, Competition.Status.EVALUATION}


class Conflict(ValidationError):
    """Someone saved the offer since this form was read."""


def conflict() -> Conflict:
    return Conflict(
        _("Ktoś inny zapisał tę ofertę, gdy ją edytowałeś(-aś). Twoje zmiany nie zostały zapisane: sprawdź "
          "aktualną wersję poniżej i wprowadź je ponownie."), code="conflict",
    )


# --- The clock of the call -----------------------------------------------------------------------


def accepts_offers(competition: Competition, now=None) -> bool:
    """Offers go in online while the call takes them and its deadline has not passed by the server's clock."""
    now = now or timezone.now()
    return (
        competition.accepts_online_offers
        and competition.status == Competition.Status.ACCEPTING
        and now < competition.offer_deadline
    )


def can_start(competition: Competition, now=None) -> bool:
    """A draft may be started from the announcement until the deadline."""
    now = now or timezone.now()
    return (
        competition.accepts_online_offers
        and competition.is_calling_for_offers
        and now < competition.offer_deadline
    )


def time_left(competition: Competition, now=None):
    """Time until the deadline (a timedelta), or None once it has passed."""
    now = now or timezone.now()
    left = competition.offer_deadline - now
    return left if left.total_seconds() > 0 else None


def deadline_passed(competition: Competition) -> ValidationError:
    deadline = timezone.localtime(competition.offer_deadline)
    return ValidationError(
        _("Termin składania ofert minął %(deadline)s. Oferty nie można już zmienić ani złożyć.")
        % {"deadline": date_format(deadline, "j E Y, H:i")}, code="deadline",
    )


def open_correction(offer: OnlineOffer) -> CorrectionRequest | None:
    return offer.correction_requests.filter(answered_by=None).first()


def editable_sections(offer: OnlineOffer, now=None) -> set[str] | None:
    """The sections the offerer may change now: all of them in a draft before the deadline, the requested ones
    during a correction, none otherwise (returned as None)."""
    now = now or timezone.now()
    if offer.status in (Status.DRAFT, Status.WITHDRAWN):
        return {key for key, _slug, _title in checks.SECTIONS} if can_start(offer.competition, now) else None
    if offer.status == Status.CORRECTION:
        request = open_correction(offer)
        if request and now <= request.deadline:
            return set(request.sections)
    return None


def edit_refusal(offer: OnlineOffer, section: str, now=None) -> ValidationError | None:
    now = now or timezone.now()
    sections = editable_sections(offer, now)
    if sections is not None and section in sections:
        return None
    if offer.status == Status.SUBMITTED:
        return ValidationError(_("Oferta jest złożona. Aby ją zmienić, najpierw ją wycofaj (do upływu terminu)."),
                               code="submitted")
    if offer.status == Status.CORRECTION:
        request = open_correction(offer)
        if request and now > request.deadline:
            return ValidationError(_("Termin poprawy oferty minął."), code="correction_deadline")
        return ValidationError(_("Urząd prosi o poprawę innych części oferty; tej części nie można zmienić."),
                               code="not_requested")
    return deadline_passed(offer.competition)


# --- Writing -------------------------------------------------------------------------------------


def represents(user, organization: Organization) -> bool:
    return Organization.objects.represented_by(user).filter(pk=organization.pk).exists()


@transaction.atomic
def start(competition: Competition, *, organization: Organization, by, title: str, now=None) -> OnlineOffer:
    if not represents(by, organization):
        raise ValidationError(_("Możesz złożyć ofertę tylko w imieniu organizacji, którą reprezentujesz."))
    if not can_start(competition, now):
        raise ValidationError(_("Ten konkurs nie przyjmuje teraz ofert online."))
    return OnlineOffer.objects.create(
        competition=competition, organization=organization, title=title, created_by=by, updated_by=by,
        contact_name=by.full_name, contact_email=by.email, task_start=competition.task_start,
        task_end=competition.task_end,
    )


@transaction.atomic
def save(offer: OnlineOffer, *, section: str, expected_version: int, by, fields: dict | None = None,
         rows=None, now=None) -> OnlineOffer:
    """Saves one section: the offer's `fields` and whatever `rows()` writes (a formset), only if nobody saved
    the offer since it was read at `expected_version`. Raises Conflict or the reason editing is refused."""
    if refusal := edit_refusal(offer, section, now):
        raise refusal
    fields = dict(fields or {})
    updated = OnlineOffer.objects.filter(pk=offer.pk, version=expected_version).update(
        version=F("version") + 1, updated_by=by, updated_at=timezone.now(), **fields
    )
    if not updated:
        raise conflict()
    if rows is not None:
        rows()
    offer.refresh_from_db()
    return offer


def add_partner(offer: OnlineOffer, *, organization: Organization, expected_version: int, by) -> OfferPartner:
    if organization.pk == offer.organization_id:
        raise ValidationError({"organization": _("To jest oferent składający ofertę.")})
    created = []

    def rows():
        try:
            with transaction.atomic():
                created.append(OfferPartner.objects.create(offer=offer, organization=organization))
        except IntegrityError:
            raise ValidationError({"organization": _("Ta organizacja już jest w ofercie.")}) from None

    save(offer, section="partners", expected_version=expected_version, by=by, rows=rows)
    transaction.on_commit(partial(send_partner_invitation.enqueue, created[0].pk))
    return created[0]


@transaction.atomic
def confirm_partner(partner: OfferPartner, *, by) -> OfferPartner:
    """The partner's representative confirms the joint offer; the lead offerer's representatives cannot."""
    if not represents(by, partner.organization):
        raise ValidationError(_("Udział w ofercie potwierdza przedstawiciel tej organizacji."))
    OfferPartner.objects.filter(pk=partner.pk, confirmed_at=None).update(confirmed_by=by, confirmed_at=timezone.now())
    partner.refresh_from_db()
    return partner


# --- Submission ----------------------------------------------------------------------------------


class Refused(ValidationError):
    """Submission refused: the message, and the problems (checks.Problem) that stop it, if any."""

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.problems = list(problems)


def locked(offer: OnlineOffer) -> OnlineOffer:
    return (
        OnlineOffer.objects.select_for_update(of=("self",))
        .select_related("competition", "competition__department", "organization")
        .get(pk=offer.pk)
    )


def _new_version(offer: OnlineOffer, *, by, now, kind) -> tuple[OfferVersion, bytes]:
    data = document.snapshot(offer)
    number = (offer.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    pdf = document.pdf(data, title=_("Oferta nr %(number)s: %(title)s") % {"number": offer.pk, "title": offer.title})
    version = OfferVersion(offer=offer, number=number, kind=kind, submitted_at=now, submitted_by=by, snapshot=data,
                           sha256=document.sha256(pdf))
    version.pdf.save(f"oferta-{offer.pk}-{number}.pdf", ContentFile(pdf), save=False)
    version.save()
    return version, pdf


def _refuse_with_problems(offer: OnlineOffer) -> None:
    found = checks.problems(offer)
    if found:
        raise Refused(_("Oferty nie można złożyć, dopóki są w niej błędy: popraw je i spróbuj ponownie."), found)


@transaction.atomic
def submit(offer: OnlineOffer, *, by, expected_version: int, now=None) -> OfferVersion:
    """Submits the offer (again after a withdrawal) by the server's clock: its version, PDF and checksum, the
    offer in the competition's list beside the paper ones, and the e-mail to the organisation."""
    now = now or timezone.now()
    offer = locked(offer)
    if offer.version != expected_version:
        raise conflict()
    if offer.status not in (Status.DRAFT, Status.WITHDRAWN):
        raise Refused(_("Ta oferta jest już złożona."))
    if not represents(by, offer.organization):
        raise Refused(_("Ofertę składa przedstawiciel oferenta."))
    if not accepts_offers(offer.competition, now):
        if now >= offer.competition.offer_deadline:
            raise Refused(deadline_passed(offer.competition).messages[0])
        raise Refused(_("Ten konkurs nie przyjmuje teraz ofert online."))
    _refuse_with_problems(offer)
    version, pdf = _new_version(offer, by=by, now=now, kind=OfferVersion.Kind.SUBMISSION)
    received = Offer(
        competition=offer.competition, organization=offer.organization, title=offer.title,
        requested_amount=offer.grant_amount, received_on=timezone.localdate(now), registered_by=by, online=offer,
        file_sha256=version.sha256,
    )
    received.file.save(version.pdf.name.rsplit("/", 1)[-1], ContentFile(pdf), save=False)
    received.save()
    # Art. 15: committee members linked to any offerer lose access to the offers.
    for organization in [offer.organization, *(p.organization for p in offer.partners.select_related("organization"))]:
        suspend_members_linked_to(offer.competition, organization)
    OnlineOffer.objects.filter(pk=offer.pk).update(
        status=Status.SUBMITTED, submitted_at=now, version=F("version") + 1, updated_by=by
    )
    transaction.on_commit(partial(send_submitted.enqueue, version.pk))
    return version


@transaction.atomic
def withdraw(offer: OnlineOffer, *, by, now=None) -> None:
    """Before the deadline the offerer takes the offer back; it leaves the competition's list and may be
    changed and submitted again. Its submitted versions stay in the history."""
    now = now or timezone.now()
    offer = locked(offer)
    if offer.status != Status.SUBMITTED:
        raise Refused(_("Wycofać można tylko złożoną ofertę."))
    if not represents(by, offer.organization):
        raise Refused(_("Ofertę wycofuje przedstawiciel oferenta."))
    if now >= offer.competition.offer_deadline:
        raise Refused(_("Po terminie składania ofert nie można jej wycofać."))
    Offer.objects.filter(online=offer).delete()
    offer.versions.filter(withdrawn_at=None).update(withdrawn_at=now)
    OnlineOffer.objects.filter(pk=offer.pk).update(status=Status.WITHDRAWN, version=F("version") + 1, updated_by=by)


# --- Corrections ---------------------------------------------------------------------------------


@transaction.atomic
def request_correction(received: Offer, *, sections: list[str], note: str, deadline, by,
                       now=None) -> CorrectionRequest:
    """The official asks for the named sections to be corrected by `deadline`, where the call allows it."""
    now = now or timezone.now()
    competition = received.competition
    if received.online_id is None:
        raise ValidationError(_("Poprawę online można zlecić tylko w ofercie złożonej online."))
    if not competition.allows_corrections:
        raise ValidationError(_("Ogłoszenie tego konkursu nie przewiduje poprawiania ofert."))
    if competition.status not in CORRECTION_STATUSES:
        raise ValidationError(_("Poprawę zleca się po terminie składania ofert, w czasie oceny formalnej."))
    if deadline <= now:
        raise ValidationError({"deadline": _("Termin poprawy musi być w przyszłości.")})
    offer = locked(received.online)
    if offer.status != Status.SUBMITTED:
        raise ValidationError(_("Ta oferta czeka już na poprawę."))
    request = CorrectionRequest.objects.create(offer=offer, sections=list(sections), note=note, deadline=deadline,
                                               requested_by=by)
    OnlineOffer.objects.filter(pk=offer.pk).update(status=Status.CORRECTION, version=F("version") + 1)
    transaction.on_commit(partial(send_correction_request.enqueue, request.pk))
    return request


@transaction.atomic
def submit_correction(offer: OnlineOffer, *, by, expected_version: int, now=None) -> OfferVersion:
    """The corrected offer replaces the submitted one in the competition; both versions stay in the history."""
    now = now or timezone.now()
    offer = locked(offer)
    if offer.version != expected_version:
        raise conflict()
    request = open_correction(offer)
    if offer.status != Status.CORRECTION or request is None:
        raise Refused(_("Urząd nie prosi o poprawę tej oferty."))
    if not represents(by, offer.organization):
        raise Refused(_("Poprawioną ofertę składa przedstawiciel oferenta."))
    if now > request.deadline:
        raise Refused(_("Termin poprawy oferty minął."))
    _refuse_with_problems(offer)
    version, pdf = _new_version(offer, by=by, now=now, kind=OfferVersion.Kind.CORRECTION)
    received = Offer.objects.get(online=offer)
    received.file.save(version.pdf.name.rsplit("/", 1)[-1], ContentFile(pdf), save=False)
    received.title, received.requested_amount, received.file_sha256 = offer.title, offer.grant_amount, version.sha256
    # The official checks the corrected offer again.
    received.formal_status = Offer.Formal.PENDING
    received.save(update_fields=["file", "title", "requested_amount", "file_sha256", "formal_status"])
    request.answered_by = version
    request.save(update_fields=["answered_by"])
    OnlineOffer.objects.filter(pk=offer.pk).update(status=Status.SUBMITTED, version=F("version") + 1, updated_by=by)
    transaction.on_commit(partial(send_submitted.enqueue, version.pk))
    return version


# --- E-mails -------------------------------------------------------------------------------------


def organization_addresses(organization: Organization) -> list[str]:
    address = organization.confirmed_contact_email or organization.email
    return [address] if address else []


def representative_addresses(organization: Organization) -> list[str]:
    return list(
        Representation.objects.filter(organization=organization, status=Representation.Status.APPROVED)
        .values_list("user__email", flat=True).order_by("user__email")
    )


def receipt(key: str, organization: Organization, submitted_by, context: dict, *, pdf,
            filename: str) -> EmailMessage | None:
    """The receipt of a document an organisation handed in (an offer's version, a report): to the organisation
    and the person who handed it in, the PDF as kept (`pdf`, a stored file) attached; the template shows its
    SHA-256, the one the officials see. None when there is nobody to write to."""
    to = organization_addresses(organization)
    if submitted_by and submitted_by.email and submitted_by.email not in to:
        to.append(submitted_by.email)
    if not to:
        return None
    message = build_email(key, to, context)
    with pdf.open("rb") as kept:
        message.attach(filename, kept.read(), "application/pdf")
    return message


@email_task
def send_submitted(version_id: int) -> EmailMessage | None:
    """The offer as submitted (PDF) and its checksum, to the organisation and the person who submitted it."""
    version = OfferVersion.objects.select_related(
        "offer", "offer__organization", "offer__competition", "submitted_by").filter(pk=version_id).first()
    if version is None:
        return None
    offer = version.offer
    context = {
        "offer": offer, "version": version, "competition": offer.competition,
        "url": absolute_url(reverse("my_grants:offer", args=[offer.pk])),
    }
    return receipt("grants_offer_submitted", offer.organization, version.submitted_by, context, pdf=version.pdf,
                   filename=f"oferta-{offer.pk}-{version.number}.pdf")


@email_task
def send_correction_request(request_id: int) -> EmailMessage | None:
    request = CorrectionRequest.objects.select_related(
        "offer", "offer__organization", "offer__competition").filter(pk=request_id).first()
    if request is None:
        return None
    offer = request.offer
    to = sorted(set(organization_addresses(offer.organization) + representative_addresses(offer.organization)))
    if not to:
        return None
    context = {
        "offer": offer, "request": request, "competition": offer.competition,
        "sections": [str(checks.SECTION_TITLES[s]) for s in request.sections if s in checks.SECTION_TITLES],
        "url": absolute_url(reverse("my_grants:offer", args=[offer.pk])),
    }
    return build_email("grants_offer_correction", to, context)


@email_task
def send_partner_invitation(partner_id: int) -> EmailMessage | None:
    partner = OfferPartner.objects.select_related(
        "offer", "offer__organization", "offer__competition", "organization").filter(pk=partner_id).first()
    if partner is None or partner.confirmed_at:
        return None
    to = representative_addresses(partner.organization)
    if not to:
        return None
    context = {
        "partner": partner, "offer": partner.offer, "competition": partner.offer.competition,
        "url": absolute_url(reverse("my_grants:offer", args=[partner.offer_id])),
        "site": settings.CITY.get("site_name", ""),
    }
    return build_email("grants_offer_partner", to, context)

"""Joining an organisation: a user claims an existing entry or registers a new one; an official decides.

The claim also proves access to the organisation's contact address: a signed link goes to the
e-mail in the directory (or the one given at registration), and whoever can read that mailbox
confirms it on a page with a button (mail scanners follow links, they do not press buttons).
"""

from functools import partial

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts.desk import alert
from partnerstwo.lib.emails import absolute_url, build_email, email_task
from partnerstwo.organizations import desk, editing
from partnerstwo.organizations.identifiers import unique_slug
from partnerstwo.organizations.models import Organization, OrganizationRevision, Representation

REGISTRATION_FIELDS = (
    "name", "short_name", "legal_form", "krs", "nip", "regon", "street", "postal_code", "town", "district",
    "email", "phone", "website", "description",
)
CONFIRMATION_SALT = "organizations.representation-email"
CONFIRMATION_MAX_AGE = 7 * 24 * 3600


def claimable(user):
    """Published organisations the user does not yet represent or wait for (a rejected claim may be repeated)."""
    active = Representation.objects.filter(
        organization=OuterRef("pk"), user=user,
        status__in=[Representation.Status.PENDING, Representation.Status.APPROVED],
    )
    return Organization.objects.public().exclude(Exists(active))


def claim(*, user, organization: Organization, role_in_organization: str = "") -> Representation:
    """Ask to represent a published organisation; a claim rejected earlier starts again from pending."""
    already = _("Już zgłosiłeś(-aś) się jako przedstawiciel tej organizacji.")
    try:
        with transaction.atomic():
            representation, created = Representation.objects.select_for_update().get_or_create(
                user=user, organization=organization,
                defaults={"kind": Representation.Kind.CLAIM, "role_in_organization": role_in_organization},
            )
            if not created:
                if representation.status != Representation.Status.REJECTED:
                    raise ValidationError(already)
                representation.kind = Representation.Kind.CLAIM
                representation.status = Representation.Status.PENDING
                representation.role_in_organization = role_in_organization
                representation.email_confirmed_at = None
                representation.decided_by = representation.decided_at = None
                representation.decision_reason = ""
                representation.created_at = timezone.now()
                representation.save()
    except IntegrityError as error:
        raise ValidationError(already) from error
    send_confirmation(representation)
    alert(desk.alert_officials, desk.CLAIMS, representation.pk)
    return representation


def register(*, user, organization: Organization, role_in_organization: str = "", spheres=()) -> Representation:
    """Create the organisation unpublished (an official publishes it by approving) and the claim."""
    with transaction.atomic():
        organization.is_published = False
        organization.slug = unique_slug(organization.name)
        organization.updated_by = user
        organization.save()
        if spheres:
            organization.spheres.set(spheres)
        typed = editing.snapshot(organization, [*REGISTRATION_FIELDS, "spheres"])
        editing.record_revision(
            organization, {name: [None, value] for name, value in typed.items() if value not in (None, "", [])},
            user=user, source=OrganizationRevision.Source.SELF_SERVICE,
        )
        representation = Representation.objects.create(
            user=user, organization=organization, kind=Representation.Kind.REGISTRATION,
            role_in_organization=role_in_organization,
        )
    send_confirmation(representation)
    alert(desk.alert_officials, desk.CLAIMS, representation.pk)
    return representation


def confirmation_token(representation: Representation) -> str:
    # The address is in the token: a link sent to an old address stops working when it changes.
    return signing.dumps(
        {"r": representation.pk, "e": representation.organization.email.lower()}, salt=CONFIRMATION_SALT
    )


def _load(representation_id: int) -> Representation | None:
    return Representation.objects.select_related("organization", "user").filter(pk=representation_id).first()


def send_confirmation(representation: Representation) -> bool:
    """Queue the confirmation link to the organisation's address; False when the directory has none."""
    if not representation.organization.email or representation.email_confirmed_at:
        return False
    transaction.on_commit(partial(send_confirmation_email.enqueue, representation.pk))
    return True


@email_task
def send_confirmation_email(representation_id: int) -> EmailMessage | None:
    """To the organisation's address as it is when the mail goes out (the link names that address)."""
    representation = _load(representation_id)
    if representation is None or representation.email_confirmed_at or not representation.organization.email:
        return None
    organization = representation.organization
    with translation.override(settings.LANGUAGE_CODE):
        url = absolute_url(reverse("my_organizations:confirm_email", args=[confirmation_token(representation)]))
    return build_email(
        "organization_email_confirmation", [organization.email],
        {"representation": representation, "organization": organization, "user": representation.user,
         "confirm_url": url, "days": CONFIRMATION_MAX_AGE // 86400},
    )


def representation_for_token(token: str) -> Representation:
    """The representation a link confirms; ValidationError with a Polish message when it is not valid."""
    try:
        data = signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ValidationError(
            _("Link wygasł. Zaloguj się i wyślij nowy z zakładki „Moje organizacje”."), code="expired"
        ) from error
    except signing.BadSignature as error:
        raise ValidationError(
            _("Ten link jest nieprawidłowy — skopiuj go z wiadomości w całości."), code="bad"
        ) from error
    representation = (
        Representation.objects.select_related("organization", "user").filter(pk=data.get("r")).first()
    )
    if representation is None or representation.organization.email.lower() != data.get("e"):
        raise ValidationError(_("Ten link jest już nieaktualny (zmienił się adres organizacji)."), code="stale")
    return representation


def confirm_email(representation: Representation) -> None:
    now = timezone.now()
    with transaction.atomic():
        if not representation.email_confirmed_at:
            representation.email_confirmed_at = now
            representation.save(update_fields=["email_confirmed_at"])
        organization = representation.organization
        if not organization.contact_email_confirmed_at or not organization.confirmed_contact_email:
            organization.contact_email_confirmed_at = organization.contact_email_confirmed_at or now
            organization.confirmed_contact_email = organization.email.lower()
            organization.save(update_fields=["contact_email_confirmed_at", "confirmed_contact_email"])


def approve(representation: Representation, *, by, verified_otherwise: bool = False) -> None:
    """Approve a claim or registration: the user becomes a representative; a registration is published.

    Without a confirmed organisation e-mail the official must say they verified the person otherwise.
    """
    if not representation.email_confirmed_at and not verified_otherwise:
        raise ValidationError({"verified_otherwise": _(
            "Adres e-mail organizacji nie został potwierdzony. Zaznacz, że tożsamość zgłaszającego "
            "sprawdzono w inny sposób, albo poczekaj na potwierdzenie."
        )})
    with transaction.atomic():
        representation = Representation.objects.select_for_update().select_related("organization", "user").get(
            pk=representation.pk
        )
        _decide(representation, Representation.Status.APPROVED, by=by)
        user = representation.user
        if user.role == user.Role.RESIDENT:
            user.role = user.Role.REPRESENTATIVE
            user.save(update_fields=["role"])
        organization = representation.organization
        if representation.kind == Representation.Kind.REGISTRATION and not organization.is_published:
            organization.is_published = True
            organization.save(update_fields=["is_published", "updated_at"])
            OrganizationRevision.objects.create(
                organization=organization, changed_by=by, source=OrganizationRevision.Source.APPROVAL,
                changes={"is_published": [False, True]},
            )
        transaction.on_commit(partial(send_decision_email.enqueue, representation.pk))


def reject(representation: Representation, *, by, reason: str) -> None:
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Podaj powód odrzucenia — zgłaszający otrzyma go w wiadomości.")})
    with transaction.atomic():
        representation = Representation.objects.select_for_update().select_related("organization", "user").get(
            pk=representation.pk
        )
        _decide(representation, Representation.Status.REJECTED, by=by, reason=reason.strip())
        transaction.on_commit(partial(send_decision_email.enqueue, representation.pk))


def _decide(representation, status, *, by, reason: str = "") -> None:
    if representation.status != Representation.Status.PENDING:
        raise ValidationError(_("O tym zgłoszeniu już zdecydowano."))
    representation.status = status
    representation.decided_by = by
    representation.decided_at = timezone.now()
    representation.decision_reason = reason
    representation.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])



@email_task
def send_decision_email(representation_id: int) -> EmailMessage | None:
    """The official's decision, in the language of the person who asked."""
    representation = _load(representation_id)
    if representation is None or representation.status == Representation.Status.PENDING:
        return None
    user = representation.user
    context = {"representation": representation, "organization": representation.organization}
    if representation.status == Representation.Status.APPROVED:
        key = "organization_claim_approved"
        with translation.override(user.preferred_language):
            context["manage_url"] = absolute_url(reverse("my_organizations:index"))
    else:
        key = "organization_claim_rejected"
    return build_email(key, [user.email], context, language=user.preferred_language)

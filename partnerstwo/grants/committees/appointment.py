"""Forming the competition committee (komisja konkursowa, art. 15 ust. 2a–2f; docs/law.md#art-15-committee).

Who runs the committee and who may sit on it (art. 15: nobody indicated by an organisation that offers),
appointment and the chair, suspension of members linked to an offering organisation, removal, and the
nominations of the advisory body and of organisations.
"""

from collections import defaultdict
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerstwo.accounts.models import User
from partnerstwo.grants.committees import stored_protocols
from partnerstwo.grants.committees.models import NGO_MEMBER_NEEDS_ORGANIZATION, CommitteeMember, Nomination
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.lib.emails import absolute_url, build_email, email_task
from partnerstwo.organizations.models import Organization, Representation

# Nominations one person may send in an hour: each one mails the nominated address.
NOMINATION_RATE = "20/h"
# While the committee may still be formed and nominations taken.
COMMITTEE_STATUSES = {
    Competition.Status.ANNOUNCED,
    Competition.Status.ACCEPTING,
    Competition.Status.CLOSED,
    Competition.Status.EVALUATION,
}
# Offers are registered by officials while they may arrive or be counted.
OFFER_STATUSES = {Competition.Status.ACCEPTING, Competition.Status.CLOSED, Competition.Status.EVALUATION}

COMMITTEE_CLOSED = gettext_lazy("Skład komisji można zmieniać od ogłoszenia konkursu do ogłoszenia jego wyników.")
MEMBER_HAS_SCORES = gettext_lazy("Ta osoba oceniła już oferty; jej oceny muszą zostać w protokole.")
# Art. 15 ust. 2a and the composition rule (docs/law.md#art-15-committee): the committee is the executive's
# representatives plus persons indicated by organisations, so it always has at least one of the former.
CITY_MEMBER_FIRST = gettext_lazy(
    "W komisji zasiada co najmniej jeden przedstawiciel Prezydenta Miasta (art. 15 ustawy): najpierw powołaj "
    "przedstawiciela Prezydenta, potem pozostałych członków."
)
LAST_CITY_MEMBER = gettext_lazy(
    "To jedyny przedstawiciel Prezydenta Miasta w komisji, a w komisji zasiada co najmniej jeden (art. 15 "
    "ustawy). Najpierw powołaj innego przedstawiciela Prezydenta albo odwołaj pozostałych członków."
)


# --- Who may do what ---------------------------------------------------------------------------


def can_manage(user, competition: Competition) -> bool:
    """Officials of the competition's department and administrators run the committee (art. 11 ust. 2b)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_administrator or (user.is_official and user.department_id == competition.department_id)


def managed_competitions(user):
    qs = Competition.objects.select_related("department")
    if user.is_administrator:
        return qs
    if user.is_official:
        return qs.filter(department_id=user.department_id)
    return qs.none()


def seat_of(user, competition: Competition) -> CommitteeMember | None:
    if not user.is_authenticated:
        return None
    return (
        CommitteeMember.objects.filter(competition=competition, user=user)
        .select_related("declaration")
        .first()
    )


def is_chair_or_manager(user, competition: Competition, seat: CommitteeMember | None) -> bool:
    return can_manage(user, competition) or bool(seat and seat.is_chair)


def check_committee_open(competition: Competition) -> None:
    """Members are appointed, changed and recalled from the announcement until the results."""
    if competition.status not in COMMITTEE_STATUSES:
        raise ValidationError(COMMITTEE_CLOSED, code="committee_closed")


# --- Appointment and nominations ---------------------------------------------------------------


def city_members(competition: Competition):
    return CommitteeMember.objects.filter(competition=competition, role=CommitteeMember.Role.CITY)


def _lock(competition: Competition) -> None:
    """Appointments and removals of one committee one at a time, so that two cannot leave it without a city member."""
    Competition.objects.select_for_update().filter(pk=competition.pk).values_list("pk", flat=True).first()


def offering_organizations(competition: Competition):
    return Organization.objects.filter(grant_offers__competition=competition).distinct()


def art15_message() -> str:
    return _(
        "Zgodnie z art. 15 ustawy o działalności pożytku publicznego i o wolontariacie w komisji zasiadają osoby "
        "wskazane przez organizacje, z wyłączeniem osób wskazanych przez organizacje biorące udział w konkursie."
    )


def appointment_error(competition: Competition, *, user, organization: Organization | None = None) -> str | None:
    """Why `user` (indicated by `organization`, if any) may not sit on the committee, or None."""
    offering = offering_organizations(competition)
    if organization is not None and offering.filter(pk=organization.pk).exists():
        return _("%(org)s złożyła ofertę w tym konkursie. %(rule)s") % {"org": organization, "rule": art15_message()}
    represented = offering.filter(
        representations__user=user, representations__status=Representation.Status.APPROVED
    ).first()
    if represented is not None:
        return _("%(user)s reprezentuje organizację %(org)s, która złożyła ofertę w tym konkursie. %(rule)s") % {
            "user": user,
            "org": represented,
            "rule": art15_message(),
        }
    if CommitteeMember.objects.filter(competition=competition, user=user).exists():
        return _("%(user)s jest już członkiem tej komisji.") % {"user": user}
    return None


class AppointmentRefused(ValidationError):
    """This person may not sit on the committee; the message names the rule."""


@transaction.atomic
def appoint(
    competition: Competition,
    *,
    user,
    role: str,
    is_chair: bool = False,
    organization: Organization | None = None,
    nomination: Nomination | None = None,
) -> CommitteeMember:
    check_committee_open(competition)
    _lock(competition)
    error = appointment_error(competition, user=user, organization=organization)
    if error is None and role == CommitteeMember.Role.NGO and organization is None:
        error = str(NGO_MEMBER_NEEDS_ORGANIZATION)
    if error:
        raise AppointmentRefused({"user": error}, code="refused")
    if role != CommitteeMember.Role.CITY and not city_members(competition).exists():
        raise AppointmentRefused({"role": str(CITY_MEMBER_FIRST)}, code="city_member_first")
    if is_chair:
        # Exactly one chair: appointing a new one replaces the previous.
        CommitteeMember.objects.filter(competition=competition, is_chair=True).update(is_chair=False)
    member = CommitteeMember.objects.create(
        competition=competition, user=user, name=str(user), role=role, is_chair=is_chair, nominated_by=organization
    )
    if nomination is not None:
        nomination.status = Nomination.Status.APPOINTED
        nomination.candidate = user
        nomination.save(update_fields=["status", "candidate"])
    return member


@transaction.atomic
def make_chair(member: CommitteeMember) -> None:
    check_committee_open(member.competition)
    CommitteeMember.objects.filter(competition_id=member.competition_id, is_chair=True).update(is_chair=False)
    CommitteeMember.objects.filter(pk=member.pk).update(is_chair=True)


@transaction.atomic
def remove(member: CommitteeMember) -> None:
    """Recall a member. One who has scored stays: the scores are the protocol's record (Score.member PROTECT)."""
    check_committee_open(member.competition)
    _lock(member.competition)
    if (
        member.role == CommitteeMember.Role.CITY
        and not city_members(member.competition).exclude(pk=member.pk).exists()
        and member.competition.committee.exclude(pk=member.pk).exists()
    ):
        raise ValidationError(LAST_CITY_MEMBER, code="last_city_member")
    try:
        member.delete()
    except ProtectedError:
        raise ValidationError(MEMBER_HAS_SCORES, code="member_has_scores") from None
    if not member.competition.committee.exists():
        # No committee left: nothing of the protocols it made is kept.
        stored_protocols.remove_stored_on_commit(member.competition_id)


def suspension_reason(organization: Organization, *, indicated: bool) -> str:
    if indicated:
        text = _("Organizacja %(org)s, która wskazała tę osobę, złożyła ofertę w tym konkursie.")
    else:
        text = _("Ta osoba reprezentuje organizację %(org)s, która złożyła ofertę w tym konkursie.")
    parts = [
        text % {"org": organization},
        art15_message(),
        _("Do czasu odwołania z komisji osoba nie ma dostępu do ofert i nie ocenia ich."),
    ]
    return " ".join(parts)


def suspend_members_linked_to(competition: Competition, organization: Organization) -> list[CommitteeMember]:
    """Art. 15: a member indicated by, or representing, an organisation that offers may not stay on the committee;
    the seat is suspended until the official removes them (called whenever an offer is registered)."""
    representatives = Representation.objects.filter(
        organization=organization, status=Representation.Status.APPROVED
    ).values_list("user_id", flat=True)
    suspended = []
    seats = CommitteeMember.objects.filter(competition=competition, suspended_at__isnull=True).filter(
        Q(nominated_by=organization) | Q(user__in=representatives)
    )
    for seat in seats:
        seat.suspended_at = timezone.now()
        seat.suspension_reason = suspension_reason(organization, indicated=seat.nominated_by_id == organization.pk)
        seat.save(update_fields=["suspended_at", "suspension_reason"])
        suspended.append(seat)
    return suspended


def committee_notes(competition: Competition, members) -> list[str]:
    """What the official should know about the committee as it stands; none of it blocks the work."""
    notes = []
    if not members:
        return [_("Komisja nie ma jeszcze członków.")]
    if not any(m.role == CommitteeMember.Role.CITY and not m.suspended_at for m in members):
        notes.append(_("W komisji nie zasiada (albo jest zawieszony) żaden przedstawiciel Prezydenta Miasta; "
                       "powołaj go."))
    if not any(m.is_chair for m in members):
        notes.append(_("Wskaż przewodniczącego(-ą) komisji."))
    if not any(m.role == CommitteeMember.Role.NGO for m in members):
        notes.append(
            _(
                "W komisji nie ma osób wskazanych przez organizacje. Komisja może działać bez nich (art. 15 ust. "
                "2da), gdy żadna organizacja nikogo nie wskazała; także gdy wskazane osoby nie biorą udziału "
                "w pracach albo wszystkie podlegają wyłączeniu."
            )
        )
    offering = set(offering_organizations(competition).values_list("pk", flat=True))
    represented = defaultdict(set)
    for user_id, org_id in Representation.objects.filter(
        user__in=[m.user_id for m in members], status=Representation.Status.APPROVED, organization__in=offering
    ).values_list("user_id", "organization_id"):
        represented[user_id].add(org_id)
    for member in members:
        if member.nominated_by_id in offering or represented[member.user_id]:
            notes.append(
                _("%(user)s jest związany(-a) z organizacją, która złożyła ofertę. %(rule)s") % {
                    "user": member,
                    "rule": art15_message(),
                }
            )
    return notes


def nomination_error(competition: Competition, *, organization: Organization | None) -> str | None:
    """Why a nomination cannot be taken, from what the nominator knows anyway: the competition's stage and the
    organisation they nominate for. Nothing here depends on the candidate's address having an account, or on
    who that account is: the official learns that when deciding (appointment_error), the nominator never does."""
    if competition.status not in COMMITTEE_STATUSES:
        return _("W tym konkursie nie przyjmuje się już kandydatów do komisji.")
    if organization is not None and offering_organizations(competition).filter(pk=organization.pk).exists():
        return _("%(org)s złożyła ofertę w tym konkursie. %(rule)s") % {"org": organization, "rule": art15_message()}
    return None


def _account(email: str):
    return User.objects.filter(email__iexact=email, is_active=True).first()


def nominee(nomination: Nomination):
    """The account of the nominated person: the one known when nominated, or one made with that address since."""
    return nomination.candidate or _account(nomination.email)


def nominate(competition, *, by, email: str = "", candidate=None, organization=None, justification="") -> Nomination:
    """Takes the nomination of an address whether or not it has an account and tells that address by e-mail.
    Each nominator's nomination is kept, whoever else nominated the address (the official sees them all): so
    the nominator learns nothing from the answer. Sending the same one again changes nothing."""
    email = (email or candidate.email).strip().lower()
    candidate = candidate or _account(email)
    same = Nomination.objects.filter(competition=competition, email=email, nominated_by=by)
    existing = same.first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            nomination = Nomination.objects.create(
                competition=competition, email=email, candidate=candidate, nominated_by=by, organization=organization,
                justification=justification,
            )
    except IntegrityError:  # the same nomination sent twice at the same moment
        return same.first()
    transaction.on_commit(partial(send_nomination_notice.enqueue, nomination.pk))
    return nomination


@email_task
def send_nomination_notice(nomination_id: int) -> EmailMessage | None:
    """Tells the nominated address about the nomination; a person without an account learns how to make one. It
    carries none of the nominator's text, so the form cannot mail others arbitrary words."""
    nomination = Nomination.objects.select_related("competition", "organization").filter(pk=nomination_id).first()
    if nomination is None:
        return None
    competition = nomination.competition
    account = nominee(nomination)
    language = account.preferred_language if account else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "competition": competition,
            "competition_url": absolute_url(competition.get_absolute_url()),
            "organization": nomination.organization,
            "has_account": account is not None,
            "signup_url": absolute_url(reverse("account_signup")),
            "login_url": absolute_url(reverse("account_login")),
        }
    return build_email("committee_nomination", [nomination.email], context, language=language)


def decline(nomination: Nomination) -> None:
    check_committee_open(nomination.competition)
    nomination.status = Nomination.Status.DECLINED
    nomination.save(update_fields=["status"])

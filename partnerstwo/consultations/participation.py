"""Taking part: comments on a unit or on the whole draft, written opinions, officials' entries, moderation, following.

Who may speak, and as whom: a person when the consultation is open to residents; a representative on
behalf of an organisation they represent when it is open to organisations; a Team member on behalf of
the Team when it is open to the Team and the Team has adopted a position to say it with ("once it has
agreed on it"). Comments are edited or withdrawn by their author until the deadline, by the server's
clock; officials enter what reached them on paper or by e-mail until the report is published.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerstwo.consultations.models import (
    Capacity,
    Channel,
    Comment,
    Consultation,
    Follower,
    Stage,
    Unit,
    WrittenOpinion,
)
from partnerstwo.organizations.models import Organization
from partnerstwo.team.models import Position

CLOSED = gettext_lazy("Konsultacje nie przyjmują już uwag: termin minął %(day)s o północy.")


def closed_message(consultation: Consultation) -> str:
    return str(CLOSED) % {"day": consultation.ends_on.strftime("%d.%m.%Y")}


def organizations_for(user):
    return Organization.objects.represented_by(user).order_by("name") if user.is_authenticated else \
        Organization.objects.none()


def body_positions():
    """The Team's adopted positions and opinions: what it may say on a consultation as the Team."""
    return Position.objects.adopted().order_by("-decided_at", "-pk")


def capacities_for(consultation: Consultation, user) -> list[str]:
    """As whom this person may speak in this consultation (empty: not at all)."""
    if not (user.is_authenticated and user.is_active):
        return []
    found = []
    if consultation.for_residents:
        found.append(Capacity.PERSON)
    if consultation.for_ngos and organizations_for(user).exists():
        found.append(Capacity.ORGANIZATION)
    if consultation.for_body and user.is_team_member:
        found.append(Capacity.BODY)
    return found


def _speaker(contribution, consultation, *, by, capacity, organization, body_position) -> None:
    """Checks and fills who speaks; a ValidationError names the field that is wrong."""
    if capacity not in capacities_for(consultation, by):
        raise ValidationError({"capacity": _("W tych konsultacjach nie możesz zgłosić uwagi w tym charakterze.")})
    contribution.capacity = capacity
    contribution.author = by
    contribution.organization = None
    contribution.body_position = None
    if capacity == Capacity.ORGANIZATION:
        if organization is None or not organizations_for(by).filter(pk=organization.pk).exists():
            raise ValidationError({"organization": _("Wybierz organizację, którą reprezentujesz.")})
        contribution.organization = organization
        contribution.author_name = organization.name
    elif capacity == Capacity.BODY:
        if body_position is None or not body_positions().filter(pk=body_position.pk).exists():
            raise ValidationError({"body_position": _(
                "Wskaż przyjęte stanowisko Zespołu, na którym opiera się uwaga: w imieniu Zespołu można "
                "mówić dopiero, gdy Zespół je uzgodnił."
            )})
        contribution.body_position = body_position
        contribution.author_name = str(_("Zespół Konsultacyjny"))
    else:
        contribution.author_name = (by.full_name or by.email)[:200]


def _require_open(consultation: Consultation, now=None) -> None:
    if consultation.stage(now) != Stage.OPEN:
        if consultation.stage(now) == Stage.UPCOMING:
            raise ValidationError(_("Konsultacje jeszcze się nie rozpoczęły."))
        raise ValidationError(closed_message(consultation))


def unit_for_comment(consultation: Consultation, anchor: str | None) -> Unit | None:
    """The unit of the current version with this anchor (None: the whole draft); a unit gone is refused."""
    if not anchor:
        return None
    version = consultation.current_version()
    unit = version.units.filter(anchor=anchor).first() if version else None
    if unit is None or not unit.takes_comments:
        raise ValidationError({"unit": _(
            "Tej jednostki nie ma w obecnej wersji projektu. Wybierz przepis z aktualnego tekstu."
        )})
    return unit


def _wording(comment: Comment, *, proposed_wording: str, justification: str) -> None:
    errors = {}
    if not (proposed_wording or "").strip():
        errors["proposed_wording"] = _("Wpisz proponowane brzmienie przepisu (albo np. „skreślić”).")
    if not (justification or "").strip():
        errors["justification"] = _("Uzasadnij proponowaną zmianę.")
    if errors:
        raise ValidationError(errors)
    comment.proposed_wording = proposed_wording.strip()
    comment.justification = justification.strip()


@transaction.atomic
def submit_comment(consultation: Consultation, *, by, capacity: str, unit: Unit | None, proposed_wording: str,
                   justification: str, organization=None, body_position=None, now=None) -> Comment:
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _require_open(consultation, now)
    if not consultation.form_site:
        raise ValidationError(_("W tych konsultacjach uwag nie zgłasza się w serwisie."))
    if unit is not None and (unit.version.consultation_id != consultation.pk
                             or unit.version_id != consultation.current_version().pk):
        raise ValidationError({"unit": _("Tej jednostki nie ma w obecnej wersji projektu.")})
    comment = Comment(consultation=consultation, unit=unit, channel=Channel.SITE,
                      current_wording=_current_wording(unit))
    _speaker(comment, consultation, by=by, capacity=capacity, organization=organization, body_position=body_position)
    _wording(comment, proposed_wording=proposed_wording, justification=justification)
    comment.full_clean(exclude=["author", "organization", "body_position", "unit", "consultation", "answer"])
    comment.save()
    return comment


def _current_wording(unit: Unit | None) -> str:
    if unit is None:
        return ""
    return f"{unit.heading}\n{unit.text}".strip() if unit.heading else unit.text


def editable_comment(comment: Comment, *, by, now=None) -> None:
    """Refuses unless `by` wrote the comment, it still counts, and the period is open."""
    if comment.author_id != by.pk or comment.channel != Channel.SITE:
        raise ValidationError(_("Możesz zmieniać tylko własne uwagi zgłoszone w serwisie."))
    if comment.withdrawn_at or comment.removed_at:
        raise ValidationError(_("Ta uwaga została wycofana lub usunięta."))
    _require_open(comment.consultation, now)


@transaction.atomic
def edit_comment(comment: Comment, *, by, proposed_wording: str, justification: str, now=None) -> Comment:
    comment = Comment.objects.select_for_update().select_related("consultation").get(pk=comment.pk)
    editable_comment(comment, by=by, now=now)
    _wording(comment, proposed_wording=proposed_wording, justification=justification)
    comment.full_clean(exclude=["author", "organization", "body_position", "unit", "consultation", "answer"])
    comment.save(update_fields=["proposed_wording", "justification", "updated_at"])
    return comment


@transaction.atomic
def withdraw(comment, *, by, now=None):
    """The author takes a comment (or an opinion) back until the deadline; it stays out of the report."""
    model = type(comment)
    comment = model.objects.select_for_update().select_related("consultation").get(pk=comment.pk)
    if comment.author_id != by.pk or comment.channel != Channel.SITE:
        raise ValidationError(_("Możesz wycofać tylko własną uwagę zgłoszoną w serwisie."))
    if comment.withdrawn_at:
        return comment
    _require_open(comment.consultation, now)
    comment.withdrawn_at = now or timezone.now()
    comment.save(update_fields=["withdrawn_at", "updated_at"])
    return comment


@transaction.atomic
def upload_opinion(consultation: Consultation, *, by, capacity: str, title: str, file, organization=None,
                   body_position=None, now=None) -> WrittenOpinion:
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _require_open(consultation, now)
    if not consultation.form_written:
        raise ValidationError(_("W tych konsultacjach nie przyjmuje się opinii pisemnych."))
    opinion = WrittenOpinion(consultation=consultation, title=title, file=file, channel=Channel.SITE)
    _speaker(opinion, consultation, by=by, capacity=capacity, organization=organization, body_position=body_position)
    opinion.save()
    return opinion


def _require_not_reported(consultation: Consultation) -> None:
    if not consultation.is_announced:
        raise ValidationError(_("Konsultacje nie zostały jeszcze ogłoszone."))
    if consultation.report_published:
        raise ValidationError(_("Sprawozdanie jest już opublikowane: nie można dodawać uwag."))


@transaction.atomic
def enter_received_comment(consultation: Consultation, *, by, channel: str, capacity: str, author_name: str,
                           unit: Unit | None, proposed_wording: str, justification: str, organization=None,
                           received_at=None) -> Comment:
    """An official enters a comment received on paper, by e-mail or at the meeting, so the report is complete."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _require_not_reported(consultation)
    if capacity == Capacity.ORGANIZATION and organization is None and not (author_name or "").strip():
        raise ValidationError({"author_name": _("Podaj nazwę organizacji albo wybierz ją z katalogu.")})
    if capacity == Capacity.ORGANIZATION and organization is not None:
        author_name = organization.name
    if not (author_name or "").strip():
        raise ValidationError({"author_name": _("Podaj, od kogo uwaga wpłynęła.")})
    comment = Comment(
        consultation=consultation, unit=unit, channel=channel, capacity=capacity, author_name=author_name.strip(),
        organization=organization if capacity == Capacity.ORGANIZATION else None, entered_by=by,
        current_wording=_current_wording(unit), created_at=received_at or timezone.now(),
    )
    _wording(comment, proposed_wording=proposed_wording, justification=justification)
    comment.save()
    return comment


@transaction.atomic
def remove(contribution, *, by, reason: str, now=None):
    """Moderation, only for the site's rules: the comment stays listed as removed, with the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Podaj powód usunięcia – zostanie pokazany zamiast treści uwagi.")})
    model = type(contribution)
    contribution = model.objects.select_for_update().get(pk=contribution.pk)
    if contribution.removed_at:
        raise ValidationError(_("Ta uwaga jest już usunięta."))
    contribution.removed_at = now or timezone.now()
    contribution.removed_by = by
    contribution.removal_reason = reason
    contribution.save(update_fields=["removed_at", "removed_by", "removal_reason", "updated_at"])
    if isinstance(contribution, Comment) and contribution.answer_id:
        answer = contribution.answer
        contribution.answer = None
        contribution.save(update_fields=["answer"])
        if not answer.comments.exists():
            answer.delete()
    return contribution


def follow(consultation: Consultation, user) -> None:
    try:
        with transaction.atomic():
            Follower.objects.create(consultation=consultation, user=user)
    except IntegrityError:
        pass  # following already


def unfollow(consultation: Consultation, user) -> None:
    Follower.objects.filter(consultation=consultation, user=user).delete()

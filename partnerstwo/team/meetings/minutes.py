"""The minutes of a meeting: a draft the members comment on, approved by a vote at a later meeting, and only
then published as a page and an accessible PDF (docs/law.md#brdpp-minutes-after-approval)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.team.body import terms
from partnerstwo.team.meetings import conduct
from partnerstwo.team.models import Meeting, MinutesComment


def can_read_draft(user) -> bool:
    """The members of today and the body's staff read drafts and their comments; nobody else does."""
    return user.is_authenticated and user.is_active and (user.sits_on_team or terms.can_manage(user))


def can_comment(user, meeting: Meeting) -> bool:
    """The body's members comment on the body's drafts (a group agrees its minutes at its own meetings)."""
    return (
        not meeting.group_id and user.is_authenticated and user.is_active and user.sits_on_team
        and not meeting.minutes_published and meeting.has_started and not meeting.is_cancelled
    )


def add_comment(*, meeting: Meeting, user, text: str, item=None) -> MinutesComment:
    if not can_comment(user, meeting):
        raise ValidationError(_("Uwagi do projektu protokołu zgłaszają członkowie Zespołu, zanim zostanie przyjęty."))
    if item is not None and item.meeting_id != meeting.pk:
        raise ValidationError({"item": _("Ten punkt nie należy do tego posiedzenia.")})
    return MinutesComment.objects.create(
        meeting=meeting, item=item, author=user, author_name=str(user), text=text.strip(),
    )


def drafts_to_approve(at_meeting: Meeting):
    """Earlier meetings of the body whose minutes wait for approval: what a meeting may vote on (a group's
    meeting votes on none: its minutes are published by publish_group_minutes)."""
    if at_meeting.group_id:
        return Meeting.objects.none()
    return (
        Meeting.objects.filter(
            body=at_meeting.body_id, group=None, minutes_status=Meeting.MinutesStatus.DRAFT,
            starts_at__lt=at_meeting.starts_at, status=Meeting.Status.PLANNED,
        ).order_by("starts_at")
    )


@transaction.atomic
def approve(*, meeting: Meeting, at_meeting: Meeting, votes_for: int, votes_against: int, votes_abstain: int) -> None:
    """Records the vote on `meeting`'s minutes taken at `at_meeting`; adopted by more votes for than against,
    with the quorum present. Adopted minutes are published and stay as they are."""
    if not drafts_to_approve(at_meeting).filter(pk=meeting.pk).exists():
        raise ValidationError({"meeting": _("Ten protokół nie czeka na przyjęcie na tym posiedzeniu.")})
    if not at_meeting.has_started:
        raise ValidationError(_("Protokół przyjmuje się w głosowaniu na posiedzeniu, które już się zaczęło."))
    conduct.check_votes(at_meeting, (votes_for, votes_against, votes_abstain))
    if votes_for <= votes_against:
        raise ValidationError({"votes_for": _(
            "Protokół nie został przyjęty (za: %(for)s, przeciw: %(against)s). Popraw projekt i głosujcie ponownie."
        ) % {"for": votes_for, "against": votes_against}})
    meeting.minutes_status = Meeting.MinutesStatus.APPROVED
    meeting.approved_at_meeting = at_meeting
    meeting.approval_for, meeting.approval_against, meeting.approval_abstain = votes_for, votes_against, votes_abstain
    meeting.save(update_fields=[
        "minutes_status", "approved_at_meeting", "approval_for", "approval_against", "approval_abstain", "updated_at",
    ])


@transaction.atomic
def publish_group_minutes(*, meeting: Meeting) -> None:
    """A group's minutes, once the group agreed them, are published by whoever runs its meetings; no vote (the
    body's approval rule binds the body, not its groups) and, like the body's, unchanged from then on."""
    if not meeting.group_id:
        raise ValidationError(_("Protokół posiedzenia Zespołu przyjmuje się w głosowaniu na kolejnym posiedzeniu."))
    if meeting.is_cancelled or not meeting.has_started:
        raise ValidationError(_("Protokół publikuje się po posiedzeniu, które się odbyło."))
    updated = Meeting.objects.filter(pk=meeting.pk, minutes_status=Meeting.MinutesStatus.DRAFT).update(
        minutes_status=Meeting.MinutesStatus.APPROVED, updated_at=timezone.now(),
    )
    if not updated:
        raise ValidationError(_("Protokół został już opublikowany."))
    meeting.refresh_from_db(fields=["minutes_status", "updated_at"])


def context(meeting: Meeting) -> dict:
    """What the minutes page and the PDF show."""
    present, excused, absent = [], [], []
    for seat, record in conduct.attendance_of(meeting):
        status = record.status if record else ""
        {"present": present, "excused": excused}.get(status, absent).append(seat)
    return {
        "meeting": meeting,
        "items": meeting.items.select_related("department").prefetch_related("action_items__owner"),
        "present": present, "excused": excused, "absent": absent,
        "guests": meeting.guests.filter(attended=True),
        "quorum": conduct.quorum(meeting),
        "departments": meeting.departments.all(),
        "loose_actions": meeting.action_items.filter(item=None).select_related("owner"),
    }


def pdf(meeting: Meeting) -> bytes:
    """The approved minutes as a tagged PDF (PDF/UA-1): headings, tables and the language read by screen readers."""
    from weasyprint import HTML  # heavy; loaded only when a PDF is asked for

    html = render_to_string("team/minutes_pdf.html", context(meeting))
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")

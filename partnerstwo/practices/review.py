"""A good practice's way into the library: proposed by a representative, reviewed by the Centre.

Representatives propose practices from the work of the organisations they represent; the proposal waits
for review and may be edited while it waits or after it was returned. Officials and administrators (the
Centre's staff) publish their own entries at once, and approve or return proposals with a reason the
proposer reads in an e-mail. A published practice edited by staff stays published.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from partnerstwo.lib.text import fold
from partnerstwo.organizations.models import Organization
from partnerstwo.practices import tasks
from partnerstwo.practices.models import Attachment, GoodPractice, Status


def can_review(user) -> bool:
    return user.is_authenticated and user.is_active and (user.is_official or user.is_administrator)


def can_propose(user) -> bool:
    """A representative of at least one organisation (the Centre's staff add practices in the panel)."""
    return user.is_authenticated and user.is_active and Organization.objects.represented_by(user).exists()


def unique_slug(practice: GoodPractice) -> str:
    base = slugify(fold(practice.title))[:200].strip("-") or "praktyka"
    slug, n = base, 1
    while GoodPractice.objects.filter(slug=slug).exclude(pk=practice.pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def save(practice: GoodPractice, *, by, save_m2m=None, attachments=()) -> GoodPractice:
    """Saves a new or edited practice from a form, with new attachments (validated uploads with titles).

    The Centre's staff publish at once; a representative's new or returned proposal (re)enters review.
    """
    is_new = practice.pk is None
    if is_new:
        practice.submitted_by = by
        practice.slug = unique_slug(practice)
    else:
        previous = GoodPractice.objects.select_for_update().get(pk=practice.pk)
        if previous.status == Status.PUBLISHED and not can_review(by):
            raise ValidationError(_("Opublikowaną praktykę zmienia już tylko Centrum."), code="published")
    if can_review(by):
        # The Centre's own entry is published at once; its edit of a proposal leaves the decision to review.
        if is_new:
            practice.status, practice.published_at, practice.reviewed_by = Status.PUBLISHED, timezone.now(), by
    else:
        practice.status = Status.PENDING
    practice.save()
    if save_m2m:
        save_m2m()
    add_attachments(practice, attachments)
    return practice


def add_attachments(practice: GoodPractice, attachments) -> None:
    position = practice.attachments.count()
    for title, upload, file_type in attachments:
        position += 1
        Attachment.objects.create(
            practice=practice, title=title, file=upload, file_type=file_type, size=upload.size, position=position,
        )


def _locked(practice: GoodPractice) -> GoodPractice:
    locked = GoodPractice.objects.select_for_update().get(pk=practice.pk)
    if locked.status != Status.PENDING:
        raise ValidationError(_("Ta propozycja ma już status „%(status)s”; odśwież stronę.")
                              % {"status": locked.get_status_display()}, code="status")
    return locked


@transaction.atomic
def approve(practice: GoodPractice, *, by) -> None:
    practice = _locked(practice)
    practice.status, practice.published_at, practice.reviewed_by = Status.PUBLISHED, timezone.now(), by
    practice.review_reason = ""
    if practice.reviewed_on is None:
        practice.reviewed_on = timezone.localdate()
    practice.save(update_fields=["status", "published_at", "reviewed_by", "review_reason", "reviewed_on",
                                 "updated_at"])
    _tell_submitter(practice)


@transaction.atomic
def return_for_changes(practice: GoodPractice, *, by, reason: str) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Napisz, co trzeba poprawić – zgłaszający dostanie to w wiadomości.")})
    practice = _locked(practice)
    practice.status, practice.review_reason, practice.reviewed_by = Status.RETURNED, reason, by
    practice.save(update_fields=["status", "review_reason", "reviewed_by", "updated_at"])
    _tell_submitter(practice)


@transaction.atomic
def delete_attachment(attachment: Attachment) -> None:
    attachment.file.delete(save=False)
    attachment.delete()


def _tell_submitter(practice: GoodPractice) -> None:
    if practice.submitted_by_id:
        transaction.on_commit(partial(tasks.notify_submitter.enqueue, practice.pk))

"""A partner post's way onto the site: posted, moderated for the site's rules, shown until its end date.

Representatives post for the organisations they represent; officials for their department or the Centre,
administrators for the Centre. Posts by the Centre's staff (officials, administrators) show at once;
organisations' posts wait for a moderator, who publishes them or rejects them with the reason recorded,
and may take a published post down, again with a reason. The poster is told of every decision by e-mail
and may withdraw their post at any time.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.organizations.models import Organization
from partnerstwo.partners import tasks
from partnerstwo.partners.models import PartnerPost, PosterKind, Status, today


def is_staff(user) -> bool:
    return user.is_authenticated and user.is_active and (user.is_official or user.is_administrator)


can_moderate = is_staff


def poster_kinds_for(user) -> list[str]:
    if not user.is_authenticated or not user.is_active:
        return []
    kinds = []
    if Organization.objects.represented_by(user).exists():
        kinds.append(PosterKind.ORGANIZATION)
    if user.is_official and user.department_id:
        kinds.append(PosterKind.DEPARTMENT)
    if is_staff(user):
        kinds.append(PosterKind.CENTRE)
    return kinds


def can_post(user) -> bool:
    return bool(poster_kinds_for(user))


@transaction.atomic
def save(post: PartnerPost, *, by) -> PartnerPost:
    """Saves a new or edited post. A new one, or an edit of a rejected one, goes to moderation unless the
    Centre's staff wrote it; an edit of a published one by an organisation goes back to moderation too,
    so nothing unmoderated ever shows."""
    if post.pk is None:
        post.created_by = by
    else:
        previous = PartnerPost.objects.select_for_update().get(pk=post.pk)
        if previous.status in (Status.REMOVED, Status.WITHDRAWN):
            raise ValidationError(_("To ogłoszenie jest już zdjęte; dodaj nowe."), code="closed")
    if post.ends_on and post.ends_on < today():
        raise ValidationError({"ends_on": _("Data końcowa już minęła; podaj dzisiejszą albo późniejszą.")})
    if post.poster_kind != PosterKind.ORGANIZATION:
        post.organization = None
    if post.poster_kind != PosterKind.DEPARTMENT:
        post.department = None
    elif post.department_id is None:
        post.department = by.department
    if is_staff(by):
        if post.status != Status.PUBLISHED:
            post.status, post.published_at = Status.PUBLISHED, timezone.now()
            post.moderated_by, post.moderated_at, post.moderation_reason = by, timezone.now(), ""
    else:
        post.status, post.published_at = Status.PENDING, None
    post.full_clean(exclude=["created_by"], validate_unique=False)
    post.save()
    return post


def _locked(post: PartnerPost, *expected: str) -> PartnerPost:
    locked = PartnerPost.objects.select_for_update().get(pk=post.pk)
    if locked.status not in expected:
        raise ValidationError(_("Ogłoszenie ma już status „%(status)s”; odśwież stronę.")
                              % {"status": locked.get_status_display()}, code="status")
    return locked


def _reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": message})
    return reason


@transaction.atomic
def approve(post: PartnerPost, *, by) -> None:
    post = _locked(post, Status.PENDING)
    now = timezone.now()
    post.status, post.published_at, post.moderated_by, post.moderated_at = Status.PUBLISHED, now, by, now
    post.moderation_reason = ""
    post.save(update_fields=["status", "published_at", "moderated_by", "moderated_at", "moderation_reason",
                             "updated_at"])
    _tell_poster(post)


@transaction.atomic
def reject(post: PartnerPost, *, by, reason: str) -> None:
    reason = _reason(reason, _("Napisz, której zasady serwisu ogłoszenie nie spełnia – ogłaszający to przeczyta."))
    post = _locked(post, Status.PENDING)
    post.status, post.moderation_reason, post.moderated_by, post.moderated_at = (
        Status.REJECTED, reason, by, timezone.now())
    post.save(update_fields=["status", "moderation_reason", "moderated_by", "moderated_at", "updated_at"])
    _tell_poster(post)


@transaction.atomic
def remove(post: PartnerPost, *, by, reason: str) -> None:
    """Takes a published post down (a breach of the rules seen later); the reason is recorded and sent."""
    reason = _reason(reason, _("Podaj powód zdjęcia ogłoszenia – ogłaszający go przeczyta."))
    post = _locked(post, Status.PUBLISHED)
    post.status, post.moderation_reason, post.moderated_by, post.moderated_at = (
        Status.REMOVED, reason, by, timezone.now())
    post.save(update_fields=["status", "moderation_reason", "moderated_by", "moderated_at", "updated_at"])
    _tell_poster(post)


@transaction.atomic
def withdraw(post: PartnerPost) -> None:
    post = _locked(post, Status.PENDING, Status.PUBLISHED, Status.REJECTED)
    post.status = Status.WITHDRAWN
    post.save(update_fields=["status", "updated_at"])


def _tell_poster(post: PartnerPost) -> None:
    if post.created_by_id:
        transaction.on_commit(partial(tasks.notify_poster.enqueue, post.pk))

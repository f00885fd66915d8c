"""A news item's way to the public: written by a representative, reviewed by the Centre (as events are).

A representative writes news of the organisations they represent; it waits for review and may be edited while
it waits or after it was returned; once published only the Centre changes it (a representative would
otherwise change a reviewed text unseen). Officials and administrators approve or return it with a reason.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.accounts.desk import alert
from partnerstwo.organizations.models import Organization
from partnerstwo.orgnews import desk, tasks
from partnerstwo.orgnews.models import Post, Status, can_review


def can_write(user) -> bool:
    return user.is_authenticated and user.is_active and Organization.objects.represented_by(user).exists()


def can_edit(user, post: Post) -> bool:
    if can_review(user):
        return True
    return post.status != Status.PUBLISHED and Post.objects.written_by(user).filter(pk=post.pk).exists()


@transaction.atomic
def save(post: Post, *, by) -> Post:
    """Saves a new or edited item from a form; a representative's new or returned item (re)enters review."""
    if post.pk is None:
        post.submitted_by = by
    else:
        previous = Post.objects.select_for_update().get(pk=post.pk)
        if previous.status == Status.PUBLISHED and not can_review(by):
            raise ValidationError(_("Opublikowaną wiadomość zmienia już tylko Centrum."), code="published")
    if not can_review(by):
        post.status = Status.PENDING
    post.save()
    if post.status == Status.PENDING:
        alert(desk.alert_officials, desk.REVIEW, post.pk)
    return post


def _locked(post: Post) -> Post:
    locked = Post.objects.select_for_update().get(pk=post.pk)
    if locked.status != Status.PENDING:
        raise ValidationError(_("Ta wiadomość ma już status „%(status)s”; odśwież stronę.")
                              % {"status": locked.get_status_display()}, code="status")
    return locked


@transaction.atomic
def approve(post: Post, *, by) -> None:
    post = _locked(post)
    post.status, post.published_at, post.reviewed_by, post.review_reason = Status.PUBLISHED, timezone.now(), by, ""
    post.save(update_fields=["status", "published_at", "reviewed_by", "review_reason", "updated_at"])
    _tell_submitter(post)


@transaction.atomic
def return_for_changes(post: Post, *, by, reason: str) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Napisz, co trzeba poprawić – autor zobaczy to przy wiadomości.")})
    post = _locked(post)
    post.status, post.review_reason, post.reviewed_by = Status.RETURNED, reason, by
    post.save(update_fields=["status", "review_reason", "reviewed_by", "updated_at"])
    _tell_submitter(post)


def _tell_submitter(post: Post) -> None:
    if post.submitted_by_id:
        transaction.on_commit(partial(tasks.notify_submitter.enqueue, post.pk))

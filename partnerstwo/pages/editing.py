"""Saving an edit of a content page: the page, its revision and the conflict check, in one transaction."""

import difflib
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from partnerstwo.pages.models import ContentPage, PageRevision

TRACKED_FIELDS = ("title", "slug", "body", "is_published")


class EditConflict(Exception):
    """Someone else saved the page after the editor opened it."""


@transaction.atomic
def save_page(page: ContentPage, *, editor, note: str = "", expected_version: int | None = None) -> PageRevision | None:
    """Save the page as edited in memory and record the revision; None when nothing changed.

    expected_version is the version the editor's form was based on: if another edit was saved
    in the meantime, EditConflict is raised and nothing is written.
    """
    if page.pk is not None:
        stored = ContentPage.objects.select_for_update().values("version", *TRACKED_FIELDS).get(pk=page.pk)
        if expected_version is not None and expected_version != stored["version"]:
            raise EditConflict
        if all(stored[name] == getattr(page, name) for name in TRACKED_FIELDS):
            return None
        page.version = stored["version"] + 1
    now = timezone.now()
    if page.pk is None:
        page.version = 1
    page.stamp_edit(editor, now)
    page.save()
    return PageRevision.objects.create(
        page=page,
        title=page.title,
        slug=page.slug,
        body=page.body,
        is_published=page.is_published,
        edited_by=editor,
        edited_at=now,
        note=note,
    )


def restore_revision(revision: PageRevision, *, editor, note: str) -> PageRevision | None:
    """Bring back an old revision's title and text as a new edit (the history keeps both)."""
    page = revision.page
    page.title = revision.title
    page.body = revision.body
    return save_page(page, editor=editor, note=note)


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "added", "removed" or "same"
    text: str


def diff_lines(before: str, after: str, context: int = 2) -> list[DiffLine | None]:
    """The changed lines with a little context; None marks skipped unchanged lines."""
    before_lines, after_lines = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(a=before_lines, b=after_lines)
    result: list[DiffLine | None] = []
    for group in matcher.get_grouped_opcodes(context):
        if result:
            result.append(None)
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                result.extend(DiffLine("same", line) for line in before_lines[i1:i2])
                continue
            if tag in ("replace", "delete"):
                result.extend(DiffLine("removed", line) for line in before_lines[i1:i2])
            if tag in ("replace", "insert"):
                result.extend(DiffLine("added", line) for line in after_lines[j1:j2])
    return result

"""Compiling an issue: its number and period, the candidates from the period, the chosen items in the Centre's
order with a note each, and publication. A published issue stays as it was published and mailed."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.bulletin.models import Issue, Item, ItemKind, issues_per_year, numbering_for, period_of
from partnerstwo.events.models import Event, EventStatus, Occurrence
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.orgnews.models import Post

CANDIDATES_PER_KIND = 50


def next_numbering(today: datetime.date | None = None) -> dict:
    """The proposed number and period of a new issue: the current period's, or the next free one after it."""
    year, number = numbering_for(today or timezone.localdate())
    per_year = issues_per_year()
    while Issue.objects.filter(year=year, number=number).exists():
        year, number = (year + 1, 1) if number >= per_year else (year, number + 1)
    start, end = period_of(year, number)
    return {"year": year, "number": number, "period_start": start, "period_end": end}


def _bounds(issue: Issue) -> tuple[datetime.datetime, datetime.datetime]:
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(issue.period_start, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(issue.period_end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return start, end


def candidate_posts(issue: Issue):
    start, end = _bounds(issue)
    return (
        Post.objects.published().filter(published_at__gte=start, published_at__lt=end)
        .exclude(pk__in=issue.items.filter(post__isnull=False).values("post"))
        .select_related("organization").order_by("-published_at", "-pk")
    )


def candidate_events(issue: Issue):
    """Events held in the period (any of their dates), or announced in it (created then, held later)."""
    start, end = _bounds(issue)
    held = Occurrence.objects.filter(event=OuterRef("pk"), starts_at__lt=end, ends_at__gte=start)
    return (
        Event.objects.filter(status=EventStatus.PUBLISHED)
        .filter(Exists(held) | Q(created_at__gte=start, created_at__lt=end))
        .exclude(pk__in=issue.items.filter(event__isnull=False).values("event"))
        .select_related("organization").order_by("starts_at", "pk")
    )


def candidate_results(issue: Issue):
    start, end = _bounds(issue)
    return (
        Competition.objects.filter(status=Competition.Status.RESULTS,
                                   results_published_at__gte=start, results_published_at__lt=end)
        .exclude(pk__in=issue.items.filter(competition__isnull=False).values("competition"))
        .select_related("department").order_by("-results_published_at", "-pk")
    )


def candidates(issue: Issue) -> dict:
    return {
        ItemKind.NEWS: list(candidate_posts(issue)[:CANDIDATES_PER_KIND]),
        ItemKind.EVENT: list(candidate_events(issue)[:CANDIDATES_PER_KIND]),
        ItemKind.RESULTS: list(candidate_results(issue)[:CANDIDATES_PER_KIND]),
    }


def _unpublished(issue: Issue) -> Issue:
    locked = Issue.objects.select_for_update().get(pk=issue.pk)
    if locked.is_published:
        raise ValidationError(_("To wydanie jest już opublikowane i wysłane; nie można go zmieniać."),
                              code="published")
    return locked


@transaction.atomic
def save_issue(issue: Issue, *, by) -> Issue:
    if issue.pk is None:
        issue.created_by = by
    else:
        _unpublished(issue)
    issue.save()
    return issue


@transaction.atomic
def add_item(issue: Issue, *, kind: str, target_id: int, note: str = "") -> Item:
    """Adds a public news item, event or competition's results at the end of the issue."""
    issue = _unpublished(issue)
    eligible = {
        ItemKind.NEWS: ("post", Post.objects.published()),
        ItemKind.EVENT: ("event", Event.objects.filter(status=EventStatus.PUBLISHED)),
        ItemKind.RESULTS: ("competition", Competition.objects.filter(status=Competition.Status.RESULTS)),
    }
    if kind not in eligible:
        raise ValidationError(_("Nieznany rodzaj pozycji."), code="kind")
    field, queryset = eligible[kind]
    target = queryset.filter(pk=target_id).first()
    if target is None:
        raise ValidationError(_("Tej pozycji nie można dodać: nie jest (już) opublikowana."), code="missing")
    if issue.items.filter(**{field: target}).exists():
        raise ValidationError(_("Ta pozycja już jest w wydaniu."), code="duplicate")
    last = issue.items.aggregate(last=Max("position"))["last"] or 0
    return Item.objects.create(issue=issue, position=last + 1, note=note.strip(), **{field: target})


@transaction.atomic
def move(item: Item, *, up: bool) -> None:
    """Swaps the item with its neighbour above (up) or below; at the top or bottom nothing moves."""
    issue = _unpublished(item.issue)
    items = list(issue.items.order_by("position", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    for position, row in enumerate(items, start=1):
        if row.position != position:
            Item.objects.filter(pk=row.pk).update(position=position)


@transaction.atomic
def set_note(item: Item, note: str) -> None:
    _unpublished(item.issue)
    Item.objects.filter(pk=item.pk).update(note=note.strip())


@transaction.atomic
def remove(item: Item) -> None:
    _unpublished(item.issue)
    item.delete()


@transaction.atomic
def publish(issue: Issue, *, by) -> Issue:
    """Publishes the issue; the newsletter sends it (once) to the bulletin topic and the media contacts."""
    issue = _unpublished(issue)
    if not issue.items.exists():
        raise ValidationError(_("Dodaj do wydania co najmniej jedną pozycję przed publikacją."), code="empty")
    issue.published_at, issue.published_by = timezone.now(), by
    issue.save(update_fields=["published_at", "published_by", "updated_at"])
    return issue

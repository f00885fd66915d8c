import datetime

from django.utils import timezone

from partnerstwo.bulletin.models import Issue, Item, period_of


def issue(year=2026, number=4, *, title=None, published=True, **fields) -> Issue:
    start, end = period_of(year, number)
    values = {"title": title or f"Wydanie {number}/{year}", "period_start": start, "period_end": end,
              "editorial": "Słowo **od redakcji**."}
    values.update(fields)
    if published:
        values.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    return Issue.objects.create(year=year, number=number, **values)


def item(issue_, position=None, note="", **target) -> Item:
    position = position or (issue_.items.count() + 1)
    return Item.objects.create(issue=issue_, position=position, note=note, **target)

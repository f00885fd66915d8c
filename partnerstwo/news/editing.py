"""Saving a news item written or changed by an editor."""

from django.utils import timezone

from partnerstwo.news.models import NewsItem


def save_news_item(item: NewsItem, *, editor) -> NewsItem:
    if item.pk is None:
        item.author = editor
    item.stamp_edit(editor, timezone.now())
    item.save()
    return item

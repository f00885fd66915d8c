"""Saving a news item written or changed by an editor."""

from django.utils import timezone

from partnerstwo.news.models import NewsItem


def save_news_item(item: NewsItem, *, editor) -> NewsItem:
    now = timezone.now()
    if item.pk is None:
        item.created_at = now
        item.author = editor
    item.updated_at = now
    item.updated_by = editor
    item.save()
    return item

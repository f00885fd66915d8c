from datetime import timedelta

import pytest
from django.utils import timezone

from partnerstwo.news.models import NewsItem


@pytest.fixture
def make_news(db):
    def make(slug="spotkanie-organizacji", title=None, days_ago=1, is_published=True, **extra):
        extra.setdefault("lead", f"Zajawka: {slug}")
        return NewsItem.objects.create(
            slug=slug,
            title=title or f"Tytuł {slug}",
            published_at=timezone.now() - timedelta(days=days_ago),
            is_published=is_published,
            **extra,
        )

    return make

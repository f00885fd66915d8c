"""Demo content pages: the seed's "Misja i cele", contact, accessibility statement, privacy notice.

The texts are Markdown files in demo_texts/ (see partnerstwo.lib.editorial.demo for their form),
filled with the city's facts. A page is only created when it is missing: once an editor has changed
it, loading the demo again leaves their text alone.
"""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation

from partnerstwo.lib.display import COOKIE_MAX_AGE, COOKIE_NAME
from partnerstwo.lib.editorial.demo import read_texts
from partnerstwo.news.demo import demo_editor
from partnerstwo.pages.editing import save_page
from partnerstwo.pages.models import ContentPage

DEMO_NOTE = "Treść początkowa (dane demonstracyjne)"
TEXTS = Path(__file__).with_name("demo_texts")


def text_context(today: date) -> dict:
    return {
        "city": settings.CITY,
        "centre": settings.CITY["centre"],
        "accessibility": settings.CITY["accessibility"],
        "controller": settings.CITY["data_controller"],
        "site_url": settings.SITE_URL,
        "today": today,
        "session_days": settings.SESSION_COOKIE_AGE // 86400,
        "csrf_days": settings.CSRF_COOKIE_AGE // 86400,
        "display_cookie": COOKIE_NAME,
        "display_days": COOKIE_MAX_AGE // 86400,
    }


def demo_pages(today: date) -> list[tuple[str, str, str]]:
    return [(text.slug, text.title, text.body) for text in read_texts(TEXTS, text_context(today))]


def load(stdout, **options):
    editor = demo_editor()
    created = 0
    with translation.override(settings.LANGUAGE_CODE):
        for slug, title, body in demo_pages(timezone.localdate()):
            if ContentPage.objects.filter(slug=slug).exists():
                continue
            page = ContentPage(slug=slug, title=title, body=body, is_published=True)
            save_page(page, editor=editor, note=DEMO_NOTE)
            created += 1
    stdout.write(f"  strony: {ContentPage.objects.count()} (nowe: {created})")

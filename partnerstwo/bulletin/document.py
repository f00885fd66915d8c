"""An issue as readers get it: the items with a short text each, the print layout's stylesheet, and the tagged PDF.

The PDF is made in the request, as the Team's minutes are (team/meetings/minutes.py): an issue is a few pages
that WeasyPrint lays out in a second or two; it is kept in the cache for the published issue as it is, so
readers after the first get the stored bytes.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import Truncator

from partnerstwo.bulletin.models import Issue, Item, ItemKind
from partnerstwo.lib.context_processors import city_for_language
from partnerstwo.lib.emails import absolute_url
from partnerstwo.lib.markdown import plain_text
from partnerstwo.lib.pdf import tagged_pdf

SUMMARY_WORDS = 60
STYLESHEET = "css/bulletin.css"
PDF_CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Entry:
    """One item as the issue shows it."""

    item: Item
    kind: str
    kind_label: str
    title: str
    details: str
    summary: str
    note: str
    url: str
    absolute_url: str


def _details(item: Item) -> str:
    if item.kind == ItemKind.NEWS:
        return item.post.organization.name
    if item.kind == ItemKind.EVENT:
        event = item.event
        when = timezone.localtime(event.starts_at)
        place = ", ".join(part for part in (event.venue, event.town) if part)
        day = when.strftime("%d.%m.%Y") if event.all_day else when.strftime("%d.%m.%Y, %H:%M")
        return f"{day}{', ' + place if place else ''}"
    competition = item.competition
    return str(competition.department) if competition.department_id else ""


def _text(item: Item) -> str:
    source = {ItemKind.NEWS: lambda: item.post.body, ItemKind.EVENT: lambda: item.event.description,
              ItemKind.RESULTS: lambda: item.competition.results_note}[item.kind]()
    return Truncator(plain_text(source or "")).words(SUMMARY_WORDS)


def entries(issue: Issue) -> list[Entry]:
    """The issue's public items in the Centre's order (one query)."""
    return [
        Entry(item=item, kind=item.kind, kind_label=str(item.kind_label), title=item.title, details=_details(item),
              summary=_text(item), note=item.note, url=item.get_absolute_url(),
              absolute_url=absolute_url(item.get_absolute_url()))
        for item in issue.items.shown()
    ]


def context(issue: Issue) -> dict:
    return {"issue": issue, "entries": entries(issue), "issue_url": absolute_url(issue.get_absolute_url())}


def stylesheet() -> str:
    found = finders.find(STYLESHEET)
    return Path(found).read_text(encoding="utf-8") if found else ""


def html(issue: Issue) -> str:
    city = city_for_language(translation.get_language() or settings.LANGUAGE_CODE)
    return render_to_string("bulletin/pdf.html", {**context(issue), "city": city, "stylesheet": stylesheet()})


def pdf(issue: Issue) -> bytes:
    """The issue as a tagged PDF (PDF/UA-1), the same layout as the print page."""
    key = f"bulletin-pdf:{issue.pk}:{issue.updated_at.timestamp()}:{translation.get_language()}"
    document = cache.get(key)
    if document is None:
        document = tagged_pdf(html(issue))
        cache.set(key, document, PDF_CACHE_SECONDS)
    return document

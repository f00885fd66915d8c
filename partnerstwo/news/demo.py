"""Demo news of the Centre and the advisory body, dated relative to the day the demo is loaded.

The texts are Markdown files in demo_texts/ (see partnerstwo.lib.editorial.demo for their form); this
module computes the days they mention and fills in the city's facts. An item is only created when its
address is free, so editors' changes survive a second run.
"""

from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils import timezone, translation

from partnerstwo.accounts.models import User
from partnerstwo.events import demo as events_demo
from partnerstwo.lib.editorial.demo import mail_link, read_texts, tel_link
from partnerstwo.news.editing import save_news_item
from partnerstwo.news.models import NewsItem

TEXTS = Path(__file__).with_name("demo_texts")


def demo_editor():
    """The demo's official (or, failing that, any content editor) signs the pages and news."""
    role_order = Case(When(role=User.Role.OFFICIAL, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        User.objects.filter(is_active=True, role__in=[User.Role.OFFICIAL, User.Role.ADMINISTRATOR])
        .order_by(role_order, "pk")
        .first()
    )


def event_link(slug: str) -> str:
    return reverse("events:detail", kwargs={"slug": slug})


def text_context(today: date) -> dict:
    """What the texts may mention: the city's facts and the days of the meetings and deadlines they announce.

    The events they announce are in the demo calendar (events/demo.py), on the days it gives, at the links here.
    """
    centre = settings.CITY["centre"]
    working_day = events_demo.working_day_from
    return {
        "centre": centre,
        "advisory_body": settings.CITY["advisory_body_name"],
        "address": f"{centre['street']}, {centre['postal_code']} {centre['city']}",
        "contact": f"tel. {tel_link(centre['phone'])}, e-mail {mail_link(centre['email'])}",
        "next_year": today.year + 1,
        **events_demo.announced_days(today),
        "meeting_link": event_link(events_demo.ANNOUNCED_MEETING),
        "training_link": event_link(events_demo.ANNOUNCED_TRAINING),
        "advisory_hours_link": event_link(events_demo.ADVISORY_HOURS),
        "forum_link": event_link(events_demo.FORUM),
        "team_meeting_day": working_day(today - timedelta(days=17), step=-1),
        "schedule_deadline": working_day(today + timedelta(days=14)),
    }


def demo_news(today: date) -> list[dict]:
    news = []
    for text in read_texts(TEXTS, text_context(today)):
        day = today + timedelta(days=text.meta["publication_day"])
        published_at = timezone.make_aware(datetime.combine(day, time.fromisoformat(text.meta["publication_time"])))
        news.append(
            {"slug": text.slug, "title": text.title, "published_at": published_at, "lead": text.meta["lead"],
             "body": text.body}
        )
    return news


def load(stdout, **options):
    editor = demo_editor()
    created = 0
    with translation.override(settings.LANGUAGE_CODE):
        for data in demo_news(timezone.localdate()):
            if NewsItem.objects.filter(slug=data["slug"]).exists():
                continue
            item = save_news_item(NewsItem(is_published=True, **data), editor=editor)
            # As if written on the day it went out, not when the demo was loaded.
            written = min(item.published_at, timezone.now())
            NewsItem.objects.filter(pk=item.pk).update(created_at=written, updated_at=written)
            created += 1
    stdout.write(f"  aktualności: {NewsItem.objects.count()} (nowe: {created})")

"""The "add to Google Calendar" link: a plain link (nothing is loaded from Google)."""

import datetime as dt
from urllib.parse import urlencode

from django.conf import settings
from django.utils.text import Truncator

from partnerstwo.events import ical
from partnerstwo.lib.emails import absolute_url
from partnerstwo.lib.ical import local_zone
from partnerstwo.lib.markdown import plain_text

GOOGLE_TEMPLATE_URL = "https://calendar.google.com/calendar/render"


def google_calendar_url(event) -> str:
    if event.all_day:
        start = event.starts_at.astimezone(local_zone()).date()
        end = max(event.ends_at.astimezone(local_zone()).date(), start) + dt.timedelta(days=1)
        dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
    else:
        start, end = (moment.astimezone(dt.UTC) for moment in (event.starts_at, event.ends_at))
        dates = f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"
    summary = Truncator(plain_text(event.description)).chars(1000)  # Google shows the text as it is
    details = f"{summary}\n\n{absolute_url(event.get_absolute_url())}".strip()
    params = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": dates,
        "details": details,
        "location": ical.location(event),
        "ctz": settings.TIME_ZONE,
    }
    if event.rrule:
        params["recur"] = f"RRULE:{event.rrule}"
    return f"{GOOGLE_TEMPLATE_URL}?{urlencode(params)}"

"""RSS 2.0 and Atom feeds of upcoming events (any calendar filter applies), one item per date."""

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from partnerstwo.events import calendar, ical
from partnerstwo.events.filters import CalendarFilterForm
from partnerstwo.events.models import Occurrence

FEED_LENGTH = 50


class UpcomingEventsFeed(Feed):
    language = "pl"
    fixed_kind = ""

    def get_object(self, request, *args, **kwargs):
        return CalendarFilterForm(request.GET, fixed_kind=self.fixed_kind)

    def title(self, form):
        title = _("%(site)s – wydarzenia") % {"site": settings.CITY["site_name"]}
        organizer = form.organizer_label()
        return f"{title}: {organizer}" if organizer else title

    def description(self, form):
        return _("Nadchodzące wydarzenia organizacji pozarządowych i miasta.")

    def link(self, form):
        query = form.filter_query().urlencode()
        return reverse("events:calendar") + (f"?{query}" if query else "")

    def author_name(self):
        return settings.CITY["centre"]["name"]

    def items(self, form):
        return (
            calendar.ongoing(Occurrence.objects.public(), timezone.now()).filter(form.occurrence_conditions())
            .select_related("event").order_by("starts_at", "pk")[:FEED_LENGTH]
        )

    def item_title(self, occurrence):
        title = occurrence.event.title
        if occurrence.event.is_cancelled or occurrence.is_cancelled:
            title = _("ODWOŁANE: %(title)s") % {"title": title}
        return title

    def item_link(self, occurrence):
        return occurrence.event.get_absolute_url()

    def item_guid(self, occurrence):
        return f"{occurrence.event.uid}/{occurrence.starts_at.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"

    item_guid_is_permalink = False

    def item_description(self, occurrence):
        event = occurrence.event
        when = date_format(timezone.localtime(occurrence.starts_at), "j E Y, H:i")
        place = ical.location(event)
        return " · ".join(part for part in [when, place, str(event.get_kind_display())] if part)

    def item_pubdate(self, occurrence):
        return occurrence.event.created_at

    def item_updateddate(self, occurrence):
        return occurrence.event.updated_at

    def item_categories(self, occurrence):
        return [occurrence.event.get_kind_display()]


class UpcomingEventsAtomFeed(UpcomingEventsFeed):
    feed_type = Atom1Feed

    def subtitle(self, form):
        return self.description(form)

    def feed_url(self, form):
        return reverse("events:atom")


class TrainingsFeed(UpcomingEventsFeed):
    fixed_kind = "training"

    def link(self, form):
        return reverse("trainings:calendar")


class TrainingsAtomFeed(UpcomingEventsAtomFeed):
    fixed_kind = "training"

    def link(self, form):
        return reverse("trainings:calendar")

    def feed_url(self, form):
        return reverse("trainings:atom")

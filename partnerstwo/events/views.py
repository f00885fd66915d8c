"""The public calendar: month, week and list views with filters, the event page and the .ics files."""

import datetime as dt

from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from partnerstwo.events import calendar, ical
from partnerstwo.events.filters import CalendarFilterForm
from partnerstwo.events.models import Event, EventKind, EventStatus, Occurrence, RegistrationMode
from partnerstwo.events.sharing import google_calendar_url
from partnerstwo.lib import fragments
from partnerstwo.organizations.models import Organization

# How many upcoming dates the event page lists (a weekly class has a hundred).
DETAIL_OCCURRENCES = 12
# The subscription feed covers the recent past (so a cancellation still reaches calendars) and a year ahead.
FEED_PAST = dt.timedelta(days=30)
FEED_FUTURE = dt.timedelta(days=366)
FEED_LIMIT = 5000

# Deep pages of the list are reached by moving the date, not by paging further.
MAX_LIST_PAGE = 200

VIEW_PARAM = {"month": "miesiac", "week": "tydzien", "list": "lista"}


def _link(filters, view: str, day: dt.date | None = None, page: int | None = None) -> str:
    query = filters.copy()
    if view != "month":
        query["widok"] = VIEW_PARAM[view]
    if day is not None:
        query["data"] = day.isoformat()
    if page and page > 1:
        query["strona"] = str(page)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@require_safe
def calendar_view(request, *, fixed_kind: str = "", namespace: str = "events"):
    form = CalendarFilterForm(request.GET, fixed_kind=fixed_kind)
    occurrences = calendar.public_occurrences().filter(form.occurrence_conditions())
    view = form.view
    day = form.day or calendar.today()
    filters = form.filter_query()
    context = {
        "form": form,
        "view": view,
        "day": day,
        "namespace": namespace,
        "fixed_kind": fixed_kind,
        "filters": filters,
        "organizer_label": form.organizer_label(),
        "today_url": _link(filters, view),
        "view_urls": {name: _link(filters, name, form.day) for name in VIEW_PARAM},
        "feed_query": f"?{filters.urlencode()}" if filters else "",
        # Hundreds of entries: one reverse() for the page instead of one per entry.
        "event_url_prefix": reverse("events:detail", args=["-"])[:-2],
    }
    if view == "month":
        month = calendar.month_start(day)
        previous, following = calendar.add_months(month, -1), calendar.add_months(month, 1)
        weeks = calendar.month_grid(occurrences, month)
        context.update(
            month=month, weeks=weeks, weekdays=[(WEEKDAYS[n], WEEKDAYS_ABBR[n]) for n in range(7)],
            # A phone shows these days as a list, the grid one tap away.
            busy_days=[cell for week in weeks for cell in week if cell.in_month and (cell.occurrences or cell.more)],
        )
    elif view == "week":
        start = calendar.week_start(day)
        previous, following = start - dt.timedelta(days=7), start + dt.timedelta(days=7)
        context.update(week_start=start, week_end=start + dt.timedelta(days=6),
                       days=calendar.week_days(occurrences, start))
    else:
        # No total count: counting every future date of a decade's calendar costs more than the page.
        number = _page_number(request.GET.get("strona"))
        offset = (number - 1) * calendar.LIST_PAGE_SIZE
        rows = list(calendar.from_day(occurrences, day)[offset:offset + calendar.LIST_PAGE_SIZE + 1])
        previous, following = day - dt.timedelta(days=7), day + dt.timedelta(days=7)
        context.update(
            occurrences=rows[:calendar.LIST_PAGE_SIZE],
            page_number=number,
            previous_page_url=_link(filters, view, form.day, number - 1) if number > 1 else "",
            next_page_url=_link(filters, view, form.day, number + 1) if len(rows) > calendar.LIST_PAGE_SIZE else "",
        )
    context.update(previous_url=_link(filters, view, previous), next_url=_link(filters, view, following))
    for cell in context.get("days") or [cell for week in context.get("weeks", []) for cell in week]:
        cell.list_url = _link(filters, "list", cell.date)
    if view == "month":
        context["month_html"] = _month_html(context)
    return render(request, "events/calendar.html", context)


def _month_html(context) -> str:
    """The month grid and its list of busy days (events/_month.html), rendered once per content.

    Rendering 42 days and a hundred entries cost more than the rest of the page (issue 18). The entries
    are fetched on every request anyway; the key is every value of them and of the days the template
    shows (lib/fragments.py adds the language and the time zone), so a changed, added, cancelled or removed
    event is another key on the very next request, and nothing served can be stale. The grid is the same for
    every visitor (public events only, no form).
    """
    state = (
        context["month"], context["event_url_prefix"],
        [[(cell.date, cell.in_month, cell.is_today, cell.more, cell.list_url, [
            (o.pk, o.starts_at, o.is_cancelled, o.event.pk, o.event.slug, o.event.title, o.event.all_day,
             o.event.is_cancelled)
            for o in cell.occurrences
        ]) for cell in week] for week in context["weeks"]],
    )
    return fragments.render("events/_month.html", context, state)


def _page_number(value) -> int:
    """?strona= as a page number from 1 to MAX_LIST_PAGE; anything else is the first page."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= MAX_LIST_PAGE else 1


def _visible_events(user):
    """The public events, and for a signed-in organiser or reviewer also those they manage or review (a preview)."""
    events = Event.objects.public()
    if user.is_authenticated:
        events = events | Event.objects.managed_by(user) | Event.objects.reviewable_by(user)
    return events


@require_safe
def event_detail(request, slug):
    now = timezone.now()
    upcoming = (
        Occurrence.objects.filter(ends_at__gte=now)
        # Taken places: confirmed ones and those held for an address still to be confirmed.
        .annotate(confirmed=Count("registrations", filter=Q(registrations__status="confirmed") | Q(
            registrations__status="unconfirmed", registrations__holds_place=True,
            registrations__hold_expires_at__gt=now,
        )))
        .order_by("starts_at")
    )
    event = get_object_or_404(
        _visible_events(request.user)
        .select_related("organization", "district", "department")
        .prefetch_related(
            "spheres", "sessions",
            Prefetch("presenting_organizations", queryset=Organization.objects.public().only("pk", "name", "slug")),
        ),
        slug=slug,
    )
    occurrences = list(upcoming.filter(event=event)[: DETAIL_OCCURRENCES + 1])
    for occurrence in occurrences:
        occurrence.places_left = (
            None if event.capacity is None else max(event.capacity - occurrence.confirmed, 0)
        )
        deadline = min(d for d in [event.registration_deadline, occurrence.starts_at] if d is not None)
        occurrence.registration_open = not occurrence.is_cancelled and not event.is_cancelled and now < deadline
    next_occurrence = occurrences[0] if occurrences else None
    context = {
        "event": event,
        "occurrences": occurrences[:DETAIL_OCCURRENCES],
        "more_occurrences": len(occurrences) > DETAIL_OCCURRENCES,
        "next_occurrence": next_occurrence,
        "is_public": event.status in (EventStatus.PUBLISHED, EventStatus.CANCELLED),
        "registration_here": event.registration_mode == RegistrationMode.HERE,
        "registration_external": event.registration_mode == RegistrationMode.EXTERNAL,
        "google_url": google_calendar_url(event),
        "location": ical.location(event) if (event.venue or event.street or event.town) else "",
        "sessions": event.sessions.all(),
        "presenting": event.presenting_organizations.all(),
        "is_training": event.kind == EventKind.TRAINING,
    }
    return render(request, "events/detail.html", context)


def _ics_response(calendar_obj, *, filename: str = "") -> HttpResponse:
    response = HttpResponse(ical.to_bytes(calendar_obj), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def event_ics(request, slug):
    event = get_object_or_404(Event.objects.public(), slug=slug)
    return _ics_response(ical.calendar_for([event], name=event.title), filename=f"{event.slug}.ics")


@require_safe
def calendar_feed(request, *, fixed_kind: str = ""):
    """The subscription feed for any filter: each matching event once, with its rule."""
    form = CalendarFilterForm(request.GET, fixed_kind=fixed_kind)
    now = timezone.now()
    in_window = calendar.overlapping(Occurrence.objects.all(), now - FEED_PAST, now + FEED_FUTURE).values("event_id")
    events = (
        Event.objects.public().filter(form.event_conditions()).filter(pk__in=in_window)
        .defer("review_reason", "image", "image_alt", "audience", "accessibility_notes")
        .order_by("starts_at", "pk")[:FEED_LIMIT]
    )
    name = _("Kalendarz wydarzeń") if not fixed_kind else _("Szkolenia")
    organizer = form.organizer_label()
    if organizer:
        name = f"{name}: {organizer}"
    response = HttpResponse(ical.feed_bytes(events, name=name), content_type="text/calendar; charset=utf-8")
    return response


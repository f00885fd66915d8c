"""The consultations an organisation took part in, for its profile, and consultation periods for the events
calendar: organizations and events sit below consultations, so their templates ask through these tags rather
than their views importing consultations."""

import datetime as dt

from django import template
from django.db.models import Q
from django.utils import timezone

from partnerstwo.consultations.models import Consultation, Stage

register = template.Library()


@register.inclusion_tag("consultations/_organization_consultations.html")
def consultations_of(organization):
    """Public consultations where the organisation's comment or written opinion counts (one query)."""
    took_part = Q(comments__organization=organization, comments__withdrawn_at__isnull=True,
                  comments__removed_at__isnull=True) | Q(
        writtenopinions__organization=organization, writtenopinions__withdrawn_at__isnull=True,
        writtenopinions__removed_at__isnull=True)
    consultations = Consultation.objects.public().filter(took_part).distinct().order_by("-starts_on", "-pk")[:50]
    return {"consultations": list(consultations)}


# The list view of the calendar shows consultations this many days ahead of its first day.
LIST_REACH_DAYS = 62


@register.inclusion_tag("consultations/_calendar_periods.html", takes_context=True)
def consultation_periods(context):
    """Consultation periods that overlap the period the events calendar shows (one query): the calendar sits in
    events, below consultations, so its template asks through this tag."""
    view, day = context.get("view"), context.get("day")
    if view == "month" and context.get("month"):
        first = context["month"]
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    elif view == "week" and context.get("week_start"):
        first, last = context["week_start"], context["week_end"]
    elif day:
        first, last = day, day + dt.timedelta(days=LIST_REACH_DAYS)
    else:
        return {"consultations": []}
    consultations = (
        Consultation.objects.public().filter(starts_on__lte=last, ends_on__gte=first)
        .select_related("department").order_by("ends_on", "pk")[:20]
    )
    return {"consultations": list(consultations), "first": first, "last": last}


HOME_COUNT = 3


@register.inclusion_tag("consultations/_home_block.html")
def open_consultations():
    """For the home page: consultations open for comments today, the soonest to close first; one query."""
    today = timezone.localdate()
    open_now = Consultation.objects.in_stage(Stage.OPEN, today).only("title", "slug", "ends_on")
    return {"consultations": list(open_now.order_by("ends_on", "pk")[:HOME_COUNT])}

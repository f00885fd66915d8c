"""The competitions' deadlines as an iCalendar feed (RFC 5545) people subscribe to.

Two VEVENTs per competition: the offer deadline (a moment) and the decision date (a whole day).
Their UIDs never change; SEQUENCE is the competition's revision, raised by every change to the
announcement, so a subscriber's calendar replaces its copy; a cancelled competition keeps its
entries with STATUS:CANCELLED. The calendar header and VTIMEZONE are every calendar's (lib.ical).
"""

import datetime as dt

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.lib.emails import absolute_url
from partnerstwo.lib.ical import UID_DOMAIN, add_timezone, calendar_header


def deadline_uid(competition) -> str:
    return f"konkurs-{competition.pk}-termin-ofert@{UID_DOMAIN}"


def decision_uid(competition) -> str:
    return f"konkurs-{competition.pk}-wybor-ofert@{UID_DOMAIN}"


def _common(vevent, competition, url: str) -> None:
    stamp = competition.changed_at or competition.updated_at or timezone.now()
    vevent.add("dtstamp", stamp.astimezone(dt.UTC))
    vevent.add("sequence", competition.revision)
    vevent.add("status", "CANCELLED" if competition.status == competition.Status.CANCELLED else "CONFIRMED")
    vevent.add("url", url)
    description = [competition.title, competition.department.name]
    if competition.status == competition.Status.CANCELLED and competition.cancellation_reason:
        description.insert(0, _("Konkurs unieważniony: %(reason)s") % {"reason": competition.cancellation_reason})
    description.append(url)
    vevent.add("description", "\n\n".join(description))
    vevent.add("categories", [_("Konkursy dotacyjne")])


def competition_vevents(competition) -> list[icalendar.Event]:
    """The competition's deadline and decision date; needs the department selected."""
    url = absolute_url(competition.get_absolute_url())
    deadline = icalendar.Event()
    deadline.add("uid", deadline_uid(competition))
    deadline.add("summary", _("Termin składania ofert: %(title)s") % {"title": competition.title})
    # No DTEND: the entry is the moment the period ends (RFC 5545 §3.6.1).
    deadline.add("dtstart", timezone.localtime(competition.offer_deadline))
    _common(deadline, competition, url)
    decision = icalendar.Event()
    decision.add("uid", decision_uid(competition))
    decision.add("summary", _("Termin wyboru ofert: %(title)s") % {"title": competition.title})
    decision.add("dtstart", competition.decision_date)
    decision.add("dtend", competition.decision_date + dt.timedelta(days=1))
    _common(decision, competition, url)
    return [deadline, decision]


def feed_bytes(competitions, *, name: str) -> bytes:
    calendar = calendar_header(name)
    for competition in competitions:
        for vevent in competition_vevents(competition):
            calendar.add_component(vevent)
    add_timezone(calendar)
    return calendar.to_ical()

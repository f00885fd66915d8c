"""Consultation periods as an iCalendar feed (RFC 5545): one all-day entry from the first to the last day of each."""

import datetime as dt

import icalendar
from django.utils.translation import gettext as _

from partnerstwo.lib.emails import absolute_url
from partnerstwo.lib.ical import UID_DOMAIN, add_timezone, calendar_header


def periods_ics(consultations) -> bytes:
    calendar = calendar_header(_("Konsultacje projektów aktów prawnych"))
    for consultation in consultations:
        page = absolute_url(consultation.get_absolute_url())
        event = icalendar.Event()
        event.add("uid", f"konsultacje-{consultation.pk}@{UID_DOMAIN}")
        event.add("dtstamp", consultation.updated_at.astimezone(dt.UTC))
        event.add("summary", _("Konsultacje: %(title)s") % {"title": consultation.title})
        event.add("dtstart", consultation.starts_on)
        event.add("dtend", consultation.ends_on + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("description", "\n".join([
            consultation.get_kind_display(),
            _("Wydział: %(department)s") % {"department": consultation.department.name},
            _("Uwagi do %(day)s włącznie.") % {"day": consultation.ends_on.strftime("%d.%m.%Y")},
            page,
        ]))
        event.add("url", page)
        calendar.add_component(event)
    add_timezone(calendar)
    return calendar.to_ical()

"""The yearly schedule as an iCalendar feed (RFC 5545): each row's planned month, and the offer deadlines of
the competitions announced from it (the same entries as in the competitions' feed)."""

import datetime as dt

import icalendar
from django.urls import reverse
from django.utils.translation import gettext as _

from partnerstwo.grants.competitions.ical import competition_vevents
from partnerstwo.grants.schedule import planning
from partnerstwo.grants.schedule.models import PlannedCompetition, ScheduleYear
from partnerstwo.lib.emails import absolute_url
from partnerstwo.lib.ical import UID_DOMAIN, add_timezone, calendar_header


def row_uid(row: PlannedCompetition) -> str:
    return f"harmonogram-{row.schedule_id}-pozycja-{row.pk}@{UID_DOMAIN}"


def ical_feed(year: ScheduleYear, rows) -> bytes:
    """The planned announcement months (all-day events spanning the whole month) and the offer deadlines
    of the competitions already announced from the schedule. `rows` come from planning.public_rows()."""
    calendar = calendar_header(_("Harmonogram otwartych konkursów ofert %(year)s") % {"year": year.year})
    page = absolute_url(_public_page(year))
    for row in rows:
        calendar.add_component(_row_event(year, row, page))
        for competition in row.competitions.all():
            # The competitions feed's own entry for the deadline: the same UID and SEQUENCE in both feeds.
            calendar.add_component(competition_vevents(competition)[0])
    add_timezone(calendar)
    return calendar.to_ical()


def _public_page(year: ScheduleYear) -> str:
    return f"{reverse('grants:schedule')}?rok={year.year}"


def _row_event(year, row, page):
    start, end = planning.month_span(year.year, row.planned_month)
    changes = list(row.changes.all())
    event = icalendar.Event()
    event.add("uid", row_uid(row))
    # Stable across requests: the stamp is the row's last change, not the time of the request.
    stamp = max([row.updated_at, *(change.changed_at for change in changes)])
    event.add("dtstamp", stamp.astimezone(dt.UTC))
    event.add("last-modified", stamp.astimezone(dt.UTC))
    event.add("sequence", len(changes))
    event.add("summary", _("Planowane ogłoszenie konkursu: %(task)s") % {"task": row.task})
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("transp", "TRANSPARENT")
    event.add("status", "CANCELLED" if row.is_withdrawn else "TENTATIVE")
    lines = [
        _("Planowany miesiąc ogłoszenia: %(month)s %(year)s. Wydarzenie obejmuje cały miesiąc, bo harmonogram "
          "nie podaje dnia ogłoszenia.") % {"month": planning.month_name(row.planned_month), "year": year.year},
        _("Wydział: %(department)s") % {"department": row.department.name},
        _("Sfera zadań publicznych: %(sphere)s") % {"sphere": row.sphere},
        _("Forma zlecenia: %(mode)s") % {"mode": row.get_mode_display()},
        _("Planowana kwota: %(amount)s") % {"amount": planning.format_amount(row.planned_amount)},
        *(planning.change_text_with_date(change) for change in changes),
        page,
    ]
    event.add("description", "\n".join(lines))
    event.add("url", page)
    return event

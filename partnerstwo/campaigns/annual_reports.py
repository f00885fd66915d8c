"""The annual-report campaign: who of the city's organisations published last year's report, the share over
time, and the reminder to those that did not (a mailing of the newsletter, sent by its workers).

What counts as published is the directory's: an annual report or financial statement for the year on the
organisation's profile (organizations.AnnualReport). The organisations counted are those the directory expects
a report from (Organization.objects.keeping_reports()). The share over time is computed from the day each
organisation added its first report for the year (AnnualReport.added_at), against today's number of
organisations: no daily job is needed, and a report deleted later no longer counts in the past either.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.lib.emails import absolute_url
from partnerstwo.newsletter import one_off
from partnerstwo.newsletter.models import Mailing
from partnerstwo.organizations.models import AnnualReport, Organization

WITHOUT = Mailing.Segment.WITHOUT_ANNUAL_REPORT
# Weeks of history shown at most (a year and a bit): older points say nothing about this campaign.
HISTORY_WEEKS = 60


def report_year(today: datetime.date | None = None) -> int:
    """The year whose report the campaign asks for: last year."""
    return (today or timezone.localdate()).year - 1


def deadline(year: int) -> datetime.date:
    """The day (ANNUAL_REPORT_DEADLINE, next year) by which the report for `year` is due."""
    month, day = settings.ANNUAL_REPORT_DEADLINE
    return datetime.date(year + 1, month, day)


def organizations():
    return Organization.objects.keeping_reports()


@dataclass(frozen=True)
class Progress:
    total: int
    published: int

    @property
    def missing(self) -> int:
        return self.total - self.published

    @property
    def percent(self) -> int:
        """The share that published, in whole per cent (rounded down: 99.6% is not yet all)."""
        return self.published * 100 // self.total if self.total else 0


def progress(year: int) -> Progress:
    expected = organizations()
    return Progress(total=expected.count(), published=expected.with_report_for(year).count())


@dataclass(frozen=True)
class Point:
    day: datetime.date
    published: int
    percent: int


def history(year: int, today: datetime.date | None = None, *, total: int | None = None) -> list[Point]:
    """The share that had published by the end of each week (Sunday) since the year ended, the last point today.

    Two queries: the first report's day of each organisation, and (unless given) the number of organisations."""
    today = today or timezone.localdate()
    if total is None:
        total = organizations().count()
    firsts = sorted(
        timezone.localtime(moment).date() for moment in
        AnnualReport.objects.filter(year=year, organization__in=organizations().values("pk"))
        .values("organization").annotate(first=Min("added_at")).values_list("first", flat=True)
    )
    start = datetime.date(year + 1, 1, 1)
    if firsts and firsts[0] < start:
        start = firsts[0]
    first_sunday = start + datetime.timedelta(days=6 - start.weekday())
    days = []
    day = first_sunday
    while day < today:
        days.append(day)
        day += datetime.timedelta(days=7)
    days = days[-(HISTORY_WEEKS - 1):] + [today] if today >= start else []
    points, index = [], 0
    for day in days:
        while index < len(firsts) and firsts[index] <= day:
            index += 1
        points.append(Point(day=day, published=index, percent=index * 100 // total if total else 0))
    return points


def reminders(year: int):
    """The reminder mailings for the year, newest first."""
    return Mailing.objects.filter(kind=Mailing.Kind.ONE_OFF, segment=WITHOUT, report_year=year)


def reminder_text(year: int) -> tuple[str, str]:
    """The subject and Markdown body a reminder starts with; the Centre may change both before sending."""
    subject = _("Przypomnienie: sprawozdanie roczne za %(year)s") % {"year": year}
    body = _(
        "Dzień dobry,\n\n"
        "w katalogu organizacji na stronie miasta nie ma jeszcze sprawozdania Państwa organizacji za rok %(year)s. "
        "Organizacje pożytku publicznego składają roczne sprawozdanie merytoryczne i finansowe do %(deadline)s; "
        "bez nich organizacja nie znajdzie się w wykazie uprawnionych do 1,5%% podatku.\n\n"
        "Sprawozdanie (plik PDF albo link) można dodać na stronie swojej organizacji w zakładce "
        "„Moje organizacje” → „Sprawozdania”: %(my)s\n\n"
        "Co i kiedy trzeba złożyć: %(campaign)s\n\n"
        "Jeśli sprawozdanie jest już opublikowane, prosimy o dodanie linku — wtedy nie wyślemy kolejnego "
        "przypomnienia."
    ) % {
        "year": year,
        "deadline": deadline(year).strftime("%d.%m.%Y"),
        "my": absolute_url(reverse("my_organizations:index")),
        "campaign": absolute_url(reverse("annual_reports:index")),
    }
    return subject, body


def prepare_reminder(year: int, *, by) -> Mailing:
    """A draft mailing to the organisations without the year's report, for the Centre to check and send in the
    mailings panel. A draft not yet sent is reused, so a second click makes no second draft."""
    with transaction.atomic():
        draft = next((mailing for mailing in reminders(year).select_for_update() if one_off.is_editable(mailing)),
                     None)
        if draft:
            return draft
        subject, body = reminder_text(year)
        return Mailing.objects.create(
            kind=Mailing.Kind.ONE_OFF, segment=WITHOUT, report_year=year, subject=subject, body=body, created_by=by,
        )

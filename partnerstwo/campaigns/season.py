"""When the 1.5% campaign runs: a season of the year, from the settings or as the Centre set it for a year.

Taxpayers designate 1.5% of their tax in the PIT return for the previous year, filed in the first months of the
year (docs: domain.md §1.6), so the default season is January to April (OPP_CAMPAIGN_FROM, OPP_CAMPAIGN_UNTIL). A
season the Centre set (OppSeason) replaces the default one of the year it starts in.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from partnerstwo.campaigns.models import OppSeason


@dataclass(frozen=True)
class Season:
    starts_on: datetime.date
    ends_on: datetime.date

    def __contains__(self, day: datetime.date) -> bool:
        return self.starts_on <= day <= self.ends_on


def _day(year: int, month_day: tuple[int, int]) -> datetime.date:
    month, day = month_day
    if (month, day) == (2, 29) and not _is_leap(year):
        day = 28
    return datetime.date(year, month, day)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def default_season(year: int) -> Season:
    """The season of the settings that starts in `year` (it may end in the next one, e.g. November to February)."""
    starts_on = _day(year, settings.OPP_CAMPAIGN_FROM)
    ends_on = _day(year, settings.OPP_CAMPAIGN_UNTIL)
    if ends_on < starts_on:
        ends_on = _day(year + 1, settings.OPP_CAMPAIGN_UNTIL)
    return Season(starts_on, ends_on)


def next_default(day: datetime.date) -> Season:
    """The next season of the settings that starts after `day` (what the campaign page announces between seasons)."""
    upcoming = default_season(day.year)
    return upcoming if upcoming.starts_on > day else default_season(day.year + 1)


def _seasons_near(day: datetime.date) -> list[Season]:
    """The seasons that may cover or precede `day`: those set by the Centre, and the defaults of this year and the
    last one that the Centre did not replace. One query."""
    rows = OppSeason.objects.filter(
        starts_on__gte=datetime.date(day.year - 1, 1, 1), starts_on__lte=datetime.date(day.year, 12, 31)
    ).values_list("starts_on", "ends_on")
    own = [Season(starts_on, ends_on) for starts_on, ends_on in rows]
    replaced = {season.starts_on.year for season in own}
    defaults = [default_season(year) for year in (day.year, day.year - 1) if year not in replaced]
    return sorted((season for season in own + defaults if season.starts_on <= day),
                  key=lambda season: season.starts_on, reverse=True)


def current(day: datetime.date | None = None) -> Season | None:
    """The season running on `day` (today), or None outside the campaign."""
    day = day or timezone.localdate()
    return next((season for season in _seasons_near(day) if day in season), None)


def latest(day: datetime.date | None = None) -> Season:
    """The running season or, between seasons, the last one that ended: what the panel's counts cover."""
    day = day or timezone.localdate()
    seasons = _seasons_near(day)
    running = next((season for season in seasons if day in season), None)
    if running:
        return running
    return seasons[0] if seasons else default_season(day.year - 1)

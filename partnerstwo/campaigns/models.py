"""The campaigns: the 1.5% campaign's seasons and the daily count of its card views.

The annual-report campaign has no table of its own: it reads the directory's annual reports and sends its
reminder as a mailing of the newsletter.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class OppSeasonQuerySet(models.QuerySet):
    def covering(self, day):
        return self.filter(starts_on__lte=day, ends_on__gte=day)


class OppSeason(models.Model):
    """A season of the 1.5% campaign the Centre set itself (longer, shorter, another month), instead of the one in
    the settings (OPP_CAMPAIGN_FROM, OPP_CAMPAIGN_UNTIL) for the year it starts in."""

    starts_on = models.DateField(_("pierwszy dzień"))
    ends_on = models.DateField(_("ostatni dzień"))
    note = models.CharField(_("uwagi"), max_length=200, blank=True)

    objects = OppSeasonQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("sezon kampanii 1,5%")
        verbose_name_plural = _("sezony kampanii 1,5%")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="opp_season_ends_after_start",
                violation_error_message=_("Ostatni dzień nie może być wcześniejszy niż pierwszy."),
            ),
        ]

    def __str__(self):
        return f"{self.starts_on:%Y-%m-%d} – {self.ends_on:%Y-%m-%d}"


class CardView(models.Model):
    """How many times an organisation's 1.5% card was opened on one day: a number, nothing about who opened it."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="opp_card_views",
    )
    day = models.DateField(_("dzień"))
    views = models.PositiveIntegerField(_("wyświetlenia"), default=0)

    class Meta:
        ordering = ["-day", "organization"]
        verbose_name = _("wyświetlenia karty 1,5%")
        verbose_name_plural = _("wyświetlenia kart 1,5%")
        constraints = [
            models.UniqueConstraint(fields=["organization", "day"], name="opp_card_view_once_per_day"),
        ]

    def __str__(self):
        return f"{self.organization_id} {self.day:%Y-%m-%d}: {self.views}"

"""The yearly report on the programme (art. 5a ust. 3): its numbers are generated (report.py) from the platform's
data; the official writes the narrative of each part (Markdown) and records when it went to the council and when
it was published in BIP."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

__all__ = ["YearReport", "REPORT_PARTS"]

# The report's parts, each with its narrative field; report.py builds the tables under each.
REPORT_PARTS = [
    ("introduction", _("Wprowadzenie")),
    ("priorities_text", _("Zadania priorytetowe")),
    ("cooperation_text", _("Formy współpracy")),
    ("indicators_text", _("Wskaźniki")),
    ("funds_text", _("Środki planowane i wydatkowane")),
    ("competitions_text", _("Otwarte konkursy ofert")),
    ("conclusions", _("Wnioski")),
]


class YearReport(models.Model):
    programme = models.ForeignKey("programme.Programme", on_delete=models.CASCADE, related_name="year_reports")
    year = models.PositiveSmallIntegerField(_("rok"))
    introduction = models.TextField(_("wprowadzenie"), blank=True)
    priorities_text = models.TextField(_("zadania priorytetowe – opis"), blank=True)
    cooperation_text = models.TextField(_("formy współpracy – opis"), blank=True)
    indicators_text = models.TextField(_("wskaźniki – omówienie"), blank=True)
    funds_text = models.TextField(_("środki – omówienie"), blank=True)
    competitions_text = models.TextField(_("konkursy – omówienie"), blank=True)
    conclusions = models.TextField(_("wnioski"), blank=True)
    submitted_to_council_on = models.DateField(_("przedłożono Radzie Miasta"), null=True, blank=True)
    published_in_bip_on = models.DateField(_("opublikowano w BIP"), null=True, blank=True)
    published_at = models.DateTimeField(_("opublikowano w serwisie"), null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["programme", "-year"]
        verbose_name = _("sprawozdanie z realizacji programu")
        verbose_name_plural = _("sprawozdania z realizacji programu")
        constraints = [
            models.UniqueConstraint(fields=["programme", "year"], name="year_report_once",
                                    violation_error_message=_("Sprawozdanie za ten rok już istnieje.")),
            models.CheckConstraint(
                condition=Q(published_in_bip_on__isnull=True) | Q(submitted_to_council_on__isnull=True)
                | Q(published_in_bip_on__gte=F("submitted_to_council_on")),
                name="year_report_bip_after_council",
                violation_error_message=_("Sprawozdanie publikuje się w BIP po przedłożeniu go Radzie."),
            ),
        ]

    def __str__(self):
        return f"{self.programme} – {self.year}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def narratives(self) -> list[tuple[str, str, str]]:
        """(field, heading, text) of each part."""
        return [(name, heading, getattr(self, name)) for name, heading in REPORT_PARTS]

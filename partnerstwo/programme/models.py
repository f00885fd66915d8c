"""The cooperation programme (art. 5a of the public-benefit act): a programme per year or for several years, its
priority tasks and the funds planned for them.

The programme's contents (the eleven sections of art. 5a ust. 4), its versions, its consultation and adoption,
the indicators of its evaluation and the yearly report build on these rows.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ProgrammeQuerySet(models.QuerySet):
    def covering(self, year: int):
        """Programmes whose period includes `year` (a multi-year programme covers each of its years)."""
        return self.filter(year_from__lte=year, year_to__gte=year)

    def adopted(self):
        return self.filter(status=Programme.Status.ADOPTED)


class Programme(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("projekt")
        CONSULTATION = "consultation", _("w konsultacjach")
        ADOPTED = "adopted", _("przyjęty")

    title = models.CharField(_("tytuł"), max_length=300)
    slug = models.SlugField(_("adres"), max_length=100, unique=True)
    year_from = models.PositiveSmallIntegerField(_("od roku"), validators=[MinValueValidator(2000)])
    year_to = models.PositiveSmallIntegerField(
        _("do roku"), validators=[MinValueValidator(2000)],
        help_text=_("Dla programu rocznego ten sam rok; program wieloletni (art. 5a ust. 2) obejmuje kilka lat."),
    )
    status = models.CharField(_("etap"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    department = models.ForeignKey(
        "city.Department", verbose_name=_("wydział odpowiedzialny"), on_delete=models.PROTECT,
        related_name="programmes",
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["-year_from", "-year_to"]
        verbose_name = _("program współpracy")
        verbose_name_plural = _("programy współpracy")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year_to__gte=models.F("year_from")), name="programme_years_in_order",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programme:detail", args=[self.slug])

    @property
    def years(self) -> range:
        return range(self.year_from, self.year_to + 1)

    @property
    def is_multi_year(self) -> bool:
        return self.year_to > self.year_from


class Priority(models.Model):
    """A priority task (zadanie priorytetowe) of the programme, within one sphere of art. 4."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="priorities")
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    sphere = models.ForeignKey(
        "city.PublicTaskSphere", verbose_name=_("sfera zadań publicznych"), on_delete=models.PROTECT,
        related_name="programme_priorities",
    )
    title = models.CharField(_("zadanie priorytetowe"), max_length=500)
    description = models.TextField(_("opis"), blank=True)

    class Meta:
        ordering = ["programme", "position", "pk"]
        verbose_name = _("zadanie priorytetowe")
        verbose_name_plural = _("zadania priorytetowe")

    def __str__(self):
        return self.title


class PlannedFunds(models.Model):
    """Money planned in the programme for one year, for a priority task or (without one) for a sphere as a whole."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="planned_funds")
    year = models.PositiveSmallIntegerField(_("rok"))
    sphere = models.ForeignKey(
        "city.PublicTaskSphere", verbose_name=_("sfera zadań publicznych"), on_delete=models.PROTECT,
        related_name="programme_funds",
    )
    priority = models.ForeignKey(
        Priority, verbose_name=_("zadanie priorytetowe"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="planned_funds",
    )
    amount = models.DecimalField(
        _("kwota (zł)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)],
    )

    class Meta:
        ordering = ["programme", "year", "sphere", "priority"]
        verbose_name = _("środki planowane")
        verbose_name_plural = _("środki planowane")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "year", "sphere", "priority"], name="programme_funds_once",
                nulls_distinct=False,
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.amount}"
from .monitoring_models import *  # noqa: E402, F403 - the indicators (issue 15)
from .report_models import *  # noqa: E402, F403 - the yearly report (issue 15)

"""The programme's evaluation method (art. 5a ust. 4 pkt 8): its indicators, each with a baseline, a target and a
source. A computed indicator names a measure of indicators.py, counted from the platform's own data; a manual one
has a value per year entered by an official (who and when are kept)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partnerstwo.programme.indicators import MEASURE_CHOICES

__all__ = ["Indicator", "IndicatorValue", "managing_condition"]


def managing_condition(user, prefix: str = "") -> Q | None:
    """Who manages a programme's indicators and report: administrators every programme, officials their own
    department's; None for anybody else (nothing)."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_administrator:
        return Q()
    if user.is_official and user.department_id:
        return Q(**{f"{prefix}department_id": user.department_id})
    return None


class IndicatorQuerySet(models.QuerySet):
    def managed_by(self, user):
        condition = managing_condition(user, "programme__")
        return self.none() if condition is None else self.filter(condition)


class Indicator(models.Model):
    class Source(models.TextChoices):
        COMPUTED = "computed", _("liczony z danych serwisu")
        MANUAL = "manual", _("wpisywany ręcznie")

    programme = models.ForeignKey("programme.Programme", on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    name = models.CharField(_("nazwa wskaźnika"), max_length=300)
    unit = models.CharField(_("jednostka"), max_length=40, blank=True)
    source = models.CharField(_("źródło danych"), max_length=20, choices=Source.choices, default=Source.COMPUTED)
    measure = models.CharField(
        _("miara"), max_length=40, choices=MEASURE_CHOICES, blank=True,
        help_text=_("Dla wskaźnika liczonego z danych serwisu: co jest liczone."),
    )
    sphere = models.ForeignKey(
        "city.PublicTaskSphere", verbose_name=_("tylko sfera"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", help_text=_("Puste: wszystkie sfery. Nie każda miara dzieli się na sfery."),
    )
    source_description = models.CharField(
        _("skąd pochodzą dane"), max_length=300, blank=True,
        help_text=_("Dla wskaźnika wpisywanego ręcznie: np. „sprawozdania wydziałów”."),
    )
    baseline = models.DecimalField(_("wartość bazowa"), max_digits=14, decimal_places=2, null=True, blank=True,
                                   validators=[MinValueValidator(0)])
    baseline_year = models.PositiveSmallIntegerField(
        _("rok wartości bazowej"), null=True, blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    target = models.DecimalField(_("wartość docelowa"), max_digits=14, decimal_places=2, null=True, blank=True,
                                 validators=[MinValueValidator(0)])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "position", "pk"]
        verbose_name = _("wskaźnik")
        verbose_name_plural = _("wskaźniki")
        constraints = [
            models.CheckConstraint(
                condition=(Q(source="computed") & ~Q(measure="")) | (Q(source="manual") & Q(measure="")),
                name="indicator_measure_when_computed",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_computed(self) -> bool:
        return self.source == self.Source.COMPUTED


class IndicatorValue(models.Model):
    """A manual indicator's value for one year, with who entered it and when."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("rok"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    value = models.DecimalField(_("wartość"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    note = models.CharField(_("uwagi"), max_length=300, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+")
    entered_at = models.DateTimeField(_("wpisano"), auto_now=True)

    class Meta:
        ordering = ["indicator", "-year"]
        verbose_name = _("wartość wskaźnika")
        verbose_name_plural = _("wartości wskaźników")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="indicator_value_once_a_year",
                                    violation_error_message=_("Wartość za ten rok jest już wpisana; zmień ją.")),
            models.CheckConstraint(condition=Q(value__gte=0), name="indicator_value_not_negative"),
        ]

    def __str__(self):
        return f"{self.year}: {self.value}"

"""The yearly schedule of open competitions: the competitions a year plans, their changes, the Team's comments."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.models import AmountField


class Mode(models.TextChoices):
    """Art. 11 ust. 1: the two forms of commissioning a public task."""

    SUPPORT = "support", _("wspieranie")
    ENTRUSTING = "entrusting", _("powierzanie")


MONTHS = [
    (number, name)
    for number, name in enumerate(
        [
            _("styczeń"),
            _("luty"),
            _("marzec"),
            _("kwiecień"),
            _("maj"),
            _("czerwiec"),
            _("lipiec"),
            _("sierpień"),
            _("wrzesień"),
            _("październik"),
            _("listopad"),
            _("grudzień"),
        ],
        start=1,
    )
]





class ScheduleYear(models.Model):
    """The open competitions planned for one year: drafted by officials, commented by the advisory body, published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("projekt")
        CONSULTATION = "consultation", _("projekt do uwag Zespołu")
        PUBLISHED = "published", _("opublikowany")

    year = models.PositiveSmallIntegerField(_("rok"), unique=True)
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    comments_until = models.DateField(_("uwagi Zespołu do"), null=True, blank=True)
    published_at = models.DateTimeField(_("opublikowano"), null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("harmonogram konkursów")
        verbose_name_plural = _("harmonogramy konkursów")

    def __str__(self):
        return str(self.year)

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_in_consultation(self) -> bool:
        """A draft handed to the advisory body, whose members comment on it until comments_until."""
        return self.status == self.Status.CONSULTATION

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class PlannedCompetition(models.Model):
    schedule = models.ForeignKey(ScheduleYear, on_delete=models.CASCADE, related_name="rows")
    department = models.ForeignKey(
        "city.Department", verbose_name=_("wydział"), on_delete=models.PROTECT, related_name="+"
    )
    task = models.CharField(_("zadanie publiczne"), max_length=500)
    sphere = models.ForeignKey(
        "city.PublicTaskSphere", verbose_name=_("sfera zadań publicznych"), on_delete=models.PROTECT, related_name="+"
    )
    mode = models.CharField(_("forma zlecenia"), max_length=20, choices=Mode.choices)
    planned_month = models.PositiveSmallIntegerField(_("planowany miesiąc ogłoszenia"), choices=MONTHS)
    planned_amount = AmountField(
        _("planowana kwota (zł)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    notes = models.TextField(_("uwagi"), blank=True)
    is_withdrawn = models.BooleanField(_("wycofany z harmonogramu"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["planned_month", "department__name", "task"]
        verbose_name = _("konkurs w harmonogramie")
        verbose_name_plural = _("konkursy w harmonogramie")

    def __str__(self):
        return self.task


class PlannedCompetitionChange(models.Model):
    """A change to a row of a published schedule, shown publicly ("moved from March to April on …")."""

    row = models.ForeignKey(PlannedCompetition, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(max_length=40)
    old_value = models.CharField(max_length=500, blank=True)
    new_value = models.CharField(max_length=500, blank=True)
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        return f"{self.field}: {self.old_value} → {self.new_value}"


class ScheduleComment(models.Model):
    """The advisory body's comment on a draft schedule (or on one row of it)."""

    schedule = models.ForeignKey(ScheduleYear, on_delete=models.CASCADE, related_name="comments")
    row = models.ForeignKey(
        PlannedCompetition, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("uwaga"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.text[:60]

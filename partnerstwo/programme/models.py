"""The cooperation programme (art. 5a of the public-benefit act): a programme per year or for several years, its
priority tasks and the funds planned for them.

The programme's contents (the eleven sections of art. 5a ust. 4), its versions, its consultation and adoption,
the indicators of its evaluation and the yearly report build on these rows. The contents are edited through
programme/editing.py (each save makes a ProgrammeVersion), the calendar of duties is programme/duties.py.

Who sees what: a programme is public once its draft went to consultation (its consultation is announced) or once
it is adopted; before that it is the department's draft, in the panel only (ProgrammeQuerySet.public).
"""

import secrets

from django.conf import settings
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

    def public(self):
        """Adopted, or in consultation with the consultation announced: a draft is the department's own."""
        return self.filter(
            models.Q(status=Programme.Status.ADOPTED)
            | models.Q(status=Programme.Status.CONSULTATION, consultation__announced_at__isnull=False)
        )

    def editable_by(self, user):
        """Officials edit their own department's programmes, administrators all; nobody else any."""
        if not user.is_authenticated:
            return self.none()
        if user.is_administrator:
            return self.all()
        if user.is_official and user.department_id:
            return self.filter(department_id=user.department_id)
        return self.none()


def document_path(instance, filename):
    return f"programme/{secrets.token_hex(8)}.pdf"


class Form(models.TextChoices):
    """Forms of cooperation of art. 5 ust. 2 (docs: domain.md §1.2); the rest is the section's free text."""

    COMMISSIONING = "commissioning", _("zlecanie realizacji zadań publicznych (powierzanie i wspieranie)")
    INFORMING = "informing", _("wzajemne informowanie się o planowanych kierunkach działalności")
    CONSULTING = "consulting", _("konsultowanie projektów aktów normatywnych z organizacjami")
    COUNCIL = "council", _("konsultowanie projektów aktów z radami działalności pożytku publicznego")
    TEAMS = "teams", _("tworzenie wspólnych zespołów o charakterze doradczym i inicjatywnym")
    LOCAL_INITIATIVE = "local_initiative", _("umowy o wykonanie inicjatywy lokalnej")
    PARTNERSHIP = "partnership", _("umowy partnerskie")


# The forms of art. 5 ust. 2 that involve money; the others are the non-financial cooperation.
FINANCIAL_FORMS = (Form.COMMISSIONING, Form.LOCAL_INITIATIVE)


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
    # The contents of art. 5a ust. 4, in Markdown (programme/contents.py names them in order).
    objectives = models.TextField(_("cel główny i cele szczegółowe"), blank=True, max_length=20000)
    principles = models.TextField(_("zasady współpracy"), blank=True, max_length=20000)
    scope = models.TextField(_("zakres przedmiotowy"), blank=True, max_length=20000)
    spheres = models.ManyToManyField(
        "city.PublicTaskSphere", verbose_name=_("sfery zadań publicznych (art. 4)"), blank=True,
        related_name="programmes",
    )
    forms = models.JSONField(_("formy współpracy (art. 5 ust. 2)"), default=list, blank=True)
    forms_text = models.TextField(_("formy współpracy – opis"), blank=True, max_length=20000)
    period = models.TextField(_("okres realizacji programu"), blank=True, max_length=20000)
    method = models.TextField(_("sposób realizacji programu"), blank=True, max_length=20000)
    funds_text = models.TextField(_("wysokość środków planowanych – opis"), blank=True, max_length=20000)
    evaluation = models.TextField(_("sposób oceny realizacji programu"), blank=True, max_length=20000)
    drafting = models.TextField(
        _("sposób tworzenia programu i przebieg konsultacji"), blank=True, max_length=20000)
    committees = models.TextField(
        _("tryb powoływania i zasady działania komisji konkursowych"), blank=True, max_length=20000)
    # The consultation of the draft (kind "programme"); its page links back (consultation.programme).
    consultation = models.OneToOneField(
        "consultations.Consultation", verbose_name=_("konsultacje projektu"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="programme", editable=False,
    )
    # A consultation held outside the platform (before it, on paper): its first day, for the calendar of duties.
    consulted_on = models.DateField(
        _("początek konsultacji przeprowadzonych poza serwisem"), null=True, blank=True,
    )
    # The adoption by the council (art. 5a ust. 1).
    resolution_number = models.CharField(_("numer uchwały"), max_length=100, blank=True)
    resolution_date = models.DateField(_("data podjęcia uchwały"), null=True, blank=True)
    resolution_document = models.FileField(
        _("uchwała (PDF)"), upload_to=document_path, blank=True, max_length=200,
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

    @property
    def is_adopted(self) -> bool:
        return self.status == self.Status.ADOPTED

    def form_labels(self) -> list[str]:
        return [str(Form(key).label) for key in Form.values if key in (self.forms or [])]


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


class ProgrammeVersion(models.Model):
    """The programme's contents as they were after one save: every section, the priority tasks and the funds, as
    text (programme/editing.snapshot), with who saved it, when and why. Versions are compared section by section."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("numer"))
    # The programme's stage when saved: the public sees the versions from the consultation on.
    status = models.CharField(_("etap"), max_length=20, choices=Programme.Status.choices)
    contents = models.JSONField(_("treść"), default=dict)
    note = models.CharField(_("opis zmiany"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("zapisał(a)"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("zapisano"))

    class Meta:
        ordering = ["programme", "-number"]
        verbose_name = _("wersja programu")
        verbose_name_plural = _("wersje programu")
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="programme_version_once")]

    def __str__(self):
        return f"{self.programme} – {self.number}"

    @property
    def is_public(self) -> bool:
        return self.status != Programme.Status.DRAFT


class DutyReminder(models.Model):
    """A reminder of one duty of the programme's calendar sent to its department (once per duty)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="duty_reminders")
    duty = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["programme", "duty", "year"], name="programme_duty_reminded_once"),
        ]

    def __str__(self):
        return f"{self.programme}: {self.duty} {self.year}"


from .monitoring_models import *  # noqa: E402, F403 - the indicators (issue 15)
from .report_models import *  # noqa: E402, F403 - the yearly report (issue 15)

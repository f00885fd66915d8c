"""The report on a public task (art. 18; docs/law.md#art-18-report): partial, when the department demands one, or final,
due 30 days after the task's end in the agreement. Part I compares the results achieved with the agreement's
planned values and describes the actions done and the deviations; part II gives the costs by line of the
agreement's table and by source, the other income and the payments from recipients; part III the statements.
Its sums are computed (reporting.py), never typed.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.agreements.models import Agreement, AgreementAction, AgreementCostLine, AgreementResult
from partnerstwo.grants.offers.models import AMOUNT, non_negative
from partnerstwo.grants.private_storage import private_storage
from partnerstwo.lib.models import AmountField


def report_path(instance, filename):
    return f"grants/reports/{instance.pk}/{secrets.token_hex(8)}.pdf"


class ReportQuerySet(models.QuerySet):
    def managed_by(self, user):
        return self.filter(agreement__in=Agreement.objects.managed_by(user).values("pk"))

    def of_representative(self, user):
        """The reports on the agreements the user's organisations are parties to (lead offerer or partner)."""
        return self.filter(agreement__in=Agreement.objects.of_representative(user).values("pk"))

    def editable_by(self, user):
        """The lead offerer's representatives, who write and hand in the report."""
        return self.filter(agreement__in=Agreement.objects.editable_by(user).values("pk"))

    def open(self):
        """Not yet handed in: being written, or returned for correction."""
        return self.filter(status__in=[Report.Status.DRAFT, Report.Status.RETURNED])

    def late(self, today):
        """Not handed in by the due day (a returned report was handed in on time)."""
        return self.filter(status=Report.Status.DRAFT, due_on__lt=today)


class Report(models.Model):
    class Kind(models.TextChoices):
        PARTIAL = "partial", _("sprawozdanie częściowe")
        FINAL = "final", _("sprawozdanie końcowe")

    class Status(models.TextChoices):
        DRAFT = "draft", _("do złożenia")
        SUBMITTED = "submitted", _("złożone, czeka na ocenę")
        RETURNED = "returned", _("zwrócone do poprawy")
        ACCEPTED = "accepted", _("przyjęte")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("rodzaj"), max_length=10, choices=Kind.choices)
    period_end = models.DateField(_("okres sprawozdawczy do"))
    due_on = models.DateField(_("termin złożenia"))
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    demanded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    # Part I.
    results_description = models.TextField(_("opis osiągniętych rezultatów wraz z liczbowym określeniem skali "
                                             "działań"), blank=True)
    actions_description = models.TextField(_("opis wykonania działań, w tym odstępstw od harmonogramu"), blank=True)
    # Part II: the spending by source; the costs by line are ReportCost rows.
    grant_spent = AmountField(_("wykorzystana dotacja (zł)"), default=0, **AMOUNT)
    own_financial = AmountField(_("wkład własny finansowy (zł)"), default=0, **AMOUNT)
    own_non_financial = AmountField(_("wkład własny niefinansowy – osobowy i rzeczowy (zł)"), default=0,
                                            **AMOUNT)
    recipient_payments = AmountField(_("świadczenia pieniężne od odbiorców zadania (zł)"), default=0,
                                             **AMOUNT)
    recipient_payments_info = models.TextField(_("informacja o świadczeniach pieniężnych pobranych od odbiorców"),
                                               blank=True)
    other_income = AmountField(_("inne przychody uzyskane przy realizacji zadania (zł)"), default=0,
                                       **AMOUNT)
    other_income_info = models.TextField(_("informacja o innych przychodach"), blank=True)
    # Part III.
    additional_info = models.TextField(_("dodatkowe informacje"), blank=True)
    statements_accepted = models.BooleanField(_("składam oświadczenia"), default=False)

    submitted_at = models.DateTimeField(_("złożono"), null=True, blank=True)
    first_submitted_at = models.DateTimeField(_("złożono po raz pierwszy"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    # The report as handed in, made at each submission (document.py), and its checksum: what was submitted is what
    # is assessed.
    pdf = models.FileField(upload_to=report_path, storage=private_storage, blank=True)
    pdf_sha256 = models.CharField(_("suma kontrolna SHA-256"), max_length=64, blank=True)
    decided_at = models.DateTimeField(_("oceniono"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    remarks = models.TextField(_("uwagi urzędu"), blank=True)
    # The scheduler's reminders, each sent once (reminders.py).
    reminded_before_at = models.DateTimeField(null=True, blank=True)
    reminded_due_at = models.DateTimeField(null=True, blank=True)
    overdue_reported_at = models.DateTimeField(null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("sprawozdanie")
        verbose_name_plural = _("sprawozdania")
        constraints = [
            *non_negative("grant_spent", "own_financial", "own_non_financial", "recipient_payments",
                          "other_income"),
            models.UniqueConstraint(fields=["agreement"], condition=Q(kind="final"), name="report_one_final"),
            models.CheckConstraint(condition=Q(status="draft") | Q(first_submitted_at__isnull=False),
                                   name="report_submitted_at"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.agreement}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def has_document(self) -> bool:
        """Handed in at least once: the PDF kept then, or for a report handed in before PDFs were kept and not
        returned since, one made on request (manage_views.pdf_response)."""
        return bool(self.pdf) or self.status in (self.Status.SUBMITTED, self.Status.ACCEPTED)


class ReportResult(models.Model):
    """A planned result of the agreement and the value achieved."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="results")
    result = models.ForeignKey(AgreementResult, on_delete=models.CASCADE, related_name="+")
    achieved_value = models.DecimalField(_("osiągnięta wartość"), max_digits=12, decimal_places=2, null=True,
                                         blank=True)
    comment = models.CharField(_("uwagi, np. przyczyny odchyleń"), max_length=1000, blank=True)

    class Meta:
        ordering = ["result__position", "result_id"]
        constraints = [*non_negative("achieved_value"),
                       models.UniqueConstraint(fields=["report", "result"], name="report_result_once")]

    def __str__(self):
        return f"{self.result_id}: {self.achieved_value}"


class ReportAction(models.Model):
    """An action of the agreement's schedule: what was done and how it departed from the plan."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="actions")
    action = models.ForeignKey(AgreementAction, on_delete=models.CASCADE, related_name="+")
    done = models.TextField(_("co zrobiono"), blank=True)
    deviations = models.TextField(_("odstępstwa od planu i ich przyczyny"), blank=True)

    class Meta:
        ordering = ["action__position", "action_id"]
        constraints = [models.UniqueConstraint(fields=["report", "action"], name="report_action_once")]

    def __str__(self):
        return self.done[:60]


class ReportCost(models.Model):
    """A cost line of the agreement's table and what was spent on it in the period."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="costs")
    line = models.ForeignKey(AgreementCostLine, on_delete=models.CASCADE, related_name="+")
    spent = AmountField(_("poniesione wydatki (zł)"), default=0, **AMOUNT)

    class Meta:
        ordering = ["line__position", "line_id"]
        constraints = [*non_negative("spent"),
                       models.UniqueConstraint(fields=["report", "line"], name="report_cost_once")]

    def __str__(self):
        return f"{self.line_id}: {self.spent}"

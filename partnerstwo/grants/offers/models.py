"""An offer submitted in an open competition, as the department registers it."""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.private_storage import private_storage


def offer_path(instance, filename):
    return f"grants/offers/{instance.competition_id}/{secrets.token_hex(8)}.pdf"


class Offer(models.Model):
    class Formal(models.TextChoices):
        PENDING = "pending", _("nieoceniona")
        PASSED = "passed", _("spełnia wymogi formalne")
        REJECTED = "rejected", _("odrzucona formalnie")

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="offers")
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organizacja"),
        on_delete=models.PROTECT,
        related_name="grant_offers",
    )
    title = models.CharField(_("tytuł zadania"), max_length=300)
    requested_amount = models.DecimalField(
        _("wnioskowana kwota (zł)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    # Outside MEDIA_ROOT: only the permission-checked view serves it (private_storage.py).
    file = models.FileField(_("oferta (PDF)"), upload_to=offer_path, storage=private_storage, blank=True)
    received_on = models.DateField(_("data wpływu"))
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    registered_at = models.DateTimeField(auto_now_add=True)
    formal_status = models.CharField(_("ocena formalna"), max_length=20, choices=Formal.choices, default=Formal.PENDING)
    formal_notes = models.TextField(_("uwagi z oceny formalnej"), blank=True)
    # The formal criteria as a checklist: {criterion id (str): met (bool)}, kept for the protocol.
    formal_checks = models.JSONField(default=dict, blank=True)
    formal_assessed_at = models.DateTimeField(_("data oceny formalnej"), null=True, blank=True)
    formal_assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_amount = models.DecimalField(
        _("kwota proponowana przez komisję (zł)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    awarded_amount = models.DecimalField(
        _("przyznana dotacja (zł)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        ordering = ["organization__name", "title"]
        verbose_name = _("oferta")
        verbose_name_plural = _("oferty")

    def __str__(self):
        return f"{self.organization}: {self.title}"

    @property
    def is_formally_assessed(self) -> bool:
        return self.formal_status != self.Formal.PENDING

    @property
    def passed_formal_assessment(self) -> bool:
        """Only an offer that meets the formal requirements is scored and given a proposed amount."""
        return self.formal_status == self.Formal.PASSED

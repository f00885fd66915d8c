"""An offer in an open competition: the offer as received (`Offer`, registered from paper by an official or
created when an online offer is submitted) and the online offer on the standard form (Dz. U. 2018 poz. 2057,
załącznik nr 1; docs/law.md#offer-form) with its parts: partners (joint offer), actions (III.4), results
(III.6), cost lines (V.A), submitted versions and correction requests. Sums and shares are never stored:
budget.py computes them from the lines.
"""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.private_storage import private_storage
from partnerstwo.lib.models import AmountField
from partnerstwo.organizations.models import Organization


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
    requested_amount = AmountField(
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
    proposed_amount = AmountField(
        _("kwota proponowana przez komisję (zł)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    # Set when the offer came through the online form: its submitted version is `file` and this is its checksum.
    online = models.OneToOneField(
        "OnlineOffer", verbose_name=_("oferta złożona online"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="received",
    )
    file_sha256 = models.CharField(_("suma kontrolna SHA-256 pliku oferty"), max_length=64, blank=True)
    awarded_amount = AmountField(
        _("przyznana dotacja (zł)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    # The committee's average (committees.evaluation.averages) as published with the results: stored then
    # (competitions/results.store_points), so the notice and the exports show what was published and read no scores.
    points = models.DecimalField(_("punkty (średnia komisji)"), max_digits=7, decimal_places=2, null=True,
                                 blank=True)

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


def version_path(instance, filename):
    return f"grants/online-offers/{instance.offer_id}/{secrets.token_hex(8)}.pdf"


AMOUNT = {"max_digits": 12, "decimal_places": 2}


def non_negative(*fields: str) -> list[models.CheckConstraint]:
    return [
        models.CheckConstraint(condition=Q(**{f"{field}__gte": 0}), name=f"%(class)s_{field}_not_negative")
        for field in fields
    ]


class OnlineOfferQuerySet(models.QuerySet):
    def of_representative(self, user):
        """Offers of the organisations the user represents: as the lead offerer or as a partner."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        represented = Organization.objects.represented_by(user).values("pk")
        return self.filter(Q(organization__in=represented) | Q(partners__organization__in=represented)).distinct()

    def editable_by(self, user):
        """Only the lead offerer's representatives write the offer; partners read and confirm."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(organization__in=Organization.objects.represented_by(user).values("pk"))


class OnlineOffer(models.Model):
    """An offer written online on the standard form. Section I comes from the competition, section II from
    the directory (snapshotted into each submitted version); the rest is here and in the related rows."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("wersja robocza")
        SUBMITTED = "submitted", _("złożona")
        WITHDRAWN = "withdrawn", _("wycofana")
        CORRECTION = "correction", _("do poprawy")

    class Payment(models.TextChoices):
        UNPAID = "unpaid", _("nieodpłatnie")
        PAID = "paid", _("odpłatnie")
        BOTH = "both", _("odpłatnie i nieodpłatnie")

    competition = models.ForeignKey(
        Competition, verbose_name=_("konkurs"), on_delete=models.PROTECT, related_name="online_offers"
    )
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("oferent"), on_delete=models.PROTECT,
        related_name="online_grant_offers",
    )
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    # Optimistic concurrency: every save checks the number the form was read at and raises it by one.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("złożono"), null=True, blank=True)

    # II.2: who explains the offer.
    contact_name = models.CharField(_("imię i nazwisko"), max_length=200, blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    contact_email = models.EmailField(_("adres e-mail"), blank=True)
    # III.1–3, III.5.
    title = models.CharField(_("tytuł zadania publicznego"), max_length=300)
    task_start = models.DateField(_("data rozpoczęcia"), null=True, blank=True)
    task_end = models.DateField(_("data zakończenia"), null=True, blank=True)
    description = models.TextField(_("syntetyczny opis zadania"), blank=True)
    results_description = models.TextField(_("opis zakładanych rezultatów"), blank=True)
    # IV.
    experience = models.TextField(_("wcześniejsza działalność oferenta"), blank=True)
    resources = models.TextField(_("zasoby kadrowe, rzeczowe i finansowe"), blank=True)
    # V.B: the amounts by source; the total of costs comes from the cost lines and the shares are computed.
    grant_amount = AmountField(_("planowana dotacja (zł)"), default=0, **AMOUNT)
    own_financial = AmountField(_("wkład własny finansowy (zł)"), default=0, **AMOUNT)
    own_non_financial = AmountField(_("wkład własny niefinansowy – osobowy i rzeczowy (zł)"), default=0,
                                            **AMOUNT)
    recipient_payments = AmountField(_("świadczenia pieniężne od odbiorców zadania (zł)"), default=0,
                                             **AMOUNT)
    # VI.
    payment = models.CharField(_("zadanie będzie wykonywane"), max_length=10, choices=Payment.choices, blank=True)
    partners_roles = models.TextField(_("działania poszczególnych oferentów i sposób ich reprezentacji"),
                                      blank=True)
    other_info = models.TextField(_("inne informacje"), blank=True)
    # VII: the two statements with alternatives, and the acceptance of the whole list (statements.py).
    tax_arrears = models.BooleanField(_("oferent zalega z należnościami podatkowymi"), default=False)
    social_insurance_arrears = models.BooleanField(_("oferent zalega ze składkami na ubezpieczenia społeczne"),
                                                   default=False)
    statements_accepted = models.BooleanField(_("składam oświadczenia z części VII"), default=False)

    objects = OnlineOfferQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("oferta online")
        verbose_name_plural = _("oferty online")
        constraints = [
            *non_negative("grant_amount", "own_financial", "own_non_financial", "recipient_payments"),
            models.CheckConstraint(
                condition=Q(task_start__isnull=True) | Q(task_end__isnull=True) | Q(task_end__gte=F("task_start")),
                name="online_offer_task_dates",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False), name="online_offer_submitted_at"
            ),
        ]

    def __str__(self):
        return f"{self.organization}: {self.title}"

    @property
    def is_joint(self) -> bool:
        return bool(self.pk) and self.partners.exists()

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def latest_version(self):
        """The version submitted last: what the committee reads."""
        return self.versions.order_by("-number").first()


class OfferPartner(models.Model):
    """A further offerer of a joint offer (art. 14 ust. 2): joins when its representative confirms."""

    offer = models.ForeignKey(OnlineOffer, on_delete=models.CASCADE, related_name="partners")
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organizacja"), on_delete=models.PROTECT, related_name="+"
    )
    # V.C: the part of the costs this partner carries; the lead offerer carries the rest (budget.py).
    cost_share = AmountField(_("koszty po stronie tego oferenta (zł)"), default=0, **AMOUNT)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    confirmed_at = models.DateTimeField(_("potwierdzono"), null=True, blank=True)

    class Meta:
        ordering = ["organization__name"]
        constraints = [
            models.UniqueConstraint(fields=["offer", "organization"], name="offer_partner_once"),
            *non_negative("cost_share"),
        ]

    def __str__(self):
        return str(self.organization)


class OfferAction(models.Model):
    """III.4: one action of the plan and schedule; its costs are the cost lines under it (V.A group I)."""

    offer = models.ForeignKey(OnlineOffer, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("nazwa działania"), max_length=300)
    description = models.TextField(_("opis"), blank=True)
    target_group = models.CharField(_("grupa docelowa"), max_length=300, blank=True)
    starts_on = models.DateField(_("od"), null=True, blank=True)
    ends_on = models.DateField(_("do"), null=True, blank=True)
    # Unverified column of the form: the part done by someone who is not a party to the agreement.
    subcontracted = models.CharField(_("zakres realizowany przez podmiot niebędący stroną umowy"), max_length=500,
                                     blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="offer_action_dates",
            ),
        ]

    def __str__(self):
        return self.name


class OfferResult(models.Model):
    """III.6: a result with its target value and how its achievement is monitored (compared in the report)."""

    offer = models.ForeignKey(OnlineOffer, on_delete=models.CASCADE, related_name="results")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("nazwa rezultatu"), max_length=300)
    target_value = models.DecimalField(_("wartość docelowa"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("jednostka"), max_length=60, blank=True)
    monitoring = models.TextField(_("sposób monitorowania i źródło informacji"), blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [*non_negative("target_value")]

    def __str__(self):
        return self.name


class CostLine(models.Model):
    """V.A: one cost. Under an action (group I, costs of the actions) or, without one, an administrative cost
    (group II). One line is one year of a multi-year task. Its value is unit cost × units (budget.py); an
    agreement copies these rows as they are."""

    offer = models.ForeignKey(OnlineOffer, on_delete=models.CASCADE, related_name="cost_lines")
    action = models.ForeignKey(OfferAction, verbose_name=_("działanie"), on_delete=models.CASCADE, null=True,
                               blank=True, related_name="cost_lines")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("rodzaj kosztu"), max_length=300)
    unit = models.CharField(_("rodzaj miary"), max_length=60)
    unit_cost = AmountField(_("koszt jednostkowy (zł)"), **AMOUNT)
    units = models.DecimalField(_("liczba jednostek"), max_digits=10, decimal_places=2)
    year = models.PositiveSmallIntegerField(_("rok realizacji"), default=1)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            *non_negative("unit_cost", "units"),
            models.CheckConstraint(condition=Q(year__gte=1), name="cost_line_year_from_one"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_administrative(self) -> bool:
        return self.action_id is None


class OfferVersion(models.Model):
    """What was submitted, as submitted: the data of every section (snapshot), the PDF and its SHA-256."""

    class Kind(models.TextChoices):
        SUBMISSION = "submission", _("złożenie oferty")
        CORRECTION = "correction", _("poprawa oferty")

    offer = models.ForeignKey(OnlineOffer, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SUBMISSION)
    submitted_at = models.DateTimeField()
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                     related_name="+")
    snapshot = models.JSONField()
    pdf = models.FileField(upload_to=version_path, storage=private_storage)
    sha256 = models.CharField(max_length=64)
    withdrawn_at = models.DateTimeField(_("wycofano"), null=True, blank=True)

    class Meta:
        ordering = ["offer", "number"]
        constraints = [models.UniqueConstraint(fields=["offer", "number"], name="offer_version_once")]

    def __str__(self):
        return f"{self.offer_id} v{self.number}"


class CorrectionRequest(models.Model):
    """Where the call allows it, the official asks for the correction of named sections by a deadline."""

    offer = models.ForeignKey(OnlineOffer, on_delete=models.CASCADE, related_name="correction_requests")
    sections = models.JSONField(_("części do poprawy"))
    note = models.TextField(_("co poprawić"))
    deadline = models.DateTimeField(_("termin poprawy"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                     related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    answered_by = models.ForeignKey(OfferVersion, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self):
        return self.note[:60]

    @property
    def is_open(self) -> bool:
        return self.answered_by_id is None

"""The agreement on a granted offer (docs/law.md#agreement) and the reports on it (art. 18, docs/law.md#art-18-report).

An agreement is drafted by an official from the offer and the decision (the amount granted); its schedule
(actions), planned results and cost table are copies of the online offer's rows, which the organisation's
representative updates when the grant is lower than requested. Its field names are the offer's, so that
offers/budget.py computes its sums and offers/checks.py checks them. A report compares what was done with
these rows.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.offers.models import AMOUNT, Offer, OfferPartner, non_negative
from partnerstwo.grants.private_storage import private_storage
from partnerstwo.lib.models import AmountField
from partnerstwo.organizations.models import Organization


def agreement_path(instance, filename):
    return f"grants/agreements/{instance.pk}/{secrets.token_hex(8)}.pdf"


class AgreementQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The officials of the competition's department and administrators."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_administrator:
            return self
        if user.is_official and user.department_id:
            return self.filter(offer__competition__department_id=user.department_id)
        return self.none()

    def of_representative(self, user):
        """Agreements the user's organisations are parties to, who read them: the lead offerer and every confirmed
        partner of a joint offer (art. 14 ust. 2). Only the lead offerer's representatives write (editable_by)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        represented = Organization.objects.represented_by(user).values("pk")
        as_partner = OfferPartner.objects.filter(organization__in=represented, confirmed_at__isnull=False)
        return self.filter(Q(offer__organization__in=represented)
                           | Q(offer__online__in=as_partner.values("offer_id")))

    def editable_by(self, user):
        """The lead offerer's representatives, who fill in the organisation's parts and send it for signature."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(offer__organization__in=Organization.objects.represented_by(user).values("pk"))


class AgreementClauses(models.Model):
    """One version of the city's wording of the agreement's clauses: the text of the framework agreement (Dz. U. 2018
    poz. 2057), which the project does not have (docs/law.md#agreement), so the city writes it. Markdown, written by
    an administrator (clauses.py). A version is never changed: a new wording is a new version, and an agreement sent
    for signature keeps the version it was made with (Agreement.clauses)."""

    number = models.PositiveIntegerField(_("wersja"), unique=True)
    text = models.TextField(_("treść postanowień"))
    note = models.CharField(_("co zmieniono"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("zapisano"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        ordering = ["-number"]
        verbose_name = _("postanowienia umowy")
        verbose_name_plural = _("wersje postanowień umowy")
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1), name="agreement_clauses_number_from_one"),
            models.CheckConstraint(condition=~Q(text=""), name="agreement_clauses_text_not_empty"),
        ]

    def __str__(self):
        return _("Postanowienia umowy, wersja %(number)s") % {"number": self.number}


class Agreement(models.Model):
    class Status(models.TextChoices):
        PREPARING = "preparing", _("w przygotowaniu")
        READY = "ready", _("gotowa do podpisu")
        SIGNED = "signed", _("podpisana")

    offer = models.OneToOneField(Offer, verbose_name=_("oferta"), on_delete=models.PROTECT, related_name="agreement")
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.PREPARING)
    # Optimistic concurrency, as in the online offer: every save checks the number the form was read at.
    version = models.PositiveIntegerField(default=1)
    number = models.CharField(_("numer umowy"), max_length=60, blank=True)
    place = models.CharField(_("miejsce zawarcia umowy"), max_length=100, blank=True)
    # The parties' representatives: who signs for the city and for the organisation (names and functions).
    city_representatives = models.TextField(_("w imieniu miasta (imię, nazwisko i funkcja)"), blank=True)
    organization_representatives = models.TextField(_("w imieniu organizacji (imię, nazwisko i funkcja)"),
                                                    blank=True)
    title = models.CharField(_("tytuł zadania publicznego"), max_length=300)
    task_start = models.DateField(_("data rozpoczęcia"))
    task_end = models.DateField(_("data zakończenia"))
    amount = AmountField(_("kwota dotacji (zł)"), **AMOUNT)
    requested_amount = AmountField(_("wnioskowana kwota (zł)"), **AMOUNT)
    # V.B as updated for the agreement; the grant is `amount` (grant_amount below).
    own_financial = AmountField(_("wkład własny finansowy (zł)"), default=0, **AMOUNT)
    own_non_financial = AmountField(_("wkład własny niefinansowy – osobowy i rzeczowy (zł)"), default=0,
                                            **AMOUNT)
    recipient_payments = AmountField(_("świadczenia pieniężne od odbiorców zadania (zł)"), default=0,
                                             **AMOUNT)
    bank_account = models.CharField(_("numer rachunku bankowego (IBAN)"), max_length=34, blank=True)
    bank_name = models.CharField(_("nazwa banku"), max_length=200, blank=True)

    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    drafted_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    ready_at = models.DateTimeField(_("przekazano do podpisu"), null=True, blank=True)
    # The document for signature, fixed when it is sent for signature, and its checksum.
    pdf = models.FileField(upload_to=agreement_path, storage=private_storage, blank=True)
    pdf_sha256 = models.CharField(_("suma kontrolna SHA-256"), max_length=64, blank=True)
    # The city's clauses in the version the document for signature was made with; while the agreement is being
    # prepared it shows the current version (clauses.of).
    clauses = models.ForeignKey(AgreementClauses, verbose_name=_("postanowienia umowy"), on_delete=models.PROTECT,
                                null=True, blank=True, related_name="agreements")
    signed_on = models.DateField(_("data zawarcia umowy"), null=True, blank=True)
    signature_recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                              blank=True, related_name="+")
    signature_recorded_at = models.DateTimeField(_("podpisanie odnotowano"), null=True, blank=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-drafted_at", "-id"]
        verbose_name = _("umowa")
        verbose_name_plural = _("umowy")
        constraints = [
            *non_negative("amount", "requested_amount", "own_financial", "own_non_financial", "recipient_payments"),
            models.CheckConstraint(condition=Q(task_end__gte=F("task_start")), name="agreement_task_dates"),
            models.CheckConstraint(
                condition=~Q(status="signed") | Q(signed_on__isnull=False), name="agreement_signed_on"
            ),
        ]

    def __str__(self):
        return self.title

    # The names budget.compute and checks.sums read on an offer.
    @property
    def grant_amount(self):
        return self.amount

    @property
    def organization(self):
        return self.offer.organization

    @property
    def competition(self):
        return self.offer.competition

    @property
    def is_lower_than_requested(self) -> bool:
        return self.amount < self.requested_amount

    @property
    def is_signed(self) -> bool:
        return self.status == self.Status.SIGNED


class AgreementAction(models.Model):
    """An action of the schedule (the offer's III.4, as updated for the agreement)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("nazwa działania"), max_length=300)
    description = models.TextField(_("opis"), blank=True)
    target_group = models.CharField(_("grupa docelowa"), max_length=300, blank=True)
    starts_on = models.DateField(_("od"), null=True, blank=True)
    ends_on = models.DateField(_("do"), null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="agreement_action_dates",
            ),
        ]

    def __str__(self):
        return self.name


class AgreementResult(models.Model):
    """A planned result with its target value (the offer's III.6): the report gives the value achieved."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="results")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("nazwa rezultatu"), max_length=300)
    target_value = models.DecimalField(_("wartość docelowa"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("jednostka"), max_length=60, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [*non_negative("target_value")]

    def __str__(self):
        return self.name


class AgreementCostLine(models.Model):
    """A cost of the agreement's table (the offer's V.A): under an action, or administrative without one."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="cost_lines")
    action = models.ForeignKey(AgreementAction, verbose_name=_("działanie"), on_delete=models.CASCADE, null=True,
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
            models.CheckConstraint(condition=Q(year__gte=1), name="agreement_cost_line_year_from_one"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_administrative(self) -> bool:
        return self.action_id is None

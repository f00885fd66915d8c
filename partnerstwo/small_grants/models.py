"""Small grants outside a competition (art. 19a of the Act; docs/law.md#art-19a-small-grants)."""

import datetime as dt
import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.models import AmountField
from partnerstwo.lib.publication import PublishedInThreePlaces

# Art. 19a ust. 1 pkt 2: the task lasts at most 90 days (procedure.check_task_dates names it to the user).
MAX_TASK_DAYS = 90


def small_grant_path(instance, filename):
    return f"grants/small/{secrets.token_hex(8)}.pdf"


class SmallGrantOfferQuerySet(models.QuerySet):
    def public(self):
        """What anyone sees: offers published for comments and decided ones (never one merely received)."""
        return self.exclude(status=SmallGrantOffer.Status.RECEIVED)

    def editable_by(self, user):
        """Officials act on their own department's offers, administrators on all; nobody else on any."""
        if not user.is_authenticated:
            return self.none()
        if user.is_administrator:
            return self.all()
        if user.is_official and user.department_id:
            return self.filter(department_id=user.department_id)
        return self.none()


class SmallGrantOffer(PublishedInThreePlaces):
    """Art. 19a: an offer received outside a competition, published for comments, then accepted or rejected.

    Ust. 3: it is published in BIP, on the notice board and on the website (PublishedInThreePlaces);
    published_on is the last of the three days, from which the 7 days for comments count.

    The rules (amount, duration, publication deadline, comment period, yearly caps) are in procedure.py.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("wpłynęła")
        PUBLISHED = "published", _("opublikowana do uwag")
        ACCEPTED = "accepted", _("przyjęta – umowa do zawarcia")
        REJECTED = "rejected", _("nieprzyjęta")

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organizacja"),
        on_delete=models.PROTECT,
        related_name="small_grant_offers",
    )
    department = models.ForeignKey(
        "city.Department", verbose_name=_("wydział"), on_delete=models.PROTECT, related_name="+"
    )
    sphere = models.ForeignKey(
        "city.PublicTaskSphere", verbose_name=_("sfera zadań publicznych"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("tytuł zadania"), max_length=300)
    summary = models.TextField(_("opis zadania"))
    amount = AmountField(
        _("wnioskowana kwota (zł)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    task_start = models.DateField(_("początek realizacji"))
    task_end = models.DateField(_("koniec realizacji"))
    received_on = models.DateField(_("data wpływu oferty"))
    file = models.FileField(_("oferta (PDF)"), upload_to=small_grant_path, blank=True)
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    published_on = models.DateField(_("opublikowano we wszystkich trzech miejscach"), null=True, blank=True)
    comments_until = models.DateField(_("uwagi do"), null=True, blank=True)
    decision_reason = models.TextField(_("uzasadnienie decyzji"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # When the department was reminded of the publication deadline and of the decision due (once each).
    publication_reminded_at = models.DateTimeField(null=True, blank=True)
    decision_reminded_at = models.DateTimeField(null=True, blank=True)

    objects = SmallGrantOfferQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("oferta w trybie art. 19a")
        verbose_name_plural = _("oferty w trybie art. 19a")
        constraints = [
            # Art. 19a ust. 1 pkt 1: at most 10 000 zł (the form says so first, citing the article).
            models.CheckConstraint(
                condition=Q(amount__gt=0) & Q(amount__lte=10000), name="small_grant_amount_within_art_19a"
            ),
            models.CheckConstraint(condition=Q(task_end__gte=models.F("task_start")), name="small_grant_task_dates"),
            # Art. 19a ust. 1 pkt 2: at most MAX_TASK_DAYS days, the first and the last included.
            models.CheckConstraint(
                condition=Q(task_end__lte=models.F("task_start") + dt.timedelta(days=MAX_TASK_DAYS - 1)),
                name="small_grant_task_within_art_19a",
            ),
            models.CheckConstraint(
                condition=Q(status="received") | Q(published_on__isnull=False, comments_until__isnull=False),
                name="small_grant_published_has_dates",
            ),
            # Art. 19a ust. 3: published in all three places; the comment period counts from the last of them.
            models.CheckConstraint(
                condition=Q(published_on__isnull=True) | (
                    Q(bip_published_on__isnull=False, notice_board_published_on__isnull=False,
                      website_published_on__isnull=False)
                    & Q(bip_published_on__lte=models.F("published_on"))
                    & Q(notice_board_published_on__lte=models.F("published_on"))
                    & Q(website_published_on__lte=models.F("published_on"))
                ),
                name="small_grant_published_in_three_places",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("small_grants:detail", args=[self.pk])

    @property
    def is_decided(self) -> bool:
        return self.status in (self.Status.ACCEPTED, self.Status.REJECTED)

    @property
    def is_public(self) -> bool:
        """Shown on the site from its publication for comments on, decided or not (as in public())."""
        return self.status != self.Status.RECEIVED

    @property
    def is_out_for_comments(self) -> bool:
        """Published for comments and not yet decided (the comment period may be over)."""
        return self.status == self.Status.PUBLISHED


class SmallGrantCommentQuerySet(models.QuerySet):
    def confirmed(self):
        """The comments that count: their authors confirmed the address."""
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_older_than(self, cutoff):
        return self.filter(confirmed_at__isnull=True, created_at__lt=cutoff)


class SmallGrantComment(models.Model):
    """Art. 19a ust. 4: anyone may comment within 7 days; counted only once confirmed by e-mail."""

    offer = models.ForeignKey(SmallGrantOffer, on_delete=models.CASCADE, related_name="comments")
    author_name = models.CharField(_("imię i nazwisko lub nazwa"), max_length=200)
    email = models.EmailField(_("e-mail"))
    text = models.TextField(_("uwaga"))
    language = models.CharField(_("język"), max_length=5, default="pl")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = SmallGrantCommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.author_name}: {self.text[:60]}"

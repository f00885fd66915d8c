"""Electronic distribution: who receives what (recipients, topics, consent) and what was sent (mailings, deliveries).

A recipient is either a person who subscribed at /newsletter/ (double opt-in) or an organisation
whose contact address was confirmed when it joined the directory. Addresses that only came from
imports are never recipients (docs/law.md#pke-art-398-no-mail-to-imported-addresses).
A mailing is rows: one delivery per recipient, each ending as sent, failed or uncertain (Delivery's
docstring has the state machine, worker.py follows it).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from partnerstwo.organizations.models import Organization


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Topic(models.TextChoices):
    EVENTS_DIGEST = "events_digest", _("cotygodniowy przegląd wydarzeń (na 14 dni)")
    EVENT_NOTICES = "event_notices", _("nowe i zmienione wydarzenia na bieżąco")
    TRAININGS = "trainings", _("szkolenia")
    GRANTS = "grants", _("konkursy dotacyjne")
    GRANT_REMINDERS = "grant_reminders", _("przypomnienia o terminach konkursów (7 dni i 1 dzień przed)")
    CONSULTATIONS = "consultations", _("konsultacje projektów aktów prawnych")
    NEWS = "news", _("aktualności")
    POSITIONS = "positions", _("stanowiska i opinie Zespołu")
    BULLETIN = "bulletin", _("biuletyn miejski (nowe wydania, zwykle raz na kwartał)")


class RecipientQuerySet(models.QuerySet):
    def active(self):
        """Confirmed and not unsubscribed, and for an organisation agreed to by a representative:
        the only recipients any mailing reaches."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True).filter(
            Q(kind=Recipient.Kind.SUBSCRIBER) | Q(agreed_at__isnull=False)
        )

    def with_topic(self, topic: str):
        return self.filter(topics__topic=topic)

    def subscribers(self):
        return self.filter(kind=Recipient.Kind.SUBSCRIBER)

    def organizations(self):
        return self.filter(kind=Recipient.Kind.ORGANIZATION)

    def of_user(self, user):
        """A person's own subscriptions: linked to the account, or to the account's address."""
        if not user.is_authenticated:
            return self.none()
        return self.subscribers().filter(Q(user=user) | Q(email=user.email.lower()))

    def matching(self, *, sphere_ids=(), district_ids=()):
        """Recipients interested in an item of these spheres/districts; no choice means "all of them".

        An organisation that chose no spheres is matched by its own spheres from the directory
        (and by every sphere when the directory lists none). EXISTS rather than joins adds no duplicate rows.
        """
        queryset = self
        if sphere_ids:
            chosen = Recipient.spheres.through.objects.filter(recipient_id=OuterRef("pk"))
            own = Organization.spheres.through.objects.filter(organization_id=OuterRef("organization_id"))
            # A subscriber has no organisation, so `own` is empty for it and "chose none" means all.
            queryset = queryset.filter(
                Exists(chosen.filter(publictasksphere_id__in=sphere_ids))
                | (~Exists(chosen) & (~Exists(own) | Exists(own.filter(publictasksphere_id__in=sphere_ids))))
            )
        if district_ids:
            chosen = Recipient.districts.through.objects.filter(recipient_id=OuterRef("pk"))
            queryset = queryset.filter(~Exists(chosen) | Exists(chosen.filter(district_id__in=district_ids)))
        # Callers may have joined the topics already (several topics: a row each); keep one per recipient.
        return queryset.distinct()


class Recipient(models.Model):
    class Kind(models.TextChoices):
        SUBSCRIBER = "subscriber", _("subskrybent")
        ORGANIZATION = "organization", _("organizacja")

    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices, default=Kind.SUBSCRIBER)
    # Stored lower-cased: one address is one recipient of its kind.
    email = models.EmailField(_("adres e-mail"), max_length=254)
    organization = models.OneToOneField(
        "organizations.Organization",
        verbose_name=_("organizacja"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mailing_recipient",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("konto"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsletter_recipients",
    )
    language = models.CharField(_("język"), max_length=8, choices=settings.LANGUAGES, default="pl")
    spheres = models.ManyToManyField(
        "city.PublicTaskSphere",
        verbose_name=_("sfery zadań publicznych"),
        blank=True,
        related_name="+",
        help_text=_("Bez wyboru: wszystkie sfery."),
    )
    districts = models.ManyToManyField(
        "city.District",
        verbose_name=_("osiedla"),
        blank=True,
        related_name="+",
        help_text=_("Bez wyboru: całe miasto."),
    )
    # Changing the token revokes every link sent before (preferences, unsubscribe).
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("zapisano"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("potwierdzono"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("wypisano"), null=True, blank=True)
    # Organisations only: when a representative agreed, for the organisation, to receive mailings (with a
    # ConsentRecord as proof). Until then, and after a withdrawal, the organisation is not mailed.
    agreed_at = models.DateTimeField(_("zgoda organizacji"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RecipientQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("odbiorca")
        verbose_name_plural = _("odbiorcy")
        constraints = [
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(kind="subscriber"),
                name="recipient_one_subscription_per_address",
                violation_error_message=_("Ten adres jest już zapisany."),
            ),
            models.CheckConstraint(
                condition=Q(kind="subscriber", organization__isnull=True)
                | Q(kind="organization", organization__isnull=False),
                name="recipient_organization_matches_kind",
            ),
        ]
        indexes = [models.Index(fields=["confirmed_at", "unsubscribed_at"], name="recipient_active")]

    def __str__(self):
        return self.email

    @property
    def is_active(self) -> bool:
        agreed = self.kind == self.Kind.SUBSCRIBER or self.agreed_at is not None
        return self.confirmed_at is not None and self.unsubscribed_at is None and agreed

    def topic_set(self) -> set[str]:
        return {row.topic for row in self.topics.all()}


class RecipientTopic(models.Model):
    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="topics")
    topic = models.CharField(_("temat"), max_length=30, choices=Topic.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recipient", "topic"], name="recipient_topic_once")]
        indexes = [models.Index(fields=["topic", "recipient"], name="recipient_topic_lookup")]

    def __str__(self):
        return self.get_topic_display()


class ConsentRecord(models.Model):
    """Proof of consent (RODO art. 7 ust. 1): what text, when, from where, and when it was confirmed or withdrawn.

    Kept when the recipient changes preferences or leaves, so that the controller can show what happened.
    """

    recipient = models.ForeignKey(Recipient, on_delete=models.SET_NULL, null=True, related_name="consents")
    email = models.EmailField(_("adres e-mail"))
    text_version = models.CharField(_("wersja treści zgody"), max_length=20)
    text = models.TextField(_("treść zgody"))
    given_at = models.DateTimeField(_("wyrażono"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("adres IP"), null=True, blank=True)
    user_agent = models.CharField(_("przeglądarka"), max_length=300, blank=True)
    confirmed_at = models.DateTimeField(_("potwierdzono"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("wycofano"), null=True, blank=True)
    # An organisation's consent is given by one of its representatives; who, while their account exists.
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("w imieniu organizacji wyraził(a)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("zgoda")
        verbose_name_plural = _("zgody")

    def __str__(self):
        return f"{self.email} ({self.text_version})"


class SuppressedAddress(models.Model):
    """An address the mail server refused permanently: skipped by every later mailing until staff lift it."""

    email = models.EmailField(_("adres e-mail"), unique=True)
    reason = models.TextField(_("powód"))
    created_at = models.DateTimeField(_("od"), auto_now_add=True)
    delivery = models.ForeignKey("Delivery", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("adres wstrzymany")
        verbose_name_plural = _("adresy wstrzymane")

    def __str__(self):
        return self.email


class Mailing(models.Model):
    class Kind(models.TextChoices):
        ONE_OFF = "one_off", _("wysyłka przygotowana przez Centrum")
        DIGEST = "digest", _("przegląd wydarzeń")
        ALERT = "alert", _("powiadomienie")

    class Status(models.TextChoices):
        DRAFT = "draft", _("szkic")
        SCHEDULED = "scheduled", _("zaplanowana")
        SENDING = "sending", _("wysyłana")
        DONE = "done", _("wysłana")
        CANCELLED = "cancelled", _("anulowana")

    class Segment(models.TextChoices):
        ALL_ORGANIZATIONS = "all_organizations", _("wszystkie organizacje")
        TOPIC = "topic", _("subskrybenci tematu")
        SPHERE = "sphere", _("sfera zadań publicznych")
        DISTRICT = "district", _("osiedle")
        TARGET_GROUP = "target_group", _("grupa odbiorców organizacji")
        TEAM_GROUP = "team_group", _("członkowie grupy branżowej lub zespołu roboczego")
        WITHOUT_ANNUAL_REPORT = "without_annual_report", _("organizacje bez sprawozdania rocznego za rok")

    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices, default=Kind.ONE_OFF)
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    subject = models.CharField(_("temat wiadomości"), max_length=200)
    body = models.TextField(_("treść"), blank=True, help_text=_("Można używać Markdown."))

    # Who receives a one-off mailing; alerts and digests choose recipients by topic.
    segment = models.CharField(_("odbiorcy"), max_length=30, choices=Segment.choices, blank=True)
    topic = models.CharField(_("temat"), max_length=30, choices=Topic.choices, blank=True)
    sphere = models.ForeignKey(
        "city.PublicTaskSphere",
        verbose_name=_("sfera"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    district = models.ForeignKey(
        "city.District", verbose_name=_("osiedle"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    target_group = models.ForeignKey(
        "organizations.TargetGroup",
        verbose_name=_("grupa odbiorców"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    team_group = models.ForeignKey(
        "team.Group",
        verbose_name=_("grupa lub zespół roboczy"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    # The year whose annual report the organisations of the "without annual report" segment have not published.
    report_year = models.PositiveSmallIntegerField(_("rok sprawozdania"), null=True, blank=True)

    # Digests: the first day of the 14 days covered. Alerts: what the alert is about (see alerts.py).
    period_start = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=40, blank=True)
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source_version = models.CharField(max_length=60, blank=True)

    scheduled_for = models.DateTimeField(_("wyślij o"), null=True, blank=True)
    # The next batch may not be claimed before this moment: the sending rate for all workers together.
    next_batch_at = models.DateTimeField(null=True, blank=True)
    # A worker's heartbeat (each batch it claims): recovery starts a new worker only when it is old.
    workers_seen_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("przygotował(a)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    started_at = models.DateTimeField(_("rozpoczęto wysyłkę"), null=True, blank=True)
    finished_at = models.DateTimeField(_("zakończono wysyłkę"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("wysyłka")
        verbose_name_plural = _("wysyłki")
        constraints = [
            # An alert about one version of one item, and a digest for one fortnight, exist once.
            models.UniqueConstraint(
                fields=["source", "source_id", "source_version"],
                condition=Q(kind="alert"),
                name="mailing_alert_once",
            ),
            models.UniqueConstraint(fields=["period_start"], condition=Q(kind="digest"), name="mailing_digest_once"),
        ]
        indexes = [models.Index(fields=["status", "scheduled_for"], name="mailing_due")]

    def __str__(self):
        return self.subject

    @property
    def is_scheduled(self) -> bool:
        """Waiting for scheduled_for: staff may still move the time or cancel it (one_off.cancel)."""
        return self.status == self.Status.SCHEDULED

    @property
    def is_one_off(self) -> bool:
        """Written by the Centre (digests and alerts are put together from the site's content)."""
        return self.kind == self.Kind.ONE_OFF


class Delivery(models.Model):
    """One message of a mailing to one address, and how far it got.

    queued → claimed (in a worker's batch) → sending (handed to SMTP) → sent; or retrying (temporary
    SMTP error, back to the queue at next_attempt_at) or failed (permanent error, with the reason).
    A claimed row whose worker died goes back to the queue; a sending row whose worker died becomes
    uncertain, because SMTP cannot tell whether the server took the message.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("w kolejce")
        CLAIMED = "claimed", _("w paczce do wysłania")
        SENDING = "sending", _("wysyłana")
        SENT = "sent", _("wysłana")
        RETRYING = "retrying", _("ponowienie")
        FAILED = "failed", _("niedostarczona")
        UNCERTAIN = "uncertain", _("niepewna")
        SKIPPED = "skipped", _("pominięta")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    recipient = models.ForeignKey(
        Recipient, on_delete=models.SET_NULL, null=True, blank=True, related_name="deliveries"
    )
    email = models.EmailField(_("adres e-mail"))
    language = models.CharField(max_length=8, default="pl")
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("próby"), default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=64, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("ostatni błąd"), blank=True)
    sent_at = models.DateTimeField(_("wysłano"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("doręczenie")
        verbose_name_plural = _("doręczenia")
        constraints = [models.UniqueConstraint(fields=["mailing", "email"], name="delivery_once_per_address")]
        indexes = [
            # Claiming reads the next rows in this order (queued, then due retries): an index range scan,
            # however many of the mailing's rows were already sent.
            models.Index(fields=["mailing", "status", "next_attempt_at", "id"], name="delivery_claimable"),
            models.Index(fields=["status", "lease_until"], name="delivery_leases"),
        ]

    def __str__(self):
        return f"{self.email}: {self.get_status_display()}"


class AlertCursor(models.Model):
    """How far the alerts have looked at one source: the next look asks only for what changed since."""

    source = models.CharField(max_length=40, unique=True)
    checked_until = models.DateTimeField()

    def __str__(self):
        return f"{self.source} @ {self.checked_until:%Y-%m-%d %H:%M}"

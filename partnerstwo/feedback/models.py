"""Feedback about the site's pages: a message counts only after its sender confirms the address.

A message starts unconfirmed; the link in the confirmation e-mail (a signed, dated token, so
nothing secret is stored) moves it to "new", and only then does it reach the staff inbox.
Unconfirmed messages are deleted after FEEDBACK_CONFIRMATION_DAYS (`manage.py expire_feedback`).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.i18n import in_active_language
from partnerstwo.lib.signing import make_token, read_token

MESSAGE_MAX_LENGTH = 5000
PAGE_MAX_LENGTH = 500
CONFIRMATION_SALT = "partnerstwo.feedback.confirm"


def local_path_or_blank(value: str | None) -> str:
    """The page a message is about: a path on this site ("/misja-i-cele/"), anything else is dropped.

    The value comes from ?strona= and is shown to staff as a link, so an absolute or
    protocol-relative address (https://evil.example.org, //evil…, /\\evil…) must never pass.
    """
    value = (value or "").strip()
    if not value.startswith("/") or value.startswith("//") or len(value) > PAGE_MAX_LENGTH:
        return ""
    if "\\" in value or any(ord(char) < 32 or ord(char) == 127 for char in value):
        return ""
    if not url_has_allowed_host_and_scheme(value, allowed_hosts=None):
        return ""
    return value


class FeedbackCategory(models.Model):
    """What a message is about; the list is edited by staff in the admin."""

    name = models.CharField(_("nazwa"), max_length=100, unique=True)
    name_en = models.CharField(_("nazwa (po angielsku)"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    is_active = models.BooleanField(
        _("aktywna"), default=True, help_text=_("Nieaktywnej kategorii nie można wybrać w formularzu.")
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("kategoria uwag")
        verbose_name_plural = _("kategorie uwag")

    def __str__(self):
        return in_active_language(self.name, self.name_en)


class FeedbackMessageQuerySet(models.QuerySet):
    def confirmed(self):
        """Messages whose sender confirmed the address: the only ones staff see."""
        return self.exclude(status=FeedbackMessage.Status.UNCONFIRMED)

    def inbox(self):
        return self.confirmed().select_related("category").order_by("-confirmed_at", "-pk")

    def expired(self, now=None):
        """Unconfirmed messages whose confirmation link can no longer work."""
        now = now or timezone.now()
        cutoff = now - timedelta(days=settings.FEEDBACK_CONFIRMATION_DAYS)
        return self.filter(status=FeedbackMessage.Status.UNCONFIRMED, created_at__lt=cutoff)


class FeedbackMessage(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("niepotwierdzona")
        NEW = "new", _("nowa")
        ANSWERED = "answered", _("z odpowiedzią")
        CLOSED = "closed", _("zamknięta")

    # The statuses staff move a confirmed message between.
    HANDLING_STATUSES = (Status.NEW, Status.ANSWERED, Status.CLOSED)

    category = models.ForeignKey(
        FeedbackCategory, verbose_name=_("kategoria"), on_delete=models.PROTECT, related_name="messages"
    )
    message = models.TextField(_("treść"), max_length=MESSAGE_MAX_LENGTH)
    email = models.EmailField(_("adres e-mail"))
    page = models.CharField(_("strona"), max_length=PAGE_MAX_LENGTH, blank=True)
    language = models.CharField(_("język"), max_length=5, default="pl")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED, db_index=True
    )
    created_at = models.DateTimeField(_("wysłano"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("potwierdzono"), null=True, blank=True)
    staff_note = models.TextField(_("notatka zespołu"), blank=True, max_length=5000)

    objects = FeedbackMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uwaga")
        verbose_name_plural = _("uwagi")
        constraints = [
            models.CheckConstraint(
                condition=(Q(status="unconfirmed") & Q(confirmed_at__isnull=True))
                | (~Q(status="unconfirmed") & Q(confirmed_at__isnull=False)),
                name="feedback_confirmed_at_matches_status",
            ),
        ]

    def __str__(self):
        return f"{self.category} – {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_confirmed(self) -> bool:
        return self.status != self.Status.UNCONFIRMED

    def confirmation_token(self) -> str:
        return make_token(self.pk, salt=CONFIRMATION_SALT)

    @classmethod
    def from_confirmation_token(cls, token: str) -> "FeedbackMessage | None":
        """The message a confirmation link names, or None if the link is forged, expired or gone."""
        pk = read_token(token, salt=CONFIRMATION_SALT, max_age=timedelta(days=settings.FEEDBACK_CONFIRMATION_DAYS))
        if pk is None:
            return None
        return cls.objects.select_related("category").filter(pk=pk).first()

    def confirm(self) -> bool:
        """Move an unconfirmed message to the inbox; False if it was already confirmed.

        A conditional UPDATE, so two clicks at the same moment confirm (and notify) once.
        """
        now = timezone.now()
        updated = FeedbackMessage.objects.filter(pk=self.pk, status=self.Status.UNCONFIRMED).update(
            status=self.Status.NEW, confirmed_at=now
        )
        if updated:
            self.status, self.confirmed_at = self.Status.NEW, now
        return bool(updated)

"""Organisations' news ("Z życia organizacji"): short news a representative writes about their organisation's
work, shown only after the Centre's review (review.py), on the organisation's profile, in the common list and
feeds, and in the newsletter's news alerts (newsletter/alert_sources.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.organizations.models import Organization


def can_review(user) -> bool:
    """The Centre's staff review the news: officials and administrators."""
    return user.is_authenticated and user.is_active and (user.is_official or user.is_administrator)


class Status(models.TextChoices):
    PENDING = "pending", _("czeka na ocenę")
    RETURNED = "returned", _("zwrócona do poprawy")
    PUBLISHED = "published", _("opublikowana")


class PostQuerySet(models.QuerySet):
    def published(self):
        # Only organisations still shown in the directory speak in the common list.
        return self.filter(status=Status.PUBLISHED, organization__in=Organization.objects.public())

    def matching(self, *, sphere="", district=""):
        """The list's filters, by the organisation's spheres and district; an empty value does not filter."""
        qs = self
        if sphere:
            qs = qs.filter(organization__spheres__slug=sphere)
        if district:
            qs = qs.filter(organization__district__slug=district)
        return qs.distinct() if sphere else qs

    def newest(self):
        return self.order_by("-published_at", "-pk")

    def for_list(self):
        return self.select_related("organization")

    def written_by(self, user):
        """What a representative sees and edits: the news of the organisations they represent."""
        return self.filter(organization__in=Organization.objects.represented_by(user))


class Post(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name=_("organizacja"), on_delete=models.CASCADE, related_name="news_posts",
    )
    title = models.CharField(_("tytuł"), max_length=200)
    body = models.TextField(_("treść"), help_text=_("Można używać Markdown."))
    image = models.ImageField(_("zdjęcie"), upload_to="orgnews/", blank=True)
    image_alt = models.CharField(_("opis zdjęcia (tekst alternatywny)"), max_length=200, blank=True)
    link = models.URLField(_("link"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    review_reason = models.TextField(_("uwagi Centrum"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    published_at = models.DateTimeField(_("opublikowano"), null=True, blank=True)
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zaktualizowano"), auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("wiadomość organizacji")
        verbose_name_plural = _("wiadomości organizacji")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False), name="orgnews_published_has_date",
            ),
            models.CheckConstraint(condition=Q(image="") | ~Q(image_alt=""), name="orgnews_image_has_alt"),
        ]
        indexes = [models.Index(fields=["status", "-published_at"], name="orgnews_published_newest")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("orgnews:detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

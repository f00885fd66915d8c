"""The good-practice library: guides, standards, model documents, checklists and training recordings.

The Centre publishes its own entries at once; a representative proposes one from their organisation's
work, and the Centre reviews it (published, or returned with what to improve). See review.py.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.models import FoldedSearchModel
from partnerstwo.lib.private_storage import private_storage
from partnerstwo.lib.text import fold, search_terms
from partnerstwo.organizations.models import Organization


class Topic(models.Model):
    """What a practice is about beyond the statutory spheres (reporting, volunteering, …): reference data."""

    slug = models.SlugField(_("identyfikator"), max_length=60, unique=True)
    name = models.CharField(_("nazwa"), max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("temat dobrej praktyki")
        verbose_name_plural = _("tematy dobrych praktyk")

    def __str__(self):
        return self.name


class Kind(models.TextChoices):
    GUIDE = "guide", _("poradnik")
    STANDARD = "standard", _("standard")
    MODEL_DOCUMENT = "model_document", _("wzór dokumentu")
    CHECKLIST = "checklist", _("lista kontrolna")
    RECORDING = "recording", _("nagranie szkolenia")


class Status(models.TextChoices):
    PENDING = "pending", _("czeka na ocenę")
    RETURNED = "returned", _("zwrócona do poprawy")
    PUBLISHED = "published", _("opublikowana")


class GoodPracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def search(self, query: str):
        for term in search_terms(query):
            self = self.filter(search_text__contains=term)
        return self

    def matching(self, *, q="", kind="", sphere="", topic="", organization=""):
        """The library's filters; an empty value does not filter."""
        qs = self.search(q) if q else self
        if kind:
            qs = qs.filter(kind=kind)
        if sphere:
            qs = qs.filter(spheres__slug=sphere)
        if topic:
            qs = qs.filter(topics__slug=topic)
        if organization:
            qs = qs.filter(organization__slug=organization)
        return qs.distinct() if (sphere or topic) else qs

    def for_list(self):
        return self.select_related("organization").prefetch_related("spheres", "topics")

    def newest(self):
        return self.order_by("-published_at", "-pk")

    def proposed_by(self, user):
        """What a representative may see and edit: the proposals for the organisations they represent."""
        return self.filter(organization__in=Organization.objects.represented_by(user))


class GoodPractice(FoldedSearchModel):
    title = models.CharField(_("tytuł"), max_length=200)
    slug = models.SlugField(_("adres strony"), max_length=220, unique=True)
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices)
    summary = models.CharField(_("streszczenie"), max_length=500)
    body = models.TextField(_("treść"), help_text=_("Można używać Markdown."))
    recording_url = models.URLField(
        _("adres nagrania"), blank=True, help_text=_("Dla nagrań szkoleń: link do nagrania z napisami.")
    )
    spheres = models.ManyToManyField(
        "city.PublicTaskSphere", verbose_name=_("sfery zadań publicznych"), blank=True, related_name="good_practices"
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("tematy"), blank=True, related_name="good_practices")
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organizacja"), on_delete=models.CASCADE,
        null=True, blank=True, related_name="good_practices",
    )
    author = models.CharField(
        _("autor"), max_length=200, blank=True,
        help_text=_("Kto przygotował materiał, jeśli nie organizacja (np. Centrum, wydział urzędu)."),
    )
    reviewed_on = models.DateField(_("data przeglądu"), null=True, blank=True,
                                   help_text=_("Kiedy Centrum sprawdziło, że materiał jest aktualny."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    review_reason = models.TextField(_("uwagi Centrum"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("zgłosił(a)"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("opublikowano"), null=True, blank=True)
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zaktualizowano"), auto_now=True)

    objects = GoodPracticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("dobra praktyka")
        verbose_name_plural = _("dobre praktyki")
        constraints = [
            models.CheckConstraint(
                condition=Q(organization__isnull=False) | ~Q(author=""), name="practice_has_organization_or_author",
                violation_error_message=_("Podaj organizację albo autora materiału."),
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False), name="practice_published_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "-published_at"], name="practice_published_newest")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:detail", args=[self.slug])

    def build_search_text(self) -> str:
        parts = [self.title, self.summary, self.body, self.author]
        if self.organization_id:
            parts.append(self.organization.name)
        return fold(" ".join(p for p in parts if p))

    @property
    def by(self) -> str:
        return self.organization.name if self.organization_id else self.author

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


def attachment_path(instance, filename: str) -> str:
    # A random folder keeps two files of the same name apart; the privacy comes from the storage (below).
    return f"practices/{uuid.uuid4().hex}/{PurePath(filename).name[-100:]}"


class AttachmentQuerySet(models.QuerySet):
    def readable_by(self, user):
        """Attachments of published practices for everyone; of the others, only for the Centre's staff and the
        representatives of the proposing organisation (who may edit the proposal), and its submitter."""
        published = Q(practice__status=Status.PUBLISHED)
        if not (user.is_authenticated and user.is_active):
            return self.filter(published)
        if user.is_official or user.is_administrator:
            return self
        return self.filter(
            published
            | Q(practice__organization__in=Organization.objects.represented_by(user))
            | Q(practice__submitted_by=user)
        )


class Attachment(models.Model):
    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("nazwa załącznika"), max_length=200)
    # Outside MEDIA_ROOT: a proposal's files must not be read before the Centre publishes it, so only the
    # checked view (views.attachment) serves them, for every practice alike.
    file = models.FileField(_("plik"), upload_to=attachment_path, max_length=200, storage=private_storage)
    file_type = models.CharField(_("format"), max_length=10, editable=False)
    size = models.PositiveIntegerField(_("rozmiar w bajtach"), editable=False, default=0)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("załącznik")
        verbose_name_plural = _("załączniki")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:attachment", args=[self.pk])

"""Partner search: what an organisation, a department or the Centre is looking for, and the answers to it.

A post shows from its approval until its end date (inclusive, by the server's clock in Warsaw). Answers
reach the poster by e-mail through the site; neither address is shown to the other side until the
poster replies (see answers.py).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.models import FoldedSearchModel
from partnerstwo.lib.text import fold, search_terms


class LookingFor(models.TextChoices):
    PROJECT_PARTNER = "project", _("partner do projektu")
    JOINT_OFFER = "joint_offer", _("partner do wspólnej oferty")
    VOLUNTEERS = "volunteers", _("wolontariusze")
    VENUE = "venue", _("miejsce, sala")
    EQUIPMENT = "equipment", _("sprzęt do wspólnego użytku")


class PartnerKind(models.TextChoices):
    NGO = "ngo", _("organizacja pozarządowa")
    BUSINESS = "business", _("firma")
    SCHOOL = "school", _("szkoła lub uczelnia")
    CITY_UNIT = "city_unit", _("jednostka miejska")


class PosterKind(models.TextChoices):
    ORGANIZATION = "organization", _("organizacja")
    DEPARTMENT = "department", _("wydział urzędu")
    CENTRE = "centre", _("Centrum")


class Status(models.TextChoices):
    PENDING = "pending", _("czeka na moderację")
    PUBLISHED = "published", _("opublikowane")
    REJECTED = "rejected", _("odrzucone")
    REMOVED = "removed", _("usunięte przez moderatora")
    WITHDRAWN = "withdrawn", _("wycofane")


def today():
    return timezone.localdate()


class PartnerPostQuerySet(models.QuerySet):
    def open(self, on=None):
        """Published and not past its end date: what the public sees."""
        return self.filter(status=Status.PUBLISHED, ends_on__gte=on or today())

    def search(self, query: str):
        for term in search_terms(query):
            self = self.filter(search_text__contains=term)
        return self

    def matching(self, *, q="", looking_for="", sphere="", district="", partner_kind=""):
        qs = self.search(q) if q else self
        if looking_for:
            qs = qs.filter(looking_for=looking_for)
        if sphere:
            qs = qs.filter(sphere__slug=sphere)
        if district:
            qs = qs.filter(district__slug=district)
        if partner_kind:
            qs = qs.filter(Q(partner_kind=partner_kind) | Q(partner_kind=""))
        return qs

    def for_list(self):
        return self.select_related("organization", "department", "sphere", "district")

    def newest(self):
        return self.order_by("-published_at", "-pk")

    def posted_by(self, user):
        """The posts a person manages: their own, and those of the organisations they represent."""
        from_organizations = Q(organization__representations__user=user,
                               organization__representations__status="approved")
        return self.filter(Q(created_by=user) | from_organizations).distinct() if user.is_authenticated else self.none()


class PartnerPost(FoldedSearchModel):
    title = models.CharField(_("tytuł"), max_length=200)
    looking_for = models.CharField(_("czego szukamy"), max_length=20, choices=LookingFor.choices)
    description = models.TextField(_("opis"))
    sphere = models.ForeignKey(
        "city.PublicTaskSphere", verbose_name=_("sfera zadań publicznych"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    district = models.ForeignKey(
        "city.District", verbose_name=_("osiedle"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", help_text=_("Puste: całe miasto."),
    )
    partner_kind = models.CharField(
        _("jakiego partnera szukamy"), max_length=20, choices=PartnerKind.choices, blank=True,
        help_text=_("Puste: każdego."),
    )
    ends_on = models.DateField(_("aktualne do"), help_text=_("Po tym dniu ogłoszenie zniknie ze strony."))
    poster_kind = models.CharField(_("ogłaszający"), max_length=20, choices=PosterKind.choices)
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organizacja"), on_delete=models.CASCADE,
        null=True, blank=True, related_name="partner_posts",
    )
    department = models.ForeignKey(
        "city.Department", verbose_name=_("wydział"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dodał(a)"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="partner_posts",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    moderation_reason = models.TextField(_("uzasadnienie moderatora"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("opublikowano"), null=True, blank=True)
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zaktualizowano"), auto_now=True)

    objects = PartnerPostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("ogłoszenie partnerskie")
        verbose_name_plural = _("ogłoszenia partnerskie")
        constraints = [
            models.CheckConstraint(
                condition=(Q(poster_kind="organization", organization__isnull=False, department__isnull=True)
                           | Q(poster_kind="department", department__isnull=False, organization__isnull=True)
                           | Q(poster_kind="centre", department__isnull=True, organization__isnull=True)),
                name="partner_post_one_poster",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False), name="partner_post_published_date",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["rejected", "removed"]) | ~Q(moderation_reason=""),
                name="partner_post_moderation_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["status", "ends_on"], name="partner_post_open")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partners:detail", args=[self.pk])

    def build_search_text(self) -> str:
        return fold(" ".join(p for p in [self.title, self.description, self.poster_name] if p))

    @property
    def poster_name(self) -> str:
        if self.poster_kind == PosterKind.ORGANIZATION and self.organization_id:
            return self.organization.name
        if self.poster_kind == PosterKind.DEPARTMENT and self.department_id:
            return self.department.name
        return str(settings.CITY.get("centre", {}).get("name", PosterKind.CENTRE.label))

    def is_open(self, on=None) -> bool:
        return self.status == Status.PUBLISHED and self.ends_on >= (on or today())


class PartnerAnswer(models.Model):
    """A message to a post's poster, sent through the site; the reply, if any, goes back the same way."""

    post = models.ForeignKey(PartnerPost, on_delete=models.CASCADE, related_name="answers")
    sender_name = models.CharField(_("imię i nazwisko lub nazwa"), max_length=200)
    sender_email = models.EmailField(_("adres e-mail"), max_length=254)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField(_("wiadomość"))
    created_at = models.DateTimeField(auto_now_add=True)
    reply_text = models.TextField(_("odpowiedź"), blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("odpowiedź na ogłoszenie")
        verbose_name_plural = _("odpowiedzi na ogłoszenia")

    def __str__(self):
        return f"{self.sender_name}: {self.post}"

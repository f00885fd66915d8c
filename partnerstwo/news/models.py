"""News of the Centre and the advisory body, published at a chosen time."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.editorial.models import EditorialContent, EditorialQuerySet, slug_field

# Far-off years are typing mistakes, and year 1 would overflow when converted to UTC.
MIN_YEAR, MAX_YEAR = 2000, 2100


def validate_publication_date(value):
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(
            _("Podaj datę z lat %(min)s–%(max)s."), code="out_of_range", params={"min": MIN_YEAR, "max": MAX_YEAR}
        )


class NewsItemQuerySet(EditorialQuerySet):
    def published(self):
        """Public: marked published and with a publication time that has come."""
        return super().published().filter(published_at__lte=timezone.now())


class NewsItem(EditorialContent):
    slug = slug_field("news:detail", taken_message=_("Aktualność o tym adresie już istnieje. Wybierz inny adres."))
    lead = models.TextField(
        _("zajawka"), max_length=600, help_text=_("Jedno lub dwa zdania: pokazywane na liście i w kanałach RSS/Atom.")
    )
    published_at = models.DateTimeField(
        _("data publikacji"), default=timezone.now, db_index=True, validators=[validate_publication_date]
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("autor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("aktualność")
        verbose_name_plural = _("aktualności")

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.is_published and self.published_at <= timezone.now()

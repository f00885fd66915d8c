"""Content pages written by the Centre's staff in Markdown, with a history of every edit."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.editorial.models import EditorialContent, EditorialQuerySet, slug_field


class ContentPage(EditorialContent):
    slug = slug_field(
        "pages:page",
        taken_message=_("Strona o tym adresie już istnieje. Wybierz inny adres."),
        help_text=_("Część adresu strony, np. misja-i-cele: małe litery bez polskich znaków, cyfry i myślniki."),
    )
    # Incremented by every saved edit, so that an editor cannot silently overwrite another's.
    version = models.PositiveIntegerField(_("wersja"), default=0, editable=False)

    objects = EditorialQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("strona")
        verbose_name_plural = _("strony")

    def get_absolute_url(self):
        return reverse("pages:page", kwargs={"slug": self.slug})


class PageRevision(models.Model):
    """The page as one edit left it: the text before an edit is the previous revision."""

    page = models.ForeignKey(ContentPage, verbose_name=_("strona"), on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(_("tytuł"), max_length=200)
    slug = models.SlugField(_("adres"), max_length=100)
    body = models.TextField(_("treść"), blank=True)
    is_published = models.BooleanField(_("opublikowana"))
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("autor zmiany"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    edited_at = models.DateTimeField(_("data zmiany"), default=timezone.now)
    note = models.CharField(_("opis zmiany"), max_length=300, blank=True)

    class Meta:
        ordering = ["-edited_at", "-id"]
        verbose_name = _("wersja strony")
        verbose_name_plural = _("wersje stron")
        indexes = [models.Index(fields=["page", "-edited_at"])]

    def __str__(self):
        return f"{self.title} ({self.edited_at:%Y-%m-%d %H:%M})"

    def previous(self):
        return (
            PageRevision.objects.filter(page_id=self.page_id)
            .filter(models.Q(edited_at__lt=self.edited_at) | models.Q(edited_at=self.edited_at, id__lt=self.id))
            .order_by("-edited_at", "-id")
            .first()
        )

"""What content pages and news items share: editors write them in Markdown and publish them.

An abstract model, so each app keeps its own table with the columns it always had.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.editorial.slugs import RouteValidator


class EditorialQuerySet(models.QuerySet):
    """Content the Centre's editors write: the public sees what is published, editors everything."""

    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Editors also see drafts (to preview them); everyone else only published content."""
        if user.is_authenticated and user.can_edit_content:
            return self.all()
        return self.published()


def slug_field(view_name: str, *, taken_message, **kwargs) -> models.SlugField:
    """The address of an item, unique and never shadowing another part of the site."""
    return models.SlugField(
        _("adres"),
        max_length=100,
        unique=True,
        validators=[RouteValidator(view_name)],
        error_messages={"unique": taken_message},
        **kwargs,
    )


class EditorialContent(models.Model):
    """Subclasses add `slug = slug_field(...)` with their own route and the fields of their kind."""

    title = models.CharField(_("tytuł"), max_length=200)
    body = models.TextField(_("treść"), blank=True, help_text=_("W formacie Markdown."))
    is_published = models.BooleanField(_("opublikowana"), default=False)
    created_at = models.DateTimeField(_("utworzono"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("ostatnia modyfikacja"), default=timezone.now, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zmodyfikował(a)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def stamp_edit(self, editor, now) -> None:
        """Record who saved the item and when (and when it was first written, if new)."""
        if self.pk is None:
            self.created_at = now
        self.updated_at = now
        self.updated_by = editor

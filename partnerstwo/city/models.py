"""The city's reference data: departments, districts and the spheres of public tasks.

These are data rows edited by administrators in the Django admin, so that another city (or the
next amendment of the Act) changes rows, not code.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.i18n import in_active_language


class NamedQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Department(models.Model):
    """A department of the city office (wydział / departament); officials belong to one."""

    name = models.CharField(_("nazwa"), max_length=200, unique=True)
    short_name = models.CharField(_("skrót"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(_("aktywny"), default=True)

    objects = NamedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("wydział urzędu")
        verbose_name_plural = _("wydziały urzędu")

    def __str__(self):
        return self.name


class District(models.Model):
    """An auxiliary unit of the city (in Białystok: one of the 28 osiedla)."""

    name = models.CharField(_("nazwa"), max_length=100, unique=True)
    slug = models.SlugField(_("identyfikator"), max_length=100, unique=True)
    is_active = models.BooleanField(_("aktywne"), default=True)

    objects = NamedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("osiedle")
        verbose_name_plural = _("osiedla")

    def __str__(self):
        return self.name


class PublicTaskSphere(models.Model):
    """A sphere of public tasks from art. 4 ust. 1 of the Act on public-benefit activity.

    The slug is the stable key; the statutory point label ("5a") is a separate, editable field
    because amendments renumber the list.
    """

    slug = models.SlugField(_("identyfikator"), max_length=80, unique=True)
    point_label = models.CharField(_("punkt art. 4 ust. 1"), max_length=10, blank=True)
    name_pl = models.CharField(_("nazwa (po polsku)"), max_length=300)
    name_en = models.CharField(_("nazwa (po angielsku)"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    is_active = models.BooleanField(_("obowiązuje"), default=True)

    objects = NamedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("sfera zadań publicznych")
        verbose_name_plural = _("sfery zadań publicznych")

    def __str__(self):
        name = in_active_language(self.name_pl, self.name_en)
        return f"{self.point_label}. {name}" if self.point_label else name

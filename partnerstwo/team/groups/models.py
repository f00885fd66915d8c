"""Sector groups and working teams, with their members (organisations and persons)."""


from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.team.body.models import Body


class GroupQuerySet(models.QuerySet):
    def sector(self):
        return self.filter(kind=Group.Kind.SECTOR)

    def working(self):
        return self.filter(kind=Group.Kind.WORKING)


class Group(models.Model):
    """A sector group (organisations of one field, which join it themselves) or a working team of city and NGO
    representatives set up for a task, e.g. one competition (its members are appointed)."""

    class Kind(models.TextChoices):
        SECTOR = "sector", _("grupa branżowa")
        WORKING = "working", _("zespół roboczy")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="groups")
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices, default=Kind.SECTOR)
    name = models.CharField(_("nazwa"), max_length=200)
    slug = models.SlugField(_("adres strony"), max_length=120, unique=True)
    purpose = models.TextField(_("cel i zadania"), blank=True, help_text=_("Można używać Markdown."))
    sphere = models.ForeignKey(
        "city.PublicTaskSphere", verbose_name=_("sfera zadań publicznych"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="team_groups",
    )
    is_open = models.BooleanField(
        _("organizacje dołączają same"), default=True,
        help_text=_("Przedstawiciel organizacji dopisuje ją na stronie grupy. Wyłącz dla zespołu powołanego."),
    )
    ends_on = models.DateField(_("działa do"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = GroupQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("grupa lub zespół roboczy")
        verbose_name_plural = _("grupy i zespoły robocze")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("team:group", args=[self.slug])


class GroupMember(models.Model):
    """An organisation from the directory, or a person (an expert, a city representative), in a group."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("koordynator(ka)")
        MEMBER = "member", _("członek(-kini)")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organizacja"), on_delete=models.CASCADE, null=True,
        blank=True, related_name="team_groups",
    )
    person_name = models.CharField(_("imię i nazwisko"), max_length=150, blank=True)
    affiliation = models.CharField(_("instytucja lub funkcja"), max_length=200, blank=True)
    email = models.EmailField(
        _("e-mail do zaproszeń"), blank=True,
        help_text=_("Niepubliczny. Dla osoby: zaproszenia na posiedzenia grupy. Organizację zapraszamy przez jej "
                    "przedstawicieli."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("konto"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="team_group_memberships",
        help_text=_("Konto osoby: koordynator(ka) z kontem prowadzi posiedzenia grupy."),
    )
    is_city_representative = models.BooleanField(_("przedstawiciel(ka) urzędu"), default=False)
    role = models.CharField(_("rola"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_on = models.DateField(_("od"), default=timezone.localdate)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["role", "person_name", "pk"]
        verbose_name = _("członek grupy")
        verbose_name_plural = _("członkowie grup")
        constraints = [
            models.CheckConstraint(
                condition=Q(organization__isnull=False) | ~Q(person_name=""), name="group_member_named",
                violation_error_message=_("Wskaż organizację albo wpisz imię i nazwisko."),
            ),
            models.UniqueConstraint(
                fields=["group", "organization"], condition=Q(organization__isnull=False),
                name="group_member_organization_once",
                violation_error_message=_("Ta organizacja już należy do grupy."),
            ),
        ]

    def __str__(self):
        return self.organization.name if self.organization_id else self.person_name

    @property
    def is_coordinator(self) -> bool:
        return self.role == self.Role.COORDINATOR

    @property
    def invitation_email(self) -> str:
        """A person's address for invitations (their own, else their account's); organisations have none here."""
        if self.organization_id:
            return ""
        return self.email or (self.user.email if self.user_id else "")

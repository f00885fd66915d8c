"""People who sign in. Residents browse without an account; everyone else has one of these."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True, role=User.Role.ADMINISTRATOR)
        return self._create_user(email, password, **extra)

    def panel_users(self):
        return self.filter(role__in=User.PANEL_ROLES, is_active=True)


class User(AbstractUser):
    class Role(models.TextChoices):
        RESIDENT = "resident", _("mieszkaniec")
        REPRESENTATIVE = "representative", _("przedstawiciel organizacji")
        TEAM_MEMBER = "team_member", _("członek Zespołu")
        OFFICIAL = "official", _("pracownik urzędu")
        ADMINISTRATOR = "administrator", _("administrator")

    PANEL_ROLES = (Role.TEAM_MEMBER, Role.OFFICIAL, Role.ADMINISTRATOR)

    username = None
    email = models.EmailField(_("adres e-mail"), unique=True)
    full_name = models.CharField(_("imię i nazwisko"), max_length=150, blank=True)
    role = models.CharField(_("rola"), max_length=20, choices=Role.choices, default=Role.RESIDENT)
    department = models.ForeignKey(
        "city.Department",
        verbose_name=_("wydział"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officials",
        help_text=_("Wymagany dla pracownika urzędu: widzi i edytuje tylko dane swojego wydziału."),
    )
    preferred_language = models.CharField(
        _("język"), max_length=5, default="pl", choices=[("pl", "Polski"), ("en", "English")]
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("użytkownik")
        verbose_name_plural = _("użytkownicy")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="official") | Q(department__isnull=False),
                name="official_has_department",
                violation_error_message=_("Pracownik urzędu musi należeć do wydziału."),
            ),
        ]

    def __str__(self):
        return self.full_name or self.email

    @property
    def is_resident(self) -> bool:
        """A resident's account only follows and registers; every other role may organise events."""
        return self.role == self.Role.RESIDENT

    @property
    def is_official(self) -> bool:
        return self.role == self.Role.OFFICIAL

    @property
    def is_team_member(self) -> bool:
        return self.role == self.Role.TEAM_MEMBER

    @property
    def is_administrator(self) -> bool:
        return self.role == self.Role.ADMINISTRATOR or self.is_superuser

    @property
    def can_use_panel(self) -> bool:
        """Officials, Team members and administrators work in the staff panel at /panel/."""
        return self.is_active and (self.role in self.PANEL_ROLES or self.is_superuser)

    @property
    def must_use_two_factor(self) -> bool:
        """Officials and administrators (and anyone who can open the admin) sign in with a second factor."""
        return self.is_active and (
            self.role in (self.Role.OFFICIAL, self.Role.ADMINISTRATOR) or self.is_staff or self.is_superuser
        )

    @property
    def can_edit_content(self) -> bool:
        """Content pages and news are the Centre's: officials and administrators edit them."""
        return self.is_active and (self.role in (self.Role.OFFICIAL, self.Role.ADMINISTRATOR) or self.is_superuser)

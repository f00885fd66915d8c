"""People who sign in. Residents browse without an account; everyone else has one of these."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
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
        """The accounts for which User.can_use_panel holds."""
        staff = Q(role__in=[User.Role.OFFICIAL, User.Role.ADMINISTRATOR]) | Q(is_superuser=True)
        return self.filter(staff | Q(pk__in=self.team_members().values("pk")), is_active=True)

    def desk_holders(self):
        """The accounts for which User.has_desk holds."""
        staff = Q(role__in=[User.Role.OFFICIAL, User.Role.ADMINISTRATOR]) | Q(is_superuser=True)
        return self.filter(staff, is_active=True)

    def officials_of(self, department_id):
        """The active officials of a department, ordered by address (who hears of the department's work)."""
        return self.filter(role=User.Role.OFFICIAL, department_id=department_id, is_active=True).order_by("email")

    def team_members(self):
        """The accounts that are Team members today (User.is_team_member), as one query."""
        # The seats are the team app's Membership rows, named through their relation to the account.
        seats = self.model.team_memberships.rel.related_model.objects.current()
        return self.filter(role=User.Role.TEAM_MEMBER, is_active=True, pk__in=seats.values("user"))


class User(AbstractUser):
    class DeskAlerts(models.TextChoices):
        NEVER = "never", _("nie wysyłaj")
        AT_ONCE = "at_once", _("od razu, gdy coś nowego czeka")
        DAILY = "daily", _("raz dziennie – zestawienie tego, co czeka")

    class Role(models.TextChoices):
        RESIDENT = "resident", _("mieszkaniec")
        REPRESENTATIVE = "representative", _("przedstawiciel organizacji")
        TEAM_MEMBER = "team_member", _("członek Zespołu")
        OFFICIAL = "official", _("pracownik urzędu")
        ADMINISTRATOR = "administrator", _("administrator")

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

    # The official's desk (panel/desk.py): whether to be e-mailed when something waits in their queues.
    desk_alerts = models.CharField(
        _("powiadomienia o sprawach w panelu"), max_length=10, choices=DeskAlerts.choices, default=DeskAlerts.NEVER,
    )
    # The day of the last daily digest, so the scheduled job sends one a day however often it runs.
    desk_digest_sent_on = models.DateField(null=True, blank=True, editable=False)

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
        """A Team member's account while its holder sits on the body. The role alone is not enough: the seats
        are the team app's memberships, reached through their relation to the account, and a seat lapses by
        its dates, so whoever leaves or whose term ended loses the members' rights that day."""
        return self.role == self.Role.TEAM_MEMBER and self.is_active and self.sits_on_team

    @cached_property
    def sits_on_team(self) -> bool:
        """Whether this person holds a seat on the advisory body today, whatever their account's role (an
        official may represent the mayor there). Asked once per request, where the user is loaded afresh."""
        return self.pk is not None and self.team_memberships.current().exists()

    @property
    def is_administrator(self) -> bool:
        return self.role == self.Role.ADMINISTRATOR or self.is_superuser

    @property
    def can_use_panel(self) -> bool:
        """Officials, Team members (while they sit on the body) and administrators work in the staff panel."""
        staff = self.role in (self.Role.OFFICIAL, self.Role.ADMINISTRATOR) or self.is_superuser
        return self.is_active and (staff or self.is_team_member)

    @property
    def has_desk(self) -> bool:
        """Officials and administrators work through queues (events to review, claims, reports...); the desk on
        the panel's first page lists what waits for them, and they may be e-mailed about it."""
        return self.is_active and (self.role in (self.Role.OFFICIAL, self.Role.ADMINISTRATOR) or self.is_superuser)

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

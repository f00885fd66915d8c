"""The evaluation committee of a competition (art. 15 ust. 2a–2f; docs/law.md#art-15-committee): its members,
the nominations, the declarations of impartiality and the scores.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.competitions.models import Competition, Criterion
from partnerstwo.grants.offers.models import Offer


class CommitteeMember(models.Model):
    class Role(models.TextChoices):
        CITY = "city", _("przedstawiciel Prezydenta Miasta")
        NGO = "ngo", _("osoba wskazana przez organizacje")
        EXPERT = "expert", _("ekspert z głosem doradczym")

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="committee")
    # The account goes when its owner deletes it; the seat, the declaration and the scores stay as the
    # competition's record, naming the member by `name` alone (accounts personal data: grants.personal_data).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("osoba"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="committee_seats",
    )
    name = models.CharField(_("imię i nazwisko w dokumentacji konkursu"), max_length=200, blank=True)
    role = models.CharField(_("rola"), max_length=10, choices=Role.choices)
    is_chair = models.BooleanField(_("przewodniczący(-a)"), default=False)
    nominated_by = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("wskazany(-a) przez organizację"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    appointed_at = models.DateTimeField(auto_now_add=True)
    # Art. 15: set when the organisation that indicated the member, or one they represent, offers later;
    # the seat gives no access to offers until the official removes the member.
    suspended_at = models.DateTimeField(_("zawieszono"), null=True, blank=True)
    suspension_reason = models.TextField(_("powód zawieszenia"), blank=True)

    class Meta:
        ordering = ["-is_chair", "role", "user__last_name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["competition", "user"], name="committee_member_once"),
            models.UniqueConstraint(fields=["competition"], condition=Q(is_chair=True), name="committee_one_chair"),
            # Art. 15: an NGO person sits because an organisation indicated them; the organisation is the record.
            models.CheckConstraint(
                condition=~Q(role="ngo") | Q(nominated_by__isnull=False), name="committee_ngo_member_has_organization"
            ),
        ]

    def __str__(self):
        return self.name or str(self.user)

    @property
    def has_advisory_vote(self) -> bool:
        """An expert reads the offers and advises but gives no points."""
        return self.role == self.Role.EXPERT

    def clean(self):
        if self.role == self.Role.NGO and not self.nominated_by_id:
            raise ValidationError({"nominated_by": NGO_MEMBER_NEEDS_ORGANIZATION})


NGO_MEMBER_NEEDS_ORGANIZATION = _("Podaj organizację, która wskazała tę osobę.")


class Nomination(models.Model):
    """A candidate for a committee put forward by the advisory body or an organisation, for the official to appoint."""

    class Status(models.TextChoices):
        PENDING = "pending", _("oczekuje")
        APPOINTED = "appointed", _("powołany(-a)")
        DECLINED = "declined", _("nie powołano")

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="nominations")
    # The address the nominator typed (lower case). The form answers the same whether it has an account, so
    # the account is looked up here, not shown there: None until the person has one (appointment.nominee).
    email = models.EmailField(_("adres e-mail kandydata(-tki)"))
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("kandydat(ka)"), on_delete=models.CASCADE, related_name="+",
        null=True, blank=True,
    )
    nominated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organizacja wskazująca"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    justification = models.TextField(_("uzasadnienie"), blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        # Once per address and nominator: whether someone else nominated the address too is none of their business.
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "email", "nominated_by"], name="nomination_once_per_nominator"
            ),
        ]

    def __str__(self):
        return str(self.candidate or self.email)

    @property
    def is_pending(self) -> bool:
        """Waiting for the official to appoint the candidate or not."""
        return self.status == self.Status.PENDING


class ImpartialityDeclaration(models.Model):
    """Signed by each member before seeing any offer (art. 24 k.p.a. grounds, docs/law.md#art-15-impartiality)."""

    member = models.OneToOneField(CommitteeMember, on_delete=models.CASCADE, related_name="declaration")
    text_version = models.CharField(max_length=20)
    text = models.TextField()
    signed_at = models.DateTimeField(auto_now_add=True)
    conflicts = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("organizacje, których ofert nie oceniam"),
        blank=True,
        related_name="+",
    )
    conflict_explanation = models.TextField(_("okoliczności"), blank=True)
    # The organisations with offers when the member signed (or last amended): a later offer from any other
    # organisation needs a new declaration before the member sees offers again.
    organizations_shown = models.ManyToManyField(
        "organizations.Organization", verbose_name=_("organizacje na liście przy podpisaniu"), blank=True,
        related_name="+",
    )
    amended_at = models.DateTimeField(_("zmieniono"), null=True, blank=True)

    def __str__(self):
        return f"{self.member} ({self.signed_at:%Y-%m-%d})"


class ScoreQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False)

    def counted(self):
        """The one rule for what the committee's averages are made of, wherever they are shown (the ranking, the
        results notice, the exports): submitted cards of voting members. Experts advise; a suspended seat no
        longer counts (art. 15)."""
        return (
            self.submitted()
            .exclude(member__role=CommitteeMember.Role.EXPERT)
            .exclude(member__suspended_at__isnull=False)
        )


class Score(models.Model):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="scores")
    # A member who has scored cannot be recalled: the scores are the protocol's record (appointment.remove).
    member = models.ForeignKey(CommitteeMember, on_delete=models.PROTECT, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    points = models.DecimalField(_("punkty"), max_digits=5, decimal_places=1, validators=[MinValueValidator(0)])
    justification = models.TextField(_("uzasadnienie"))
    updated_at = models.DateTimeField(auto_now=True)
    # Set on every score of a card when the member submits it; a submitted card no longer changes.
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = ScoreQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["offer", "member", "criterion"], name="score_once")]

    def __str__(self):
        return f"{self.criterion}: {self.points}"

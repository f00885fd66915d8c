"""Positions and opinions of the body, the members' votes and amendments, and the legal acts it follows."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.models import constraints_on_fields
from partnerstwo.team.body.models import Body, Membership
from partnerstwo.team.meetings.models import Meeting


class LegalAct(models.Model):
    """A draft act the body follows (a resolution, the cooperation programme, a strategy): where it stands, the
    department that drafts it, its consultation and what comes next; the body's positions on it link here."""

    class Stage(models.TextChoices):
        ANNOUNCED = "announced", _("zapowiedziany")
        DRAFTING = "drafting", _("projekt w przygotowaniu")
        CONSULTATION = "consultation", _("w konsultacjach")
        COUNCIL = "council", _("w Radzie Miasta")
        ADOPTED = "adopted", _("przyjęty")
        WITHDRAWN = "withdrawn", _("wycofany")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="legal_acts")
    title = models.CharField(_("tytuł aktu"), max_length=300)
    stage = models.CharField(_("etap"), max_length=20, choices=Stage.choices, default=Stage.ANNOUNCED)
    department = models.ForeignKey(
        "city.Department", verbose_name=_("wydział przygotowujący"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="team_legal_acts",
    )
    consultation_url = models.URLField(_("link do konsultacji"), blank=True)
    next_step = models.CharField(_("następny krok"), max_length=300, blank=True)
    next_step_on = models.DateField(_("termin następnego kroku"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("śledzony akt prawny")
        verbose_name_plural = _("śledzone akty prawne")

    def __str__(self):
        return self.title


# An opinion on the draft cooperation programme or development strategy is due this many days after the draft
# was delivered to the body (docs/law.md#art-41i-2-fourteen-days).
STATUTORY_OPINION_DAYS = 14


class PositionQuerySet(models.QuerySet):
    def decided(self):
        return self.filter(status__in=[Position.Status.ADOPTED, Position.Status.REJECTED])

    def adopted(self):
        return self.filter(status=Position.Status.ADOPTED)

    def voting(self):
        return self.filter(status=Position.Status.VOTING)


class Position(models.Model):
    """A position or opinion of the body: drafted, voted at a meeting or electronically by a deadline, and once
    decided published with each member's vote; an adopted one gets a number in the register (12/2026)."""

    class Kind(models.TextChoices):
        POSITION = "position", _("stanowisko")
        OPINION = "opinion", _("opinia")

    class Concerns(models.TextChoices):
        TOPIC = "topic", _("temat ogólny")
        PROGRAMME = "programme", _("program współpracy")
        STRATEGY = "strategy", _("strategia rozwoju")
        LEGAL_ACT = "legal_act", _("akt prawny z listy śledzonych")
        COMPETITION = "competition", _("otwarty konkurs ofert")

    class Status(models.TextChoices):
        DRAFT = "draft", _("projekt")
        VOTING = "voting", _("głosowanie trwa")
        ADOPTED = "adopted", _("przyjęte")
        REJECTED = "rejected", _("odrzucone")

    class VoteMode(models.TextChoices):
        MEETING = "meeting", _("na posiedzeniu")
        ELECTRONIC = "electronic", _("elektronicznie")

    class Method(models.TextChoices):
        CONSENSUS = "consensus", _("w drodze konsensusu")
        MAJORITY = "majority", _("zwykłą większością głosów")
        CHAIR = "chair", _("głosem przewodniczącego przy równej liczbie głosów")
        NO_QUORUM = "no_quorum", _("brak kworum")
        NO_MAJORITY = "no_majority", _("brak większości")
        NO_CONSENSUS = "no_consensus", _("brak konsensusu")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="positions")
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices, default=Kind.POSITION)
    title = models.CharField(_("tytuł"), max_length=300)
    text = models.TextField(_("treść"), help_text=_("Można używać Markdown."))
    concerns = models.CharField(_("czego dotyczy"), max_length=20, choices=Concerns.choices, default=Concerns.TOPIC)
    legal_act = models.ForeignKey(
        LegalAct, verbose_name=_("akt prawny"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="positions",
    )
    # grants cannot name team, so the competition's page reads the body's positions through this related name.
    competition = models.ForeignKey(
        "grants.Competition", verbose_name=_("konkurs ofert"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="team_positions",
    )
    subject_title = models.CharField(
        _("nazwa dokumentu"), max_length=300, blank=True,
        help_text=_("Np. tytuł dokumentu, którego dotyczy opinia."),
    )
    subject_url = models.URLField(_("link do dokumentu"), blank=True)
    addressed_to = models.ManyToManyField(
        "city.Department", verbose_name=_("wydziały, do których Zespół kieruje stanowisko"), blank=True,
        related_name="team_positions_received",
        help_text=_("Przyjęte stanowisko zostanie wysłane na adres e-mail każdego z tych wydziałów."),
    )
    # When the adopted position was handed to the mail queue for the departments addressed.
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    delivered_on = models.DateField(
        _("projekt doręczono Zespołowi"), null=True, blank=True,
        help_text=_("Dla programu współpracy i strategii rozwoju: od tego dnia biegnie 14 dni na opinię."),
    )
    # A deadline set from elsewhere on the platform, not by the Act: the last day of a consultation the body is
    # consulted in (its draft position is opened with the consultation's end and follows it while a draft).
    respond_by = models.DateField(_("termin na stanowisko"), null=True, blank=True, editable=False)
    # The member who wrote the draft in the members' area; empty when the body's staff wrote it in the panel.
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("projekt przygotował(a)"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+", editable=False,
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    vote_mode = models.CharField(_("głosowanie"), max_length=20, choices=VoteMode.choices, blank=True)
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("posiedzenie"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="positions",
    )
    voting_until = models.DateTimeField(_("głosowanie elektroniczne do"), null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(null=True, blank=True)
    method = models.CharField(_("rozstrzygnięcie"), max_length=20, choices=Method.choices, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    register_year = models.PositiveSmallIntegerField(null=True, blank=True)
    register_number = models.PositiveIntegerField(null=True, blank=True)
    # When the members were reminded of the statutory deadline (once per position).
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PositionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("stanowisko lub opinia")
        verbose_name_plural = _("stanowiska i opinie")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "register_year", "register_number"], name="position_register_number_once",
            ),
            models.CheckConstraint(
                condition=~Q(status="adopted") | Q(register_number__isnull=False, register_year__isnull=False),
                name="position_adopted_has_number",
            ),
            models.CheckConstraint(
                condition=~Q(concerns="legal_act") | Q(legal_act__isnull=False), name="position_names_its_act",
                violation_error_message=_("Wskaż akt prawny, którego dotyczy stanowisko."),
            ),
            models.CheckConstraint(
                condition=~Q(concerns="competition") | Q(competition__isnull=False),
                name="position_names_its_competition",
                violation_error_message=_("Wskaż konkurs ofert, którego dotyczy stanowisko."),
            ),
        ]

    def __str__(self):
        return f"{self.register_label} {self.title}".strip()

    def get_absolute_url(self):
        return reverse("team:position", args=[self.pk])

    def clean(self):
        constraints_on_fields(self, {"position_names_its_act": "legal_act",
                                     "position_names_its_competition": "competition"})

    @property
    def register_label(self) -> str:
        return f"{self.register_number}/{self.register_year}" if self.register_number else ""

    @property
    def is_decided(self) -> bool:
        return self.status in (self.Status.ADOPTED, self.Status.REJECTED)

    @property
    def due_on(self) -> date | None:
        """The last day for an opinion the Act asks of the body with a deadline (art. 41i ust. 2)."""
        if self.concerns in (self.Concerns.PROGRAMME, self.Concerns.STRATEGY) and self.delivered_on:
            return self.delivered_on + timedelta(days=STATUTORY_OPINION_DAYS)
        return None

    @property
    def respond_on(self) -> date | None:
        """The day the body should have decided by: the statutory deadline where the Act sets one, otherwise the
        last day of the consultation it is consulted in (`respond_by`)."""
        return self.due_on or self.respond_by


class PositionVote(models.Model):
    class Choice(models.TextChoices):
        FOR = "for", _("za")
        AGAINST = "against", _("przeciw")
        ABSTAIN = "abstain", _("wstrzymuję się")

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="votes")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="position_votes")
    choice = models.CharField(_("głos"), max_length=10, choices=Choice.choices)
    cast_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["membership__person_name", "pk"]
        verbose_name = _("głos w sprawie stanowiska")
        verbose_name_plural = _("głosy w sprawie stanowisk")
        constraints = [models.UniqueConstraint(fields=["position", "membership"], name="position_vote_once")]

    def __str__(self):
        return f"{self.membership.person_name}: {self.get_choice_display()}"


class Amendment(models.Model):
    """A change to a draft's text proposed by a member; the secretary records whether it was taken in."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("przyjęta")
        REJECTED = "rejected", _("odrzucona")

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="amendments")
    text = models.TextField(_("poprawka"), max_length=5000)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    proposed_by_name = models.CharField(max_length=150)
    decision = models.CharField(_("decyzja"), max_length=20, choices=Decision.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("poprawka")
        verbose_name_plural = _("poprawki")

    def __str__(self):
        return self.text[:60]

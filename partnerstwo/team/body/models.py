"""The advisory body (the Team, a public-benefit council: docs/law.md#art-41e-41g-body-rules), its terms and members.

The body's working rules (quorum, majority, the NGO share, the length of a term, how often it meets) are
fields of its row: the council's own resolution sets them, so another city or an amended resolution changes
data, not code. A Membership is one person's seat in one term, from the day they joined to the day they left;
who sits on the body on a given day, and with it who has a Team member's rights, follows from those dates
(MembershipQuerySet.current), so nobody has to remember to take the rights away when a term ends.
"""

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.models import constraints_on_fields


class BodyQuerySet(models.QuerySet):
    def the_body(self) -> "Body":
        """The site serves one advisory body; its row is made with the name from the city's configuration
        the first time anyone asks for it."""
        body = self.order_by("pk").first()
        return body or self.create(name=settings.CITY.get("advisory_body_name", "Zespół Konsultacyjny"))


class Body(models.Model):
    class MajorityRule(models.TextChoices):
        CONSENSUS_THEN_MAJORITY = "consensus_then_majority", _("konsensus, a w jego braku zwykła większość głosów")
        SIMPLE_MAJORITY = "simple_majority", _("zwykła większość głosów")
        CONSENSUS = "consensus", _("wyłącznie konsensus (żaden głos przeciw)")

    name = models.CharField(_("nazwa"), max_length=200)
    description = models.TextField(
        _("zadania i sposób działania"), blank=True, help_text=_("Widoczne na stronie Zespołu. Można używać Markdown.")
    )
    resolution = models.CharField(
        _("uchwała powołująca"), max_length=300, blank=True,
        help_text=_("Np. Uchwała Nr XII/144/15 Rady Miasta Białystok z dnia 28 września 2015 r."),
    )
    resolution_url = models.URLField(_("link do uchwały"), blank=True)
    rules_document = models.FileField(_("regulamin (PDF)"), upload_to="team/", blank=True)
    quorum_percent = models.PositiveSmallIntegerField(
        _("kworum (procent składu)"), default=50, validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Ilu członków, w procentach składu, musi być obecnych, by Zespół mógł głosować."),
    )
    majority_rule = models.CharField(
        _("sposób podejmowania stanowisk"), max_length=30, choices=MajorityRule.choices,
        default=MajorityRule.CONSENSUS_THEN_MAJORITY,
    )
    chair_decides_tie = models.BooleanField(
        _("przy równej liczbie głosów rozstrzyga głos przewodniczącego"), default=True
    )
    publish_member_votes = models.BooleanField(
        _("publikuj głos każdego członka"), default=True,
        help_text=_("Jeśli regulamin Zespołu tak stanowi. Bez tego strona stanowiska i wiadomość do wydziałów "
                    "podają tylko liczby głosów; obsługa Zespołu widzi głosy zawsze."),
    )
    ngo_share_percent = models.PositiveSmallIntegerField(
        _("najmniejszy udział przedstawicieli organizacji (procent składu)"), default=50,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Art. 41f ustawy: co najmniej połowa członków rady."),
    )
    term_years = models.PositiveSmallIntegerField(
        _("długość kadencji (lata)"), default=3, validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Podpowiada koniec nowej kadencji. Ustawowa długość kadencji nie jest pewna: sprawdź uchwałę."),
    )
    meeting_interval_months = models.PositiveSmallIntegerField(
        _("posiedzenia nie rzadziej niż co (miesięcy)"), default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = BodyQuerySet.as_manager()

    class Meta:
        verbose_name = _("zespół doradczy")
        verbose_name_plural = _("zespoły doradcze")
        constraints = [
            models.CheckConstraint(condition=Q(quorum_percent__gte=1, quorum_percent__lte=100), name="body_quorum"),
            models.CheckConstraint(condition=Q(ngo_share_percent__lte=100), name="body_ngo_share"),
        ]

    def __str__(self):
        return self.name


class TermQuerySet(models.QuerySet):
    def on(self, day: date):
        """The terms that include this day (the body's terms do not overlap: terms.check_term)."""
        return self.filter(starts_on__lte=day, ends_on__gte=day)

    def current(self):
        return self.on(timezone.localdate())


class Term(models.Model):
    """A kadencja: the days the appointed composition serves, the last included."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="terms")
    number = models.PositiveSmallIntegerField(_("numer kadencji"))
    starts_on = models.DateField(_("początek kadencji"))
    ends_on = models.DateField(_("koniec kadencji (ostatni dzień)"))
    appointed_by = models.CharField(
        _("akt powołania składu"), max_length=300, blank=True,
        help_text=_("Np. Zarządzenie Nr 45/22 Prezydenta Miasta Białegostoku z dnia 24 stycznia 2022 r."),
    )

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("kadencja")
        verbose_name_plural = _("kadencje")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "number"], name="term_number_once",
                violation_error_message=_("Kadencja o tym numerze już istnieje."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="term_ends_after_start",
                violation_error_message=_("Koniec kadencji nie może być wcześniejszy niż jej początek."),
            ),
        ]

    def __str__(self):
        return _("Kadencja %(number)s (%(start)s – %(end)s)") % {
            "number": self.number, "start": self.starts_on.strftime("%d.%m.%Y"),
            "end": self.ends_on.strftime("%d.%m.%Y"),
        }

    def get_absolute_url(self):
        return reverse("team:term", args=[self.number])

    def clean(self):
        constraints_on_fields(self, {"term_ends_after_start": "ends_on"})

    def includes(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


ROLE_ORDER = ["chair", "co_chair", "secretary", "member"]


class MembershipQuerySet(models.QuerySet):
    def on(self, day: date):
        """Seats held on this day: within the term and between the days the person joined and left."""
        return self.filter(
            Q(left_on__isnull=True) | Q(left_on__gte=day),
            term__starts_on__lte=day, term__ends_on__gte=day, joined_on__lte=day,
        )

    def current(self):
        """Who sits on the body today. Evaluated on every request: a seat that ended yesterday gives nothing."""
        return self.on(timezone.localdate())

    def invited_to(self, meeting):
        """The seats held on the meeting's day: who is invited, who votes, whom the quorum counts."""
        return self.filter(term__body=meeting.body_id).on(meeting.day)

    def in_order(self):
        """Chair, co-chairs, secretary, then members; each group by name."""
        rank = Case(
            *(When(role=role, then=Value(index)) for index, role in enumerate(ROLE_ORDER)),
            default=Value(len(ROLE_ORDER)), output_field=IntegerField(),
        )
        return self.annotate(role_rank=rank).order_by("role_rank", "person_name", "pk")


class Membership(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("przewodniczący(-a)")
        CO_CHAIR = "co_chair", _("współprzewodniczący(-a)")
        SECRETARY = "secretary", _("sekretarz")
        MEMBER = "member", _("członek(-kini)")

    class Represents(models.TextChoices):
        ORGANIZATION = "organization", _("organizacja pozarządowa")
        MAYOR = "mayor", _("Prezydent Miasta")
        COUNCIL = "council", _("Rada Miasta")

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="memberships")
    person_name = models.CharField(_("imię i nazwisko"), max_length=150)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("konto"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="team_memberships",
    )
    email = models.EmailField(
        _("e-mail do zaproszeń"), blank=True,
        help_text=_("Niepubliczny. Puste: zaproszenia idą na adres konta."),
    )
    role = models.CharField(_("funkcja w Zespole"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    represents = models.CharField(_("reprezentuje"), max_length=20, choices=Represents.choices)
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organizacja"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="team_memberships",
    )
    position = models.CharField(
        _("stanowisko lub opis"), max_length=200, blank=True,
        help_text=_("Np. „radna, Komisja Rodziny” albo „dyrektor Centrum”. Widoczne publicznie."),
    )
    joined_on = models.DateField(_("w składzie od"))
    left_on = models.DateField(
        _("w składzie do (ostatni dzień)"), null=True, blank=True,
        help_text=_("Puste: do końca kadencji. Od następnego dnia osoba traci dostęp do części dla członków."),
    )
    photo = models.ImageField(_("zdjęcie"), upload_to="team/members/", blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["term", "person_name", "pk"]
        verbose_name = _("członkostwo w Zespole")
        verbose_name_plural = _("członkostwa w Zespole")
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="membership_leaves_after_joining",
                violation_error_message=_("Dzień odejścia nie może być wcześniejszy niż dzień wejścia do składu."),
            ),
            models.CheckConstraint(
                condition=(Q(represents="organization") & Q(organization__isnull=False))
                | (~Q(represents="organization") & Q(organization__isnull=True)),
                name="membership_organization_named",
                violation_error_message=_(
                    "Wskaż organizację tylko dla przedstawiciela organizacji (i zawsze dla niego)."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.person_name} ({self.get_role_display()})"

    def clean(self):
        constraints_on_fields(self, {"membership_leaves_after_joining": "left_on"})

    def is_on(self, day: date) -> bool:
        return self.term.includes(day) and self.joined_on <= day and (self.left_on is None or day <= self.left_on)

    @property
    def is_ngo(self) -> bool:
        return self.represents == self.Represents.ORGANIZATION

    @property
    def invitation_email(self) -> str:
        return self.email or (self.user.email if self.user_id else "")

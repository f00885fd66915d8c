"""The advisory body (the Team, a public-benefit council: docs/law.md#art-41e-41g-body-rules), its terms and members.

The body's working rules (quorum, majority, the NGO share, the length of a term, how often it meets) are
fields of its row: the council's own resolution sets them, so another city or an amended resolution changes
data, not code. A Membership is one person's seat in one term, from the day they joined to the day they left;
who sits on the body on a given day, and with it who has a Team member's rights, follows from those dates
(MembershipQuerySet.current), so nobody has to remember to take the rights away when a term ends.
"""

import uuid
from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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

    def invited_to(self, meeting: "Meeting"):
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

    def is_on(self, day: date) -> bool:
        return self.term.includes(day) and self.joined_on <= day and (self.left_on is None or day <= self.left_on)

    @property
    def is_ngo(self) -> bool:
        return self.represents == self.Represents.ORGANIZATION

    @property
    def invitation_email(self) -> str:
        return self.email or (self.user.email if self.user_id else "")


class MeetingQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now())

    def past(self):
        return self.filter(ends_at__lt=timezone.now())

    def with_published_minutes(self):
        return self.filter(minutes_status=Meeting.MinutesStatus.APPROVED)


class Meeting(models.Model):
    """A meeting of the body: its agenda, who came, and the minutes drafted from the agenda.

    The minutes are a draft the members comment on until a later meeting approves them by a vote; only then
    are they public (docs/law.md#brdpp-minutes-after-approval).
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("zaplanowane")
        CANCELLED = "cancelled", _("odwołane")

    class MinutesStatus(models.TextChoices):
        DRAFT = "draft", _("projekt")
        APPROVED = "approved", _("przyjęty")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("tytuł"), max_length=200)
    starts_at = models.DateTimeField(_("początek"))
    ends_at = models.DateTimeField(_("koniec"))
    place = models.CharField(_("miejsce"), max_length=300, blank=True)
    online_url = models.URLField(_("link do spotkania online"), blank=True)
    departments = models.ManyToManyField(
        "city.Department", verbose_name=_("wydziały urzędu na posiedzeniu"), blank=True, related_name="team_meetings",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    # Stable across changes: the iCal UID the invited people's calendars track; SEQUENCE grows with each change.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    invitations_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Set by every change of the date, place or agenda after the invitations went out; sending again clears it.
    invitations_outdated = models.BooleanField(default=False, editable=False)

    minutes_status = models.CharField(
        _("protokół"), max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    minutes_intro = models.TextField(
        _("protokół: przebieg posiedzenia"), blank=True,
        help_text=_("Kto prowadził, przyjęcie porządku, inne ustalenia poza punktami. Można używać Markdown."),
    )
    approved_at_meeting = models.ForeignKey(
        "self", verbose_name=_("przyjęty na posiedzeniu"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="approved_minutes",
    )
    approval_for = models.PositiveSmallIntegerField(_("za przyjęciem"), null=True, blank=True)
    approval_against = models.PositiveSmallIntegerField(_("przeciw"), null=True, blank=True)
    approval_abstain = models.PositiveSmallIntegerField(_("wstrzymało się"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("posiedzenie")
        verbose_name_plural = _("posiedzenia")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="meeting_ends_after_start",
                violation_error_message=_("Koniec posiedzenia nie może być wcześniejszy niż początek."),
            ),
            models.CheckConstraint(
                condition=Q(minutes_status="draft") | Q(approved_at_meeting__isnull=False),
                name="meeting_minutes_approved_at_a_meeting",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%d.%m.%Y})"

    def get_absolute_url(self):
        return reverse("team:meeting", args=[self.pk])

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def minutes_published(self) -> bool:
        return self.minutes_status == self.MinutesStatus.APPROVED

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def day(self) -> date:
        return timezone.localtime(self.starts_at).date()


class AgendaItem(models.Model):
    """One point of the agenda; the minutes record what was said, decided and voted on it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    title = models.CharField(_("temat"), max_length=300)
    description = models.TextField(_("opis"), blank=True)
    presenter = models.CharField(_("przedstawia"), max_length=200, blank=True)
    department = models.ForeignKey(
        "city.Department", verbose_name=_("zaproszony wydział"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="team_agenda_items",
    )
    guests = models.CharField(_("zaproszeni goście"), max_length=300, blank=True)
    discussion = models.TextField(_("przebieg dyskusji"), blank=True)
    decisions = models.TextField(_("ustalenia"), blank=True)
    votes_for = models.PositiveSmallIntegerField(_("głosy za"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("głosy przeciw"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("wstrzymujące się"), null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("punkt porządku obrad")
        verbose_name_plural = _("porządek obrad")

    def __str__(self):
        return self.title

    @property
    def was_voted(self) -> bool:
        return self.votes_for is not None


class AgendaDocument(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("nazwa dokumentu"), max_length=200)
    file = models.FileField(_("plik PDF"), upload_to="team/meetings/")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("dokument do punktu obrad")
        verbose_name_plural = _("dokumenty do punktów obrad")

    def __str__(self):
        return self.title


class Guest(models.Model):
    """Someone invited who is not a member: an official, an expert, an observer with an advisory voice."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(_("imię i nazwisko"), max_length=150)
    affiliation = models.CharField(_("instytucja lub funkcja"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail do zaproszenia"), blank=True, help_text=_("Niepubliczny."))
    attended = models.BooleanField(_("obecny(-a)"), null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("gość posiedzenia")
        verbose_name_plural = _("goście posiedzenia")

    def __str__(self):
        return self.name


class Attendance(models.Model):
    """A member's answer to the invitation and, after the meeting, the secretary's record of it."""

    class Response(models.TextChoices):
        COMING = "coming", _("będę")
        NOT_COMING = "not_coming", _("nie będę")

    class Status(models.TextChoices):
        PRESENT = "present", _("obecny(-a)")
        EXCUSED = "excused", _("nieobecność usprawiedliwiona")
        ABSENT = "absent", _("nieobecny(-a)")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="attendance")
    response = models.CharField(_("udział"), max_length=20, choices=Response.choices, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(_("obecność"), max_length=20, choices=Status.choices, blank=True)

    class Meta:
        ordering = ["meeting", "membership__person_name"]
        verbose_name = _("obecność na posiedzeniu")
        verbose_name_plural = _("obecność na posiedzeniach")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="attendance_once_per_member"),
        ]

    def __str__(self):
        return f"{self.membership.person_name} – {self.meeting}"


class MinutesComment(models.Model):
    """A member's remark on the draft minutes, seen by the members and the staff until the minutes are approved."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes_comments")
    item = models.ForeignKey(
        AgendaItem, verbose_name=_("punkt"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="comments",
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    author_name = models.CharField(max_length=150)
    text = models.TextField(_("uwaga"), max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("uwaga do projektu protokołu")
        verbose_name_plural = _("uwagi do projektu protokołu")

    def __str__(self):
        return f"{self.author_name}: {self.text[:40]}"


class ActionItemQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_on__isnull=True)


class ActionItem(models.Model):
    """What someone undertook at a meeting: shown at the next meetings and on the person's page until done."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    item = models.ForeignKey(
        AgendaItem, verbose_name=_("punkt porządku"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="action_items",
    )
    what = models.CharField(_("zadanie"), max_length=300)
    owner = models.ForeignKey(
        Membership, verbose_name=_("kto (członek)"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="action_items",
    )
    owner_name = models.CharField(
        _("kto (ktoś spoza składu)"), max_length=150, blank=True, help_text=_("Np. wydział albo gość.")
    )
    due_on = models.DateField(_("termin"), null=True, blank=True)
    done_on = models.DateField(_("wykonano"), null=True, blank=True)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("zadanie z posiedzenia")
        verbose_name_plural = _("zadania z posiedzeń")

    def __str__(self):
        return self.what

    @property
    def who(self) -> str:
        return self.owner.person_name if self.owner_id else self.owner_name


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
    subject_title = models.CharField(
        _("nazwa konkursu lub dokumentu"), max_length=300, blank=True,
        help_text=_("Np. tytuł konkursu ofert, którego dotyczy opinia."),
    )
    subject_url = models.URLField(_("link do konkursu lub dokumentu"), blank=True)
    delivered_on = models.DateField(
        _("projekt doręczono Zespołowi"), null=True, blank=True,
        help_text=_("Dla programu współpracy i strategii rozwoju: od tego dnia biegnie 14 dni na opinię."),
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
        ]

    def __str__(self):
        return f"{self.register_label} {self.title}".strip()

    def get_absolute_url(self):
        return reverse("team:position", args=[self.pk])

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

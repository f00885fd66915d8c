"""Grant competitions as the public-benefit act runs them (docs/law.md#public-benefit-act).

The yearly schedule (PlannedCompetition rows of a ScheduleYear), the open competition for offers
with its announcement (art. 13), lifecycle (art. 15, 18a), offers and the evaluation committee.
Legal rules are checked in rules.py; small grants outside competitions (art. 19a) are the small_grants app.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.private_storage import private_storage
from partnerstwo.lib.models import FoldedSearchModel
from partnerstwo.lib.text import fold


class Mode(models.TextChoices):
    """Art. 11 ust. 1: the two forms of commissioning a public task."""

    SUPPORT = "support", _("wspieranie")
    ENTRUSTING = "entrusting", _("powierzanie")


MONTHS = [
    (number, name)
    for number, name in enumerate(
        [
            _("styczeń"),
            _("luty"),
            _("marzec"),
            _("kwiecień"),
            _("maj"),
            _("czerwiec"),
            _("lipiec"),
            _("sierpień"),
            _("wrzesień"),
            _("październik"),
            _("listopad"),
            _("grudzień"),
        ],
        start=1,
    )
]


# --- The yearly schedule ---------------------------------------------------------------------


class ScheduleYear(models.Model):
    """The open competitions planned for one year: drafted by officials, commented by the advisory body, published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("projekt")
        CONSULTATION = "consultation", _("projekt do uwag Zespołu")
        PUBLISHED = "published", _("opublikowany")

    year = models.PositiveSmallIntegerField(_("rok"), unique=True)
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    comments_until = models.DateField(_("uwagi Zespołu do"), null=True, blank=True)
    published_at = models.DateTimeField(_("opublikowano"), null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("harmonogram konkursów")
        verbose_name_plural = _("harmonogramy konkursów")

    def __str__(self):
        return str(self.year)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class PlannedCompetition(models.Model):
    schedule = models.ForeignKey(ScheduleYear, on_delete=models.CASCADE, related_name="rows")
    department = models.ForeignKey(
        "city.Department", verbose_name=_("wydział"), on_delete=models.PROTECT, related_name="+"
    )
    task = models.CharField(_("zadanie publiczne"), max_length=500)
    sphere = models.ForeignKey(
        "city.PublicTaskSphere", verbose_name=_("sfera zadań publicznych"), on_delete=models.PROTECT, related_name="+"
    )
    mode = models.CharField(_("forma zlecenia"), max_length=20, choices=Mode.choices)
    planned_month = models.PositiveSmallIntegerField(_("planowany miesiąc ogłoszenia"), choices=MONTHS)
    planned_amount = models.DecimalField(
        _("planowana kwota (zł)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    notes = models.TextField(_("uwagi"), blank=True)
    is_withdrawn = models.BooleanField(_("wycofany z harmonogramu"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["planned_month", "department__name", "task"]
        verbose_name = _("konkurs w harmonogramie")
        verbose_name_plural = _("konkursy w harmonogramie")

    def __str__(self):
        return self.task


class PlannedCompetitionChange(models.Model):
    """A change to a row of a published schedule, shown publicly ("moved from March to April on …")."""

    row = models.ForeignKey(PlannedCompetition, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(max_length=40)
    old_value = models.CharField(max_length=500, blank=True)
    new_value = models.CharField(max_length=500, blank=True)
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        return f"{self.field}: {self.old_value} → {self.new_value}"


class ScheduleComment(models.Model):
    """The advisory body's comment on a draft schedule (or on one row of it)."""

    schedule = models.ForeignKey(ScheduleYear, on_delete=models.CASCADE, related_name="comments")
    row = models.ForeignKey(
        PlannedCompetition, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("uwaga"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.text[:60]


# --- The open competition --------------------------------------------------------------------


class CompetitionQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(status=Competition.Status.PLANNED)

    def editable_by(self, user):
        """Administrators edit every competition, officials their own department's; nobody else any."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_administrator:
            return self
        if user.is_official and user.department_id:
            return self.filter(department_id=user.department_id)
        return self.none()

    def listed_in_panel_for(self, user):
        """The panel's list: what the user may edit; Team members read the whole list."""
        if user.is_authenticated and user.is_active and user.is_team_member:
            return self
        return self.editable_by(user)


class Competition(FoldedSearchModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planowany")
        ANNOUNCED = "announced", _("ogłoszony")
        ACCEPTING = "accepting", _("nabór ofert")
        CLOSED = "closed", _("nabór zakończony")
        EVALUATION = "evaluation", _("ocena ofert")
        RESULTS = "results", _("wyniki ogłoszone")
        CANCELLED = "cancelled", _("unieważniony")

    slug = models.SlugField(_("adres strony"), max_length=140, unique=True)
    reference = models.CharField(_("znak sprawy"), max_length=60, blank=True)
    title = models.CharField(_("tytuł konkursu"), max_length=300)
    planned = models.ForeignKey(
        PlannedCompetition,
        verbose_name=_("pozycja harmonogramu"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="competitions",
    )
    year = models.PositiveSmallIntegerField(_("rok"))
    department = models.ForeignKey(
        "city.Department", verbose_name=_("wydział"), on_delete=models.PROTECT, related_name="+"
    )
    sphere = models.ForeignKey(
        "city.PublicTaskSphere", verbose_name=_("sfera zadań publicznych"), on_delete=models.PROTECT, related_name="+"
    )
    mode = models.CharField(_("forma zlecenia"), max_length=20, choices=Mode.choices)
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.PLANNED)

    # Art. 13 ust. 2, points 1–7.
    task_type = models.TextField(_("rodzaj zadania"))
    public_funds = models.DecimalField(
        _("wysokość środków publicznych (zł)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    award_rules = models.TextField(_("zasady przyznawania dotacji"))
    implementation_terms = models.TextField(_("terminy i warunki realizacji zadania"))
    task_start = models.DateField(_("początek realizacji zadania"))
    task_end = models.DateField(_("koniec realizacji zadania"))
    offer_deadline = models.DateTimeField(_("termin składania ofert"))
    procedure_and_criteria = models.TextField(_("tryb i kryteria wyboru ofert"))
    decision_date = models.DateField(_("termin wyboru ofert"))
    # Point 7 is in PriorFunding rows; this is room for what the rows do not say.
    prior_tasks_note = models.TextField(_("zadania tego samego rodzaju – uwagi"), blank=True)
    # Point 7 when there are no rows: an explicit statement, so that silence never passes for "none".
    no_prior_tasks = models.BooleanField(
        _("w roku ogłoszenia i w roku poprzednim nie realizowano zadań tego samego rodzaju"), default=False
    )

    eligibility = models.TextField(_("kto może złożyć ofertę"))
    submission_info = models.TextField(_("gdzie i jak złożyć ofertę"))
    # Art. 13 ust. 3: the three places; the offer period counts from the last of them.
    bip_published_on = models.DateField(_("ogłoszono w BIP"), null=True, blank=True)
    notice_board_published_on = models.DateField(_("ogłoszono na tablicy ogłoszeń"), null=True, blank=True)
    website_published_on = models.DateField(_("ogłoszono na stronie internetowej"), null=True, blank=True)

    cancellation_reason = models.TextField(_("powód unieważnienia"), blank=True)
    results_note = models.TextField(_("ogłoszenie wyników"), blank=True)
    results_published_at = models.DateTimeField(_("wyniki ogłoszono"), null=True, blank=True)
    # Raised on every change to a published competition, so that alerts send each change once.
    revision = models.PositiveIntegerField(default=0)
    last_change_summary = models.CharField(_("ostatnia zmiana"), max_length=500, blank=True)
    changed_at = models.DateTimeField(_("zmieniono"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CompetitionQuerySet.as_manager()

    class Meta:
        ordering = ["-offer_deadline"]
        verbose_name = _("otwarty konkurs ofert")
        verbose_name_plural = _("otwarte konkursy ofert")
        constraints = [
            models.CheckConstraint(condition=Q(task_end__gte=models.F("task_start")), name="competition_task_dates"),
        ]
        indexes = [
            models.Index(fields=["status", "offer_deadline"], name="competition_status_deadline"),
            models.Index(fields=["changed_at"], name="competition_changed"),
            # The results page's order and its years (bench/bench_grants.py: 53 ms → 0.1 ms at 10 years).
            models.Index(fields=["status", "results_published_at"], name="competition_results_published"),
            models.Index(fields=["status", "year"], name="competition_status_year"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("grants:detail", args=[self.slug])

    def build_search_text(self) -> str:
        return fold(" ".join([self.title, self.reference, self.task_type]))

    @property
    def last_announcement_on(self):
        """Art. 13 ust. 1: the offer period counts from the day the last of the three announcements appeared."""
        dates = [self.bip_published_on, self.notice_board_published_on, self.website_published_on]
        return max(dates) if all(dates) else None


class PriorFunding(models.Model):
    """Art. 13 ust. 2 pkt 7: tasks of the same type funded in the year of the call and the year before."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="prior_funding")
    year = models.PositiveSmallIntegerField(_("rok"))
    task = models.CharField(_("zadanie"), max_length=300)
    total_cost = models.DecimalField(
        _("koszt (zł)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    grants_to_organizations = models.DecimalField(
        _("w tym dotacje dla organizacji (zł)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["-year", "id"]

    def __str__(self):
        return f"{self.year}: {self.task}"


def competition_document_path(instance, filename):
    return f"grants/{instance.competition_id}/{secrets.token_hex(8)}.pdf"


class CompetitionDocument(models.Model):
    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("nazwa dokumentu"), max_length=200)
    file = models.FileField(_("plik PDF"), upload_to=competition_document_path)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # A corrected document replaces the earlier one, which stays listed as superseded.
    replaces = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    is_current = models.BooleanField(default=True)

    class Meta:
        ordering = ["title", "-uploaded_at"]

    def __str__(self):
        return self.title


class Criterion(models.Model):
    class Kind(models.TextChoices):
        FORMAL = "formal", _("formalne (spełnia / nie spełnia)")
        MERIT = "merit", _("merytoryczne (punkty)")

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="criteria")
    kind = models.CharField(_("rodzaj"), max_length=10, choices=Kind.choices, default=Kind.MERIT)
    name = models.CharField(_("kryterium"), max_length=300)
    max_points = models.PositiveSmallIntegerField(_("maksymalna liczba punktów"), default=0)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["kind", "order", "id"]

    def __str__(self):
        return self.name


class StatusChange(models.Model):
    """The public history of a competition: every change of its state, with the date and, for cancellation, why."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(max_length=20, choices=Competition.Status.choices)
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self):
        return self.get_status_display()


class CompetitionChange(models.Model):
    """A change to an announced competition (new deadline, corrected document), shown publicly and e-mailed once."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="changes")
    revision = models.PositiveIntegerField()
    summary = models.CharField(max_length=500)
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        return self.summary


# --- Offers and the evaluation committee -----------------------------------------------------


def offer_path(instance, filename):
    return f"grants/offers/{instance.competition_id}/{secrets.token_hex(8)}.pdf"


class Offer(models.Model):
    class Formal(models.TextChoices):
        PENDING = "pending", _("nieoceniona")
        PASSED = "passed", _("spełnia wymogi formalne")
        REJECTED = "rejected", _("odrzucona formalnie")

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="offers")
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organizacja"),
        on_delete=models.PROTECT,
        related_name="grant_offers",
    )
    title = models.CharField(_("tytuł zadania"), max_length=300)
    requested_amount = models.DecimalField(
        _("wnioskowana kwota (zł)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    # Outside MEDIA_ROOT: only the permission-checked view serves it (private_storage.py).
    file = models.FileField(_("oferta (PDF)"), upload_to=offer_path, storage=private_storage, blank=True)
    received_on = models.DateField(_("data wpływu"))
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    registered_at = models.DateTimeField(auto_now_add=True)
    formal_status = models.CharField(_("ocena formalna"), max_length=20, choices=Formal.choices, default=Formal.PENDING)
    formal_notes = models.TextField(_("uwagi z oceny formalnej"), blank=True)
    # The formal criteria as a checklist: {criterion id (str): met (bool)}, kept for the protocol.
    formal_checks = models.JSONField(default=dict, blank=True)
    formal_assessed_at = models.DateTimeField(_("data oceny formalnej"), null=True, blank=True)
    formal_assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_amount = models.DecimalField(
        _("kwota proponowana przez komisję (zł)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    awarded_amount = models.DecimalField(
        _("przyznana dotacja (zł)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        ordering = ["organization__name", "title"]
        verbose_name = _("oferta")
        verbose_name_plural = _("oferty")

    def __str__(self):
        return f"{self.organization}: {self.title}"


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
        ]

    def __str__(self):
        return self.name or str(self.user)

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
    # the account is looked up here, not shown there: None until the person has one (committees.nominee).
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


class Score(models.Model):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="scores")
    member = models.ForeignKey(CommitteeMember, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    points = models.DecimalField(_("punkty"), max_digits=5, decimal_places=1, validators=[MinValueValidator(0)])
    justification = models.TextField(_("uzasadnienie"))
    updated_at = models.DateTimeField(auto_now=True)
    # Set on every score of a card when the member submits it; a submitted card no longer changes.
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["offer", "member", "criterion"], name="score_once")]

    def __str__(self):
        return f"{self.criterion}: {self.points}"

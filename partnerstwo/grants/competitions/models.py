"""The open competition for offers (docs/law.md#public-benefit-act): its announcement (art. 13), documents,
criteria, and the public history of its states and changes. Legal rules are checked in rules.py, the
lifecycle in lifecycle.py.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.schedule.models import Mode, PlannedCompetition
from partnerstwo.lib.models import AmountField, FoldedSearchModel
from partnerstwo.lib.publication import PublishedInThreePlaces
from partnerstwo.lib.text import fold


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


class Competition(PublishedInThreePlaces, FoldedSearchModel):
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
    public_funds = AmountField(
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
    # Art. 13 ust. 3: the announcement's three places (PublishedInThreePlaces); the offer period counts from the last.

    class CancellationGround(models.TextChoices):
        """Art. 18a: the only two grounds on which a competition is cancelled."""

        NO_OFFERS = "no_offers", _("nie złożono żadnej oferty")
        NONE_MET_REQUIREMENTS = "none_met_requirements", _("żadna z ofert nie spełniła wymogów zawartych w ogłoszeniu")

    cancellation_ground = models.CharField(
        _("podstawa unieważnienia (art. 18a)"), max_length=30, choices=CancellationGround.choices, blank=True
    )
    # The public text of the cancellation: its ground and what the official added.
    # The call's rules for offers written online (grants/offers/checks.py); empty means the call sets no limit.
    accepts_online_offers = models.BooleanField(_("przyjmuje oferty online"), default=False)
    max_grant = AmountField(
        _("najwyższa dotacja na jedną ofertę (zł)"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    min_own_contribution_percent = models.DecimalField(
        _("najmniejszy udział wkładu własnego (%)"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    own_contribution_includes_non_financial = models.BooleanField(
        _("wkład niefinansowy liczy się do wkładu własnego"), default=True
    )
    max_admin_percent = models.DecimalField(
        _("największy udział kosztów administracyjnych (%)"), max_digits=5, decimal_places=2, null=True,
        blank=True, validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    allows_corrections = models.BooleanField(_("dopuszcza poprawianie ofert po ocenie formalnej"), default=False)
    # {field of the online offer: characters}; fields not named use settings.GRANTS_OFFER_FIELD_LIMITS.
    field_limits = models.JSONField(_("limity znaków w polach oferty"), default=dict, blank=True)

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
        return self.last_published_on

    @property
    def is_public(self) -> bool:
        """Announced at some point (as in public()): until then only its department sees a preview."""
        return self.status != self.Status.PLANNED

    @property
    def is_calling_for_offers(self) -> bool:
        """Announced and not yet closed: offers are (or will be) accepted until the offer deadline."""
        return self.status in (self.Status.ANNOUNCED, self.Status.ACCEPTING)

    @property
    def can_publish_results(self) -> bool:
        """The results come out of the committee's evaluation (lifecycle.publish_results)."""
        return self.status == self.Status.EVALUATION

    @property
    def has_results(self) -> bool:
        return self.status == self.Status.RESULTS

    @property
    def is_cancelled(self) -> bool:
        """Cancelled under art. 18a (cancellation_reason says why)."""
        return self.status == self.Status.CANCELLED


class PriorFunding(models.Model):
    """Art. 13 ust. 2 pkt 7: tasks of the same type funded in the year of the call and the year before."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="prior_funding")
    year = models.PositiveSmallIntegerField(_("rok"))
    task = models.CharField(_("zadanie"), max_length=300)
    total_cost = AmountField(
        _("koszt (zł)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    grants_to_organizations = AmountField(
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


class OutcomePublication(PublishedInThreePlaces):
    """Where and when the outcome was announced: the results (art. 15 ust. 2h) or the cancellation (art. 18a), each
    in the three places of art. 13 ust. 3. Which of the two it is follows from the competition's state."""

    competition = models.OneToOneField(Competition, on_delete=models.CASCADE, related_name="outcome_publication")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("publikacja wyników lub unieważnienia")
        verbose_name_plural = _("publikacje wyników i unieważnień")

    def __str__(self):
        return str(self.competition)


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

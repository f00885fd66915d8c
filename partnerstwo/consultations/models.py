"""Consultations of draft acts with organisations (art. 5 ust. 2 pkt 3 and ust. 5 of the Act;
docs/law.md#consultations).

A consultation holds the draft in versions, each split into units (units.py); comments are made on a
unit or on the draft as a whole, written opinions are uploaded beside them, the department answers
each comment (several identical ones with one answer), and the report is published at the end.
Where it stands (upcoming, open, closed awaiting the report, finished) follows from its dates by the
server's clock and from the report's publication: see Consultation.stage().
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.team.models import STATUTORY_OPINION_DAYS


def document_path(instance, filename):
    return f"consultations/{secrets.token_hex(8)}.pdf"


class Kind(models.TextChoices):
    RESOLUTION = "resolution", _("projekt uchwały Rady Miasta")
    ORDER = "order", _("projekt zarządzenia Prezydenta Miasta")
    PROGRAMME = "programme", _("projekt programu")
    STRATEGY = "strategy", _("projekt strategii")
    OTHER = "other", _("inny projekt")


class Stage(models.TextChoices):
    """Where a consultation stands today; computed, never stored (see Consultation.stage)."""

    DRAFT = "draft", _("w przygotowaniu")
    UPCOMING = "upcoming", _("zapowiedziane")
    OPEN = "open", _("trwają")
    CLOSED = "closed", _("zakończone – czekają na sprawozdanie")
    FINISHED = "finished", _("zakończone – sprawozdanie opublikowane")


def body_opinion_due(*, kind: str, for_body: bool, starts_on) -> datetime.date | None:
    """The last day of the advisory body's opinion on a draft cooperation programme or development strategy it is
    consulted on: 14 days after the draft reaches it, which is the first day of the consultation (art. 41i ust. 2;
    docs/law.md#consultation-body-fourteen-days). None when the Act sets no such period."""
    if for_body and starts_on and kind in (Kind.PROGRAMME, Kind.STRATEGY):
        return starts_on + datetime.timedelta(days=STATUTORY_OPINION_DAYS)
    return None


class ConsultationQuerySet(models.QuerySet):
    def public(self):
        return self.filter(announced_at__isnull=False)

    def editable_by(self, user):
        """Officials act on their own department's consultations, administrators on all; nobody else on any."""
        if not user.is_authenticated:
            return self.none()
        if user.is_administrator:
            return self.all()
        if user.is_official and user.department_id:
            return self.filter(department_id=user.department_id)
        return self.none()

    def in_stage(self, stage: str, today: datetime.date):
        public = self.public()
        if stage == Stage.UPCOMING:
            return public.filter(starts_on__gt=today)
        if stage == Stage.OPEN:
            return public.filter(starts_on__lte=today, ends_on__gte=today)
        if stage == Stage.CLOSED:
            return public.filter(ends_on__lt=today, report_published_at__isnull=True)
        if stage == Stage.FINISHED:
            return public.filter(report_published_at__isnull=False)
        return self.filter(announced_at__isnull=True)


class Consultation(models.Model):
    class Audience(models.TextChoices):
        NGOS = "ngos", _("organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy")
        BODY = "body", _("Zespół Konsultacyjny")
        RESIDENTS = "residents", _("mieszkańcy")

    title = models.CharField(_("tytuł projektu aktu"), max_length=300)
    slug = models.SlugField(_("adres strony"), max_length=100, unique=True)
    kind = models.CharField(_("rodzaj projektu"), max_length=20, choices=Kind.choices, default=Kind.RESOLUTION)
    legal_basis = models.TextField(_("podstawa prawna"), max_length=2000)
    summary = models.TextField(
        _("przedmiot i cel konsultacji"), max_length=5000, help_text=_("Można używać Markdown."),
    )
    department = models.ForeignKey(
        "city.Department", verbose_name=_("wydział odpowiedzialny"), on_delete=models.PROTECT,
        related_name="consultations",
    )
    spheres = models.ManyToManyField(
        "city.PublicTaskSphere", verbose_name=_("sfery zadań publicznych"), blank=True, related_name="consultations",
    )
    legal_act = models.ForeignKey(
        "team.LegalAct", verbose_name=_("akt śledzony przez Zespół"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="consultations",
    )
    for_ngos = models.BooleanField(_("organizacje pozarządowe i podmioty z art. 3 ust. 3"), default=True)
    for_body = models.BooleanField(_("Zespół Konsultacyjny"), default=True)
    for_residents = models.BooleanField(_("mieszkańcy"), default=False)
    starts_on = models.DateField(_("początek konsultacji"))
    ends_on = models.DateField(_("koniec konsultacji (ostatni dzień)"))
    short_period_reason = models.TextField(
        _("uzasadnienie krótszego terminu"), blank=True, max_length=2000,
        help_text=_("Wymagane, gdy konsultacje trwają krócej niż minimum dla tego rodzaju projektu; publikowane."),
    )
    form_site = models.BooleanField(_("uwagi w serwisie"), default=True)
    form_written = models.BooleanField(_("opinie pisemne (PDF)"), default=True)
    form_meeting = models.BooleanField(_("otwarte spotkanie konsultacyjne"), default=False)
    meeting_starts_at = models.DateTimeField(_("spotkanie – początek"), null=True, blank=True)
    meeting_ends_at = models.DateTimeField(_("spotkanie – koniec"), null=True, blank=True)
    meeting_place = models.CharField(_("spotkanie – miejsce"), max_length=300, blank=True)
    meeting_event = models.OneToOneField(
        "events.Event", on_delete=models.SET_NULL, null=True, blank=True, related_name="consultation",
        editable=False,
    )
    # The advisory body's draft position opened when a consultation it is consulted in is announced (drafting.
    # open_body_position); the position's page reads the consultation back through this link.
    team_position = models.OneToOneField(
        "team.Position", verbose_name=_("stanowisko Zespołu w tych konsultacjach"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="consultation", editable=False,
    )
    meeting_minutes = models.TextField(_("protokół ze spotkania"), blank=True, max_length=20000)
    comments_public_at_once = models.BooleanField(
        _("uwagi widoczne od razu"), default=True,
        help_text=_("Gdy wyłączone, uwagi zobaczą wszyscy dopiero po zakończeniu konsultacji."),
    )
    contact_name = models.CharField(_("osoba do kontaktu"), max_length=150)
    contact_email = models.EmailField(_("e-mail do kontaktu"))
    contact_phone = models.CharField(_("telefon do kontaktu"), max_length=40, blank=True)
    outcome = models.TextField(_("wynik konsultacji"), blank=True, max_length=10000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    announced_at = models.DateTimeField(null=True, blank=True, editable=False)
    report_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the followers were told the period ended (once).
    closing_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("konsultacje")
        verbose_name_plural = _("konsultacje")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="consultation_dates"),
            models.CheckConstraint(
                condition=Q(for_ngos=True) | Q(for_body=True) | Q(for_residents=True),
                name="consultation_has_audience",
            ),
            models.CheckConstraint(
                condition=Q(report_published_at__isnull=True) | Q(announced_at__isnull=False),
                name="consultation_report_after_announcement",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consultations:detail", args=[self.slug])

    @property
    def is_announced(self) -> bool:
        return self.announced_at is not None

    @property
    def report_published(self) -> bool:
        return self.report_published_at is not None

    def deadline(self) -> datetime.datetime:
        """The end of the last day, in the city's time: comments close then by the server's clock."""
        next_day = self.ends_on + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(next_day, datetime.time.min))

    def opens(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.starts_on, datetime.time.min))

    def stage(self, now: datetime.datetime | None = None) -> str:
        now = now or timezone.now()
        if not self.is_announced:
            return Stage.DRAFT
        if self.report_published:
            return Stage.FINISHED
        if now < self.opens():
            return Stage.UPCOMING
        if now < self.deadline():
            return Stage.OPEN
        return Stage.CLOSED

    def get_stage_display(self):
        return Stage(self.stage()).label

    def is_open(self, now=None) -> bool:
        return self.stage(now) == Stage.OPEN

    def comments_visible(self, now=None) -> bool:
        """Whether the public sees the comments: at once if the consultation says so, else after the period."""
        stage = self.stage(now)
        return stage in (Stage.CLOSED, Stage.FINISHED) or (self.comments_public_at_once and stage == Stage.OPEN)

    def period_days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1

    def body_opinion_due(self) -> datetime.date | None:
        """The advisory body's last day for its opinion (art. 41i ust. 2), or None (see body_opinion_due)."""
        return body_opinion_due(kind=self.kind, for_body=self.for_body, starts_on=self.starts_on)

    def audiences(self) -> list:
        chosen = [(self.for_ngos, self.Audience.NGOS), (self.for_body, self.Audience.BODY),
                  (self.for_residents, self.Audience.RESIDENTS)]
        return [audience.label for on, audience in chosen if on]

    def forms(self) -> list:
        chosen = [(self.form_site, _("uwagi w serwisie")), (self.form_written, _("opinie pisemne")),
                  (self.form_meeting, _("otwarte spotkanie konsultacyjne"))]
        return [label for on, label in chosen if on]

    def current_version(self):
        return self.versions.order_by("-number").first()


class Document(models.Model):
    class Kind(models.TextChoices):
        DRAFT = "draft", _("projekt aktu")
        JUSTIFICATION = "justification", _("uzasadnienie")
        ATTACHMENT = "attachment", _("załącznik")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("rodzaj dokumentu"), max_length=20, choices=Kind.choices, default=Kind.DRAFT)
    title = models.CharField(_("nazwa dokumentu"), max_length=200)
    file = models.FileField(_("plik PDF"), upload_to=document_path)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "added_at", "pk"]
        verbose_name = _("dokument konsultacji")
        verbose_name_plural = _("dokumenty konsultacji")

    def __str__(self):
        return self.title


class DraftVersion(models.Model):
    """The draft's text as pasted: version 1 before the announcement, a new one for each change during it."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(default=1)
    text = models.TextField(_("tekst projektu"), max_length=500_000)
    note = models.CharField(_("co się zmieniło"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="draft_version_number_once"),
        ]

    def __str__(self):
        return f"{self.consultation} v{self.number}"


class Unit(models.Model):
    """One unit of a version (a chapter, §, ust., pkt, lit., tiret) with its stable anchor (units.py)."""

    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="units")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=20)
    label = models.CharField(max_length=60)
    path_label = models.CharField(max_length=200)
    anchor = models.CharField(max_length=150)
    heading = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    depth = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "anchor"], name="unit_anchor_once_per_version"),
            models.UniqueConstraint(fields=["version", "position"], name="unit_position_once_per_version"),
        ]

    def __str__(self):
        return self.path_label

    @property
    def takes_comments(self) -> bool:
        """Chapters and annexes are headings: a comment goes on a provision (or on the whole draft)."""
        return self.kind not in ("chapter", "annex")


class Capacity(models.TextChoices):
    PERSON = "person", _("we własnym imieniu")
    ORGANIZATION = "organization", _("w imieniu organizacji")
    BODY = "body", _("w imieniu Zespołu Konsultacyjnego")


class Channel(models.TextChoices):
    SITE = "site", _("w serwisie")
    PAPER = "paper", _("na piśmie")
    EMAIL = "email", _("e-mailem")
    MEETING = "meeting", _("na spotkaniu konsultacyjnym")


class ContributionQuerySet(models.QuerySet):
    def counted(self):
        """What the report lists: neither withdrawn by its author nor removed by a moderator."""
        return self.filter(withdrawn_at__isnull=True, removed_at__isnull=True)

    def by(self, user):
        return self.filter(author=user)


class Contribution(models.Model):
    """Who speaks (a person, an organisation through its representative, or the Team once it agreed) and how."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="%(class)ss")
    capacity = models.CharField(_("w czyim imieniu"), max_length=20, choices=Capacity.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    author_name = models.CharField(_("imię i nazwisko lub nazwa"), max_length=200)
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organizacja"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="consultation_%(class)ss",
    )
    body_position = models.ForeignKey(
        "team.Position", verbose_name=_("stanowisko Zespołu"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="consultation_%(class)ss",
    )
    channel = models.CharField(_("jak wpłynęła"), max_length=20, choices=Channel.choices, default=Channel.SITE)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    removal_reason = models.TextField(_("powód usunięcia"), blank=True, max_length=2000)
    # A person's key in this consultation, the same on all their comments and opinions: random, not derived from
    # who they are, so it stays when their name is removed (personal_data) and the report still counts each
    # person once. Empty for organisations and the Team, which the report names.
    participant = models.CharField(max_length=32, blank=True, editable=False)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.participant and self.capacity == Capacity.PERSON and not kwargs.get("update_fields"):
            self.participant = person_key(self)
        super().save(*args, **kwargs)

    def public_author(self) -> str:
        """Organisations and the Team by name; a person is not named in public (the report counts them)."""
        if self.capacity == Capacity.ORGANIZATION:
            return self.organization.name if self.organization_id else self.author_name
        if self.capacity == Capacity.BODY:
            return str(_("Zespół Konsultacyjny"))
        return str(_("osoba prywatna"))

    @property
    def is_counted(self) -> bool:
        return self.withdrawn_at is None and self.removed_at is None


def person_key(contribution: "Contribution") -> str:
    """The key this person already has in the consultation (the same account; on paper, the same name), or a new
    one (two queries at most: comments, then opinions)."""
    same = {"consultation_id": contribution.consultation_id, "capacity": Capacity.PERSON}
    if contribution.author_id:
        same["author_id"] = contribution.author_id
    else:
        same.update(author__isnull=True, author_name=contribution.author_name)
    for model in (Comment, WrittenOpinion):
        found = model.objects.filter(**same).exclude(participant="").values_list("participant", flat=True).first()
        if found:
            return found
    return secrets.token_hex(16)


class Answer(models.Model):
    """The department's answer; one answer may cover several identical comments, each still listed."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("uwzględniona")
        PARTLY = "partly", _("uwzględniona częściowo")
        REJECTED = "rejected", _("nieuwzględniona")
        NOT_APPLICABLE = "not_applicable", _("nie dotyczy przedmiotu konsultacji")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="answers")
    decision = models.CharField(_("rozstrzygnięcie"), max_length=20, choices=Decision.choices)
    justification = models.TextField(_("uzasadnienie"), max_length=10000)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.get_decision_display()


class Comment(Contribution):
    """A comment in the standard form of a consultation survey: the provision, its wording, the proposal, why."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("jednostka redakcyjna"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="comments", help_text=_("Puste: uwaga do całego projektu."),
    )
    current_wording = models.TextField(_("obecne brzmienie"), blank=True, max_length=50_000)
    proposed_wording = models.TextField(_("proponowane brzmienie"), max_length=10_000)
    justification = models.TextField(_("uzasadnienie"), max_length=10_000)
    answer = models.ForeignKey(Answer, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments")

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("uwaga")
        verbose_name_plural = _("uwagi")
        indexes = [models.Index(fields=["consultation", "unit"])]
        constraints = [
            models.CheckConstraint(
                # On the site an organisation speaks through its representative; one that wrote on paper may
                # not be in the directory, and is named in author_name.
                condition=~Q(capacity="organization") | Q(organization__isnull=False) | ~Q(channel="site"),
                name="consultation_comment_names_organization",
            ),
            models.CheckConstraint(
                condition=Q(removed_at__isnull=True) | ~Q(removal_reason=""),
                name="consultation_comment_removal_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.provision_label()}: {self.proposed_wording[:60]}"

    def provision_label(self) -> str:
        return self.unit.path_label if self.unit_id else str(_("cały projekt"))


class WrittenOpinion(Contribution):
    """A written opinion uploaded as a PDF (or scanned from paper by an official), listed beside the comments."""

    title = models.CharField(_("tytuł opinii"), max_length=200)
    file = models.FileField(_("opinia (PDF)"), upload_to=document_path)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("opinia pisemna")
        verbose_name_plural = _("opinie pisemne")
        constraints = [
            models.CheckConstraint(
                condition=~Q(capacity="organization") | Q(organization__isnull=False) | ~Q(channel="site"),
                name="consultation_opinion_names_organization",
            ),
        ]

    def __str__(self):
        return self.title


class Follower(models.Model):
    """A signed-in user told by e-mail when the consultation closes and when its report is published."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="followers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_consultations")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["consultation", "user"], name="follow_consultation_once")]

    def __str__(self):
        return f"{self.user} → {self.consultation}"

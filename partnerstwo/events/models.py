"""The events calendar: NGO events, trainings and the NGO Forum, with registration.

An Event holds what is said about it; its Occurrences are the dates it happens on (one for a
single event, many for a repeating one), materialised from the RRULE so that calendar views and
registrations work on plain rows. Registrations belong to one occurrence.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.models import FoldedSearchModel
from partnerstwo.lib.text import fold


class EventKind(models.TextChoices):
    TRAINING = "training", _("szkolenie")
    MEETING = "meeting", _("spotkanie")
    PANEL = "panel", _("panel / debata")
    INTEGRATION = "integration", _("spotkanie integracyjne")
    CONFERENCE = "conference", _("konferencja / Forum")
    VOLUNTEERING = "volunteering", _("akcja wolontariacka")
    OTHER = "other", _("inne")


class OrganizerKind(models.TextChoices):
    ORGANIZATION = "organization", _("organizacja pozarządowa")
    CENTRE = "centre", _("Centrum Współpracy Organizacji Pozarządowych")
    ADVISORY_BODY = "advisory_body", _("Zespół Konsultacyjny")
    CITY = "city", _("Urząd Miasta")


class RegistrationMode(models.TextChoices):
    NONE = "none", _("bez zapisów")
    EXTERNAL = "external", _("zapisy u organizatora (link)")
    HERE = "here", _("zapisy w serwisie")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("szkic")
    PENDING = "pending", _("czeka na akceptację")
    RETURNED = "returned", _("zwrócone do poprawy")
    PUBLISHED = "published", _("opublikowane")
    CANCELLED = "cancelled", _("odwołane")


# Events of these organisers are submitted by people outside the city office and reviewed by officials.
REVIEWED_KINDS = [OrganizerKind.ORGANIZATION, OrganizerKind.ADVISORY_BODY]


class EventQuerySet(models.QuerySet):
    def public(self):
        """What the calendar shows: published events and cancelled ones (they stay, marked, so
        subscribers' calendars learn of the cancellation)."""
        return self.filter(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])

    def editable_by(self, user):
        """Representatives edit their organisations' events; Team members the advisory body's; officials
        their department's events and every event an organisation or the Team submitted (they review
        them); administrators everything."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_administrator:
            return self.all()
        mine = Q(submitted_by=user)
        if user.is_official:
            return self.filter(mine | Q(department=user.department_id) | Q(organizer_kind__in=REVIEWED_KINDS))
        if user.is_team_member:
            mine |= Q(organizer_kind=OrganizerKind.ADVISORY_BODY)
        from partnerstwo.organizations.models import Organization

        represented = Organization.objects.represented_by(user).values("pk")
        return self.filter(mine | Q(organization__in=represented))


class Event(FoldedSearchModel):
    title = models.CharField(_("tytuł"), max_length=200)
    slug = models.SlugField(_("adres strony"), max_length=220, unique=True)
    # Stable across edits: the iCal UID that subscribers' calendars track.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("rodzaj"), max_length=20, choices=EventKind.choices)
    organizer_kind = models.CharField(
        _("organizator"), max_length=20, choices=OrganizerKind.choices, default=OrganizerKind.ORGANIZATION
    )
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organizacja"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="events",
    )
    department = models.ForeignKey(
        "city.Department", verbose_name=_("wydział"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="events",
    )

    # The first occurrence; a repeating event repeats it by rrule, minus exdates.
    starts_at = models.DateTimeField(_("początek"))
    ends_at = models.DateTimeField(_("koniec"))
    all_day = models.BooleanField(_("całodniowe"), default=False)
    rrule = models.CharField(
        _("reguła powtarzania (RRULE)"), max_length=300, blank=True,
        help_text=_("Np. FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T000000Z. Puste: wydarzenie jednorazowe."),
    )
    exdates = models.JSONField(_("daty wyłączone"), default=list, blank=True)

    street = models.CharField(_("adres"), max_length=200, blank=True)
    town = models.CharField(_("miejscowość"), max_length=100, blank=True)
    venue = models.CharField(_("miejsce (nazwa)"), max_length=200, blank=True)
    district = models.ForeignKey(
        "city.District", verbose_name=_("osiedle"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="events",
    )
    online_url = models.URLField(_("link do wydarzenia online"), blank=True)

    description = models.TextField(_("opis"), blank=True, help_text=_("Można używać Markdown."))
    spheres = models.ManyToManyField(
        "city.PublicTaskSphere", verbose_name=_("sfery zadań publicznych"), blank=True, related_name="events"
    )
    audience = models.CharField(_("dla kogo"), max_length=200, blank=True)
    step_free_access = models.BooleanField(_("dostęp bez barier architektonicznych"), default=False)
    sign_language = models.BooleanField(_("tłumacz PJM"), default=False)
    induction_loop = models.BooleanField(_("pętla indukcyjna"), default=False)
    accessibility_notes = models.CharField(_("inne informacje o dostępności"), max_length=300, blank=True)
    is_free = models.BooleanField(_("bezpłatne"), default=True)
    price = models.CharField(_("cena"), max_length=100, blank=True)
    image = models.ImageField(_("zdjęcie"), upload_to="events/", blank=True)
    image_alt = models.CharField(_("opis zdjęcia (tekst alternatywny)"), max_length=200, blank=True)

    registration_mode = models.CharField(
        _("zapisy"), max_length=20, choices=RegistrationMode.choices, default=RegistrationMode.NONE
    )
    external_registration_url = models.URLField(_("link do zapisów u organizatora"), blank=True)
    capacity = models.PositiveIntegerField(_("liczba miejsc"), null=True, blank=True)
    registration_deadline = models.DateTimeField(_("zapisy do"), null=True, blank=True)

    status = models.CharField(_("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT)
    review_reason = models.TextField(_("uwagi do zgłoszenia"), blank=True)
    cancellation_reason = models.TextField(_("powód odwołania"), blank=True)
    # iCal SEQUENCE: grows with every published change, so calendars replace their copy.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Forum: the organisations presenting themselves (the programme is ForumSession rows).
    presenting_organizations = models.ManyToManyField(
        "organizations.Organization", verbose_name=_("organizacje prezentujące się"), blank=True,
        related_name="presented_at",
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("wydarzenie")
        verbose_name_plural = _("wydarzenia")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start",
                violation_error_message=_("Koniec wydarzenia nie może być wcześniejszy niż początek."),
            ),
            models.CheckConstraint(
                condition=~Q(organizer_kind="organization") | Q(organization__isnull=False),
                name="event_organization_named",
                violation_error_message=_("Wskaż organizację, która organizuje wydarzenie."),
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="event_status_start")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    def build_search_text(self) -> str:
        """The calendar's text search: title, venue and address (trigram index on PostgreSQL)."""
        return fold(" ".join(part for part in (self.title, self.venue, self.street, self.town) if part))

    @property
    def is_repeating(self) -> bool:
        return bool(self.rrule)

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED


class OccurrenceQuerySet(models.QuerySet):
    def public(self):
        return self.filter(event__status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])

    def between(self, start, end):
        """Occurrences that overlap [start, end)."""
        return self.filter(starts_at__lt=end, ends_at__gte=start)

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now())


class Occurrence(models.Model):
    """One date of an event. Rows are rebuilt from the event's rule when its dates change;
    those that have registrations are kept (and cancelled if the rule no longer has them)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="occurrences")
    starts_at = models.DateTimeField(_("początek"), db_index=True)
    ends_at = models.DateTimeField(_("koniec"))
    is_cancelled = models.BooleanField(_("odwołany termin"), default=False)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("termin wydarzenia")
        verbose_name_plural = _("terminy wydarzeń")
        constraints = [
            models.UniqueConstraint(fields=["event", "starts_at"], name="occurrence_once_per_start"),
        ]
        indexes = [models.Index(fields=["starts_at", "ends_at"], name="occurrence_range")]

    def __str__(self):
        return f"{self.event} ({timezone.localtime(self.starts_at):%Y-%m-%d %H:%M})"


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("zapisany")
        WAITING = "waiting", _("lista rezerwowa")
        CANCELLED = "cancelled", _("zrezygnował")

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("imię i nazwisko"), max_length=150)
    email = models.EmailField(_("e-mail"))
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organizacja"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="event_registrations",
    )
    needs = models.TextField(_("potrzeby (np. dostępność)"), blank=True, max_length=1000)
    consent_at = models.DateTimeField(_("zgoda na przetwarzanie danych"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("obecność"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("zgłoszenie na wydarzenie")
        verbose_name_plural = _("zgłoszenia na wydarzenia")
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "email"], condition=~Q(status="cancelled"),
                name="registration_once_per_email",
                violation_error_message=_("Ten adres e-mail jest już zapisany na to wydarzenie."),
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.occurrence}"


class ForumSession(models.Model):
    """A session in the programme of the NGO Forum (or any conference)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("początek"))
    ends_at = models.DateTimeField(_("koniec"))
    room = models.CharField(_("sala"), max_length=100, blank=True)
    title = models.CharField(_("temat"), max_length=200)
    speakers = models.CharField(_("prowadzący"), max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at", "room"]
        verbose_name = _("punkt programu")
        verbose_name_plural = _("program")

    def __str__(self):
        return self.title

"""The events calendar: NGO events, trainings and the NGO Forum, with registration.

An Event holds what is said about it; its Occurrences are the dates it happens on (one for a
single event, many for a repeating one), materialised from the RRULE so that calendar views and
registrations work on plain rows. Registrations belong to one occurrence.
"""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.models import FoldedSearchModel
from partnerstwo.lib.text import fold
from partnerstwo.organizations.models import Organization


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


# Organisers whose events belong to a department of the city office (its officials run them).
CITY_KINDS = [OrganizerKind.CITY, OrganizerKind.CENTRE]


class EventQuerySet(models.QuerySet):
    def public(self):
        """What the calendar shows: published events and cancelled ones (they stay, marked, so
        subscribers' calendars learn of the cancellation)."""
        return self.filter(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])

    def organised_by(self, user):
        """The events this person organises today: their organisations' (while the representation is
        approved), the advisory body's for Team members, their department's city and Centre events for
        officials. Checked on every request, so whoever stops representing or leaves the Team loses
        them at that moment. Who submitted an event does not matter."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_official:
            return self.filter(department=user.department_id, organizer_kind__in=CITY_KINDS)
        organiser = Q(organization__in=Organization.objects.represented_by(user).values("pk"))
        if user.is_team_member:
            organiser |= Q(organizer_kind=OrganizerKind.ADVISORY_BODY)
        return self.filter(organiser)

    def managed_by(self, user):
        """Who edits and cancels an event: its organisers and administrators."""
        if user.is_authenticated and user.is_active and user.is_administrator:
            return self.all()
        return self.organised_by(user)

    # The name the rest of the code knows; the same rule.
    editable_by = managed_by

    def reviewable_by(self, user):
        """Events submitted from outside the office, which any official (or administrator) reviews."""
        if not user.is_authenticated or not user.is_active or not (user.is_official or user.is_administrator):
            return self.none()
        return self.filter(organizer_kind__in=REVIEWED_KINDS)

    def participants_visible_to(self, user):
        """Whose participant lists (names, e-mails, attendance) this person sees: the organisers and
        administrators. Not every official: reviewing an event gives no sight of who registered."""
        return self.managed_by(user)

    def needs_visible_to(self, user):
        """Whose participants' needs (they may reveal health) this person sees: only the organisers,
        who arrange the venue, the interpreter or the meal. Administrators see the list for support,
        not the needs (docs/decisions/0007-event-participants-and-needs.md)."""
        return self.organised_by(user)


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
    # Stored as an iCalendar RRULE (the feeds need it as it is); people set it with the plain choices of the event
    # form, so the admin names it in plain words.
    rrule = models.CharField(
        _("powtarzanie"), max_length=300, blank=True,
        help_text=_(
            "Zapis powtarzania, który tworzy formularz wydarzenia (co tydzień, co miesiąc, do kiedy). "
            "Puste: wydarzenie jednorazowe."
        ),
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
    def exception_days(self) -> list[datetime.date]:
        """The local days the repetition skips, in order (exdates holds them as iCalendar values)."""
        from partnerstwo.events.schedule import parse_exdate_day  # schedule imports this module

        return sorted({parse_exdate_day(value) for value in self.exdates} - {None})

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED

    @property
    def awaits_review(self) -> bool:
        return self.status == EventStatus.PENDING

    @property
    def is_returned(self) -> bool:
        """Sent back to its organisers with the reviewer's remarks (review_reason)."""
        return self.status == EventStatus.RETURNED

    @property
    def can_be_cancelled(self) -> bool:
        """Only a published event is called off; a draft or a submission simply never appears."""
        return self.is_published

    @property
    def has_programme(self) -> bool:
        """A conference (the NGO Forum among them) has a programme of sessions and presenting organisations."""
        return self.kind == EventKind.CONFERENCE


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


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def holding_places(self, now=None):
        """Confirmed places and places held for people who have not yet confirmed their address."""
        now = now or timezone.now()
        return self.filter(
            Q(status=Registration.Status.CONFIRMED)
            | Q(status=Registration.Status.UNCONFIRMED, holds_place=True, hold_expires_at__gt=now)
        )

    def expired_holds(self, now=None):
        return self.filter(status=Registration.Status.UNCONFIRMED, hold_expires_at__lte=now or timezone.now())

    def of_person(self, user):
        """A person's registrations: made while signed in, or with the address of their account."""
        return self.filter(Q(user=user) | Q(email__iexact=user.email))

    def with_waiting_place(self):
        """waiting_place: 1 for the next person to move up, and so on; None for those not waiting. The list
        runs in the order of created_at, then id (registration._move_up_first_waiting)."""
        ahead = Registration.objects.filter(
            occurrence=models.OuterRef("occurrence"), status=Registration.Status.WAITING,
        ).filter(
            Q(created_at__lt=models.OuterRef("created_at"))
            | Q(created_at=models.OuterRef("created_at"), pk__lt=models.OuterRef("pk"))
        ).order_by().values("occurrence").annotate(count=models.Count("pk")).values("count")
        place = Coalesce(models.Subquery(ahead, output_field=models.IntegerField()), 0) + 1
        return self.annotate(waiting_place=models.Case(
            models.When(status=Registration.Status.WAITING, then=place), output_field=models.IntegerField(),
        ))


class Registration(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("czeka na potwierdzenie adresu")
        CONFIRMED = "confirmed", _("zapisany")
        WAITING = "waiting", _("lista rezerwowa")
        CANCELLED = "cancelled", _("zrezygnował")

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="registrations")
    # Blank once anonymised (EVENTS_REGISTRATION_RETENTION_DAYS after the event, or the account deleted).
    name = models.CharField(_("imię i nazwisko"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("konto"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="event_registrations",
    )
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organizacja"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="event_registrations",
    )
    needs = models.TextField(_("potrzeby (np. dostępność)"), blank=True, max_length=1000)
    consent_at = models.DateTimeField(_("zgoda na przetwarzanie danych"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    # An unconfirmed registration made while there was room holds a place until hold_expires_at.
    holds_place = models.BooleanField(default=False)
    hold_expires_at = models.DateTimeField(null=True, blank=True)
    # When the registration took effect: when it was made, or when its address was confirmed. The
    # waiting list runs in this order.
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("obecność"), null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("zgłoszenie na wydarzenie")
        verbose_name_plural = _("zgłoszenia na wydarzenia")
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "email"], condition=~Q(status="cancelled") & Q(anonymised_at__isnull=True),
                name="registration_once_per_email",
                violation_error_message=_("Ten adres e-mail jest już zapisany na to wydarzenie."),
            ),
            models.CheckConstraint(
                condition=~Q(status="unconfirmed") | Q(hold_expires_at__isnull=False),
                name="registration_unconfirmed_expires",
            ),
        ]

    def __str__(self):
        return f"{self.name or '–'} – {self.occurrence}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    @property
    def is_waiting(self) -> bool:
        """On the waiting list: moved up in its order when a place frees."""
        return self.status == self.Status.WAITING

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


class EventChange(models.Model):
    """Changes a representative or Team member proposes to a published event, held for review.

    The published version stays public until an official approves the change; `values` holds the
    proposed values of the changed fields only (as their model field serialises them).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("czeka na akceptację")
        APPROVED = "approved", _("zatwierdzona")
        REJECTED = "rejected", _("odrzucona")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="changes")
    values = models.JSONField(default=dict)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("uzasadnienie"), blank=True)

    class Meta:
        ordering = ["proposed_at", "id"]
        verbose_name = _("zmiana wydarzenia")
        verbose_name_plural = _("zmiany wydarzeń")
        constraints = [
            models.UniqueConstraint(fields=["event"], condition=Q(status="pending"), name="event_change_one_pending"),
        ]

    def __str__(self):
        return f"{self.event} ({self.get_status_display()})"


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

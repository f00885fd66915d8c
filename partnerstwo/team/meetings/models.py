"""Meetings of the body: agenda, documents, guests, attendance, minutes and their comments, action items."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.team.body.models import Body, Membership


class MeetingQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now())

    def past(self):
        return self.filter(ends_at__lt=timezone.now())

    def with_published_minutes(self):
        return self.filter(minutes_status=Meeting.MinutesStatus.APPROVED)

    def alongside(self, meeting):
        """The meetings of the same body or the same group as `meeting`."""
        return self.filter(body=meeting.body_id, group=meeting.group_id)


class Meeting(models.Model):
    """A meeting of the body, or of one of its sector groups or working teams: its agenda, who came, and the
    minutes drafted from the agenda.

    The body's minutes are a draft the members comment on until a later meeting approves them by a vote; only
    then are they public (docs/law.md#brdpp-minutes-after-approval). A group's meeting belongs to the group
    instead of the body (exactly one of the two): the body's lists, counts, quorum and votes never see it; its
    minutes are published by whoever runs the group's meetings (team/groups/coordination.py).
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("zaplanowane")
        CANCELLED = "cancelled", _("odwołane")

    class MinutesStatus(models.TextChoices):
        DRAFT = "draft", _("projekt")
        APPROVED = "approved", _("przyjęty")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, null=True, blank=True, related_name="meetings")
    group = models.ForeignKey(
        "team.Group", verbose_name=_("grupa lub zespół roboczy"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="meetings",
    )
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
                condition=Q(minutes_status="draft") | Q(approved_at_meeting__isnull=False) | Q(group__isnull=False),
                name="meeting_minutes_approved_at_a_meeting",
            ),
            models.CheckConstraint(
                condition=Q(body__isnull=False, group__isnull=True) | Q(body__isnull=True, group__isnull=False),
                name="meeting_of_body_or_group",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%d.%m.%Y})"

    def get_absolute_url(self):
        if self.group_id:
            return reverse("team:group_meeting", args=[self.group.slug, self.pk])
        return reverse("team:meeting", args=[self.pk])

    @property
    def host(self):
        """The body or the group whose meeting it is (both have a name and a page)."""
        return self.group if self.group_id else self.body

    @property
    def is_group_meeting(self) -> bool:
        return self.group_id is not None

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
    # A seat on the body at the body's meetings, a group's member at the group's.
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, null=True, related_name="attendance")
    group_member = models.ForeignKey(
        "team.GroupMember", on_delete=models.CASCADE, null=True, related_name="attendance",
    )
    response = models.CharField(_("udział"), max_length=20, choices=Response.choices, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(_("obecność"), max_length=20, choices=Status.choices, blank=True)

    class Meta:
        ordering = ["meeting", "membership__person_name"]
        verbose_name = _("obecność na posiedzeniu")
        verbose_name_plural = _("obecność na posiedzeniach")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="attendance_once_per_member"),
            models.UniqueConstraint(
                fields=["meeting", "group_member"], condition=Q(group_member__isnull=False),
                name="attendance_once_per_group_member",
            ),
            models.CheckConstraint(
                condition=Q(membership__isnull=False, group_member__isnull=True)
                | Q(membership__isnull=True, group_member__isnull=False),
                name="attendance_of_seat_or_group_member",
            ),
        ]

    def __str__(self):
        return f"{self.membership.person_name if self.membership_id else self.group_member} – {self.meeting}"


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

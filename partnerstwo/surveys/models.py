"""Needs surveys (badania potrzeb): a questionnaire the Centre or the advisory body sends to organisations.

A survey has sections, each with questions (single or multiple choice, a scale, free text). Each organisation of
its audience answers once (Response, one per survey and organisation); its answers are rows of Answer: one per
chosen option, one with the number of a scale, one with the text of a free-text question. The answers belong to
the organisation; who submitted them is kept only as the account (submitted_by, SET_NULL with the account).

Once a survey has a response its questionnaire is frozen (questionnaire_locked): no section or question is
added, changed, moved or removed, so every answer keeps meaning what the organisation answered. The survey's own
settings (title, intro, dates, public summary) stay editable; its audience does not.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SurveyQuerySet(models.QuerySet):
    def open_on(self, day: dt.date):
        return self.filter(opens_on__lte=day, closes_on__gte=day)

    def open(self):
        return self.open_on(timezone.localdate())

    def with_public_summary(self):
        """Closed surveys whose summary the survey's setting makes public."""
        return self.filter(results_public=True, closes_on__lt=timezone.localdate())


class Survey(models.Model):
    class Audience(models.TextChoices):
        ALL = "all", _("wszystkie organizacje z katalogu")
        SPHERE = "sphere", _("organizacje jednej sfery zadań publicznych")
        SECTOR_GROUP = "sector_group", _("organizacje grupy branżowej Zespołu")

    title = models.CharField(_("tytuł"), max_length=200)
    intro = models.TextField(
        _("wstęp"), blank=True, help_text=_("Po co badanie i co stanie się z odpowiedziami. Można używać Markdown.")
    )
    opens_on = models.DateField(_("otwarte od"))
    closes_on = models.DateField(_("otwarte do (ostatni dzień)"))
    audience = models.CharField(_("do kogo"), max_length=20, choices=Audience.choices, default=Audience.ALL)
    sphere = models.ForeignKey(
        "city.PublicTaskSphere", verbose_name=_("sfera"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    team_group = models.ForeignKey(
        "team.Group", verbose_name=_("grupa branżowa"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    results_public = models.BooleanField(
        _("podsumowanie publiczne"), default=True,
        help_text=_("Po zamknięciu badania liczby odpowiedzi i wykresy są na stronie badania (bez odpowiedzi "
                    "tekstowych i bez nazw organizacji)."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("przygotował(a)"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("badanie potrzeb")
        verbose_name_plural = _("badania potrzeb")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="survey_closes_after_opening",
                violation_error_message=_("Badanie nie może się zamknąć przed otwarciem."),
            ),
            models.CheckConstraint(
                condition=(Q(audience="all") & Q(sphere__isnull=True) & Q(team_group__isnull=True))
                | (Q(audience="sphere") & Q(sphere__isnull=False) & Q(team_group__isnull=True))
                | (Q(audience="sector_group") & Q(sphere__isnull=True) & Q(team_group__isnull=False)),
                name="survey_audience_named",
                violation_error_message=_("Wskaż sferę albo grupę branżową zgodnie z wyborem odbiorców."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("surveys:detail", args=[self.pk])

    def summary_url(self):
        return reverse("surveys:summary", args=[self.pk])

    def is_open_on(self, day: dt.date) -> bool:
        return self.opens_on <= day <= self.closes_on

    @property
    def is_open(self) -> bool:
        return self.is_open_on(timezone.localdate())

    @property
    def is_closed(self) -> bool:
        return timezone.localdate() > self.closes_on

    @property
    def summary_is_public(self) -> bool:
        return self.results_public and self.is_closed

    def audience_label(self) -> str:
        if self.audience == self.Audience.SPHERE and self.sphere_id:
            return f"{self.get_audience_display()}: {self.sphere}"
        if self.audience == self.Audience.SECTOR_GROUP and self.team_group_id:
            return f"{self.get_audience_display()}: {self.team_group}"
        return str(self.get_audience_display())


class Section(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(_("tytuł części"), max_length=200)
    description = models.TextField(_("opis"), blank=True)
    position = models.PositiveIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("część ankiety")
        verbose_name_plural = _("części ankiety")

    def __str__(self):
        return self.title


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("jednokrotny wybór")
        MULTIPLE = "multiple", _("wielokrotny wybór")
        SCALE = "scale", _("skala")
        TEXT = "text", _("odpowiedź tekstowa")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, verbose_name=_("część"), on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("pytanie"), max_length=500)
    help_text = models.CharField(_("objaśnienie"), max_length=500, blank=True)
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices, default=Kind.SINGLE)
    required = models.BooleanField(_("odpowiedź obowiązkowa"), default=False)
    position = models.PositiveIntegerField(_("kolejność"), default=0)
    scale_min = models.PositiveSmallIntegerField(_("skala od"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("skala do"), default=5)
    scale_min_label = models.CharField(_("opis najniższej wartości"), max_length=100, blank=True)
    scale_max_label = models.CharField(_("opis najwyższej wartości"), max_length=100, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("pytanie")
        verbose_name_plural = _("pytania")
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_min__lt=models.F("scale_max")) & Q(scale_max__lte=10),
                name="question_scale_range",
                violation_error_message=_("Skala musi rosnąć i kończyć się najwyżej na 10."),
            ),
        ]

    def __str__(self):
        return self.text

    @property
    def has_choices(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)

    def scale_values(self) -> list[int]:
        return list(range(self.scale_min, self.scale_max + 1))


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(_("odpowiedź do wyboru"), max_length=200)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("odpowiedź do wyboru")
        verbose_name_plural = _("odpowiedzi do wyboru")

    def __str__(self):
        return self.label


class Response(models.Model):
    """An organisation's answers to a survey: one per survey and organisation, edited in place until the close."""

    class Channel(models.TextChoices):
        LINK = "link", _("link z wiadomości")
        ACCOUNT = "account", _("konto przedstawiciela")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organizacja"), on_delete=models.CASCADE,
        related_name="survey_responses",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("wysłał(a)"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="survey_responses",
    )
    channel = models.CharField(_("sposób"), max_length=20, choices=Channel.choices, default=Channel.LINK)
    submitted_at = models.DateTimeField(_("wysłano"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("odpowiedź organizacji")
        verbose_name_plural = _("odpowiedzi organizacji")
        constraints = [
            models.UniqueConstraint(fields=["survey", "organization"], name="survey_response_once_per_organization"),
        ]

    def __str__(self):
        return f"{self.survey}: {self.organization}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, null=True, blank=True, related_name="answers")
    number = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(choice__isnull=False) & Q(number__isnull=True) & Q(text=""))
                | (Q(choice__isnull=True) & Q(number__isnull=False) & Q(text=""))
                | (Q(choice__isnull=True) & Q(number__isnull=True) & ~Q(text="")),
                name="answer_one_value",
            ),
        ]
        indexes = [
            # The results count from these indexes alone: per option and scale value, and who answered each question.
            models.Index(fields=["question", "choice", "number"], name="answer_counts"),
            models.Index(fields=["question", "response"], name="answer_by_question"),
        ]

    def __str__(self):
        return self.text or str(self.number if self.number is not None else self.choice_id)


class SurveyMailing(models.Model):
    """An invitation or a reminder of a survey, sent as a mailing of the newsletter: at most one of each per day."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("zaproszenie")
        REMINDER = "reminder", _("przypomnienie")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="mailings")
    mailing = models.ForeignKey("newsletter.Mailing", on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices)
    day = models.DateField(_("dzień"))
    recipients = models.PositiveIntegerField(_("adresów"), default=0)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("wysłał(a)"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day", "pk"]
        verbose_name = _("wysyłka badania")
        verbose_name_plural = _("wysyłki badania")
        constraints = [
            models.UniqueConstraint(fields=["survey"], condition=Q(kind="invitation"), name="survey_invited_once"),
            models.UniqueConstraint(fields=["survey", "day"], name="survey_one_mailing_a_day"),
        ]

    def __str__(self):
        return f"{self.survey}: {self.get_kind_display()} {self.day}"

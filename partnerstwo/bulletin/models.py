"""The city bulletin: issues the Centre compiles (quarterly by default) from organisations' news, events and
competition results, in the order it sets, with an editorial; published as a web page, a print layout on A4 and
a tagged PDF (document.py), and sent once to the newsletter's bulletin topic and the media contacts
(newsletter/alert_sources.py pulls it, as it pulls the other published things)."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.events.models import Event, EventStatus
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.orgnews.models import Post


def can_compile(user) -> bool:
    """The Centre's staff compile the bulletin: officials and administrators."""
    return user.is_authenticated and user.is_active and (user.is_official or user.is_administrator)


def issues_per_year() -> int:
    return settings.BULLETIN_ISSUES_PER_YEAR


def period_of(year: int, number: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of issue `number` of `year` (quarterly by default: issue 4 is October–December)."""
    months = 12 // issues_per_year()
    first_month = (number - 1) * months + 1
    start = datetime.date(year, first_month, 1)
    after = datetime.date(year + 1, 1, 1) if first_month + months > 12 else datetime.date(year, first_month + months, 1)
    return start, after - datetime.timedelta(days=1)


def numbering_for(day: datetime.date) -> tuple[int, int]:
    """(year, number) of the period a day falls in."""
    return day.year, (day.month - 1) // (12 // issues_per_year()) + 1


class IssueQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def newest(self):
        return self.order_by("-year", "-number")


class Issue(models.Model):
    year = models.PositiveSmallIntegerField(_("rok"))
    number = models.PositiveSmallIntegerField(_("numer"))
    title = models.CharField(_("tytuł"), max_length=200)
    editorial = models.TextField(_("wstępniak"), blank=True, help_text=_("Można używać Markdown."))
    period_start = models.DateField(_("okres od"))
    period_end = models.DateField(_("okres do"))
    published_at = models.DateTimeField(_("opublikowano"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-number"]
        verbose_name = _("wydanie biuletynu")
        verbose_name_plural = _("wydania biuletynu")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "number"], name="bulletin_issue_once",
                violation_error_message=_("Wydanie o tym numerze już jest."),
            ),
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")), name="bulletin_period"),
            models.CheckConstraint(condition=Q(number__gte=1), name="bulletin_number_positive"),
        ]

    def __str__(self):
        return f"{self.label} – {self.title}"

    def get_absolute_url(self):
        return reverse("bulletin:issue", args=self.url_args())

    @property
    def label(self) -> str:
        return f"{self.number}/{self.year}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def url_args(self):
        return [self.year, self.number]

    def get_print_url(self):
        return reverse("bulletin:print", args=self.url_args())

    def get_pdf_url(self):
        return reverse("bulletin:pdf", args=self.url_args())


class ItemKind(models.TextChoices):
    NEWS = "news", _("wiadomość organizacji")
    EVENT = "event", _("wydarzenie")
    RESULTS = "results", _("wyniki konkursu")


class ItemQuerySet(models.QuerySet):
    def shown(self):
        """Items whose news, event or results are still public, in the Centre's order, with what they show."""
        public = (
            Q(post__in=Post.objects.published())
            | Q(event__status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])
            | Q(competition__status=Competition.Status.RESULTS)
        )
        return (
            self.filter(public)
            .select_related("post__organization", "event__organization", "competition__department")
            .order_by("position", "pk")
        )


class Item(models.Model):
    """One entry of an issue: exactly one of a news item, an event or a competition's results."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("kolejność"))
    post = models.ForeignKey(Post, verbose_name=_("wiadomość organizacji"), on_delete=models.CASCADE,
                             null=True, blank=True, related_name="+")
    event = models.ForeignKey(Event, verbose_name=_("wydarzenie"), on_delete=models.CASCADE,
                              null=True, blank=True, related_name="+")
    competition = models.ForeignKey(Competition, verbose_name=_("konkurs"), on_delete=models.CASCADE,
                                    null=True, blank=True, related_name="+")
    note = models.CharField(_("komentarz redakcji"), max_length=300, blank=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("pozycja biuletynu")
        verbose_name_plural = _("pozycje biuletynu")
        constraints = [
            models.CheckConstraint(
                condition=(Q(post__isnull=False, event__isnull=True, competition__isnull=True)
                           | Q(post__isnull=True, event__isnull=False, competition__isnull=True)
                           | Q(post__isnull=True, event__isnull=True, competition__isnull=False)),
                name="bulletin_item_one_thing",
            ),
            models.UniqueConstraint(fields=["issue", "post"], condition=Q(post__isnull=False),
                                    name="bulletin_item_post_once"),
            models.UniqueConstraint(fields=["issue", "event"], condition=Q(event__isnull=False),
                                    name="bulletin_item_event_once"),
            models.UniqueConstraint(fields=["issue", "competition"], condition=Q(competition__isnull=False),
                                    name="bulletin_item_competition_once"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.target.get_absolute_url()

    @property
    def kind(self) -> str:
        if self.post_id:
            return ItemKind.NEWS
        if self.event_id:
            return ItemKind.EVENT
        return ItemKind.RESULTS

    @property
    def kind_label(self) -> str:
        return ItemKind(self.kind).label

    @property
    def target(self):
        return self.post or self.event or self.competition

    @property
    def title(self) -> str:
        return self.target.title


class MediaContact(models.Model):
    """A journalist or newsroom that receives each new issue by e-mail."""

    name = models.CharField(_("imię i nazwisko"), max_length=200)
    outlet = models.CharField(_("redakcja"), max_length=200, blank=True)
    email = models.EmailField(_("adres e-mail"), unique=True, error_messages={
        "unique": _("Ten adres jest już na liście kontaktów.")})
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["outlet", "name"]
        verbose_name = _("kontakt w mediach")
        verbose_name_plural = _("kontakty w mediach")

    def __str__(self):
        return f"{self.name} ({self.outlet})" if self.outlet else self.name

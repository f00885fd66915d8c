"""Invitations and reminders: one-off mailings of the newsletter to the organisations of a survey's audience.

Each organisation is mailed at the address it confirmed, if a representative agreed to mailings (the newsletter's
rules: Recipient.objects.active()); the others answer through their representatives' accounts. The message carries
the organisation's own signed link (newsletter.content.ORGANIZATION_TOKEN, replaced per delivery by a token
naming the organisation for this survey only). Sending is queuing delivery rows (newsletter.delivery.enqueue) for
the background workers: no SMTP in a request. A reminder goes to those that have not answered, at most once a day
(SurveyMailing's unique day), by the panel's button or the scheduled command `remind_surveys`.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnerstwo.newsletter import delivery
from partnerstwo.newsletter.audience import reachable_recipients, sync_organizations
from partnerstwo.newsletter.content import ORGANIZATION_TOKEN
from partnerstwo.newsletter.links import read_organization_link_token
from partnerstwo.newsletter.models import Mailing, Recipient

from .audience import addressed_organizations
from .models import Survey, SurveyMailing

SOURCE = "survey"
# The scheduled reminder goes this many days before the close (and the panel's button any day but twice).
REMINDER_DAYS_BEFORE_CLOSE = 3
SEGMENTS = {
    Survey.Audience.ALL: Mailing.Segment.ALL_ORGANIZATIONS,
    Survey.Audience.SPHERE: Mailing.Segment.SPHERE,
    Survey.Audience.SECTOR_GROUP: Mailing.Segment.TEAM_GROUP,
}


def answer_path(survey: Survey, token: str) -> str:
    with translation.override("pl"):
        return reverse("surveys:answer_by_link", args=[survey.pk, token])


def organization_from_token(survey: Survey, token: str) -> int | None:
    return read_organization_link_token(token, source=SOURCE, source_id=survey.pk)


def recipients(survey: Survey, *, unanswered_only: bool = False):
    organizations = addressed_organizations(survey)
    if unanswered_only:
        organizations = organizations.exclude(survey_responses__survey=survey)
    return reachable_recipients().filter(kind=Recipient.Kind.ORGANIZATION, organization__in=organizations.values("pk"))


def message_body(survey: Survey, *, reminder: bool) -> str:
    with translation.override("pl"):
        lead = (
            gettext("Przypominamy o badaniu potrzeb „%(title)s”: Państwa organizacja jeszcze nie odpowiedziała.")
            if reminder else gettext("Zapraszamy Państwa organizację do udziału w badaniu potrzeb „%(title)s”.")
        ) % {"title": survey.title}
        closes = gettext("Odpowiedzi przyjmujemy do %(day)s włącznie; do tego dnia można je też poprawić.") % {
            "day": survey.closes_on.strftime("%d.%m.%Y")
        }
        # A reference link: the plain-text part then shows the address on a line of its own.
        link = gettext("[Wypełnij ankietę][ankieta]") + f"\n\n[ankieta]: {answer_path(survey, ORGANIZATION_TOKEN)}"
        note = gettext("Link jest przeznaczony dla Państwa organizacji; prosimy go nie przekazywać dalej. Można też "
                       "odpowiedzieć po zalogowaniu na konto przedstawiciela organizacji.")
    return "\n\n".join(part for part in [lead, survey.intro.strip(), closes, note, link] if part)


def _send(survey: Survey, *, kind: str, by, day: dt.date) -> SurveyMailing:
    reminder = kind == SurveyMailing.Kind.REMINDER
    if not survey.is_open_on(day):
        raise ValidationError(_("Badanie nie jest otwarte: nie można do niego zapraszać ani przypominać."),
                              code="closed")
    if not survey.questions.exists():
        raise ValidationError(_("Ankieta nie ma jeszcze pytań."), code="empty")
    if reminder and not survey.mailings.filter(kind=SurveyMailing.Kind.INVITATION).exists():
        raise ValidationError(_("Najpierw wyślij zaproszenie."), code="not_invited")
    sync_organizations()
    chosen = recipients(survey, unanswered_only=reminder)
    try:
        with transaction.atomic():
            locked = Survey.objects.select_for_update().get(pk=survey.pk)
            record = SurveyMailing.objects.create(survey=locked, kind=kind, day=day, sent_by=by)
            with translation.override("pl"):
                subject = (gettext("Przypomnienie: %(title)s") if reminder else gettext("Badanie potrzeb: %(title)s"))
            mailing = Mailing.objects.create(
                kind=Mailing.Kind.ONE_OFF, subject=subject % {"title": survey.title}, created_by=by,
                body=message_body(survey, reminder=reminder), segment=SEGMENTS[survey.audience],
                sphere_id=survey.sphere_id, team_group_id=survey.team_group_id, source=SOURCE, source_id=survey.pk,
                source_version=f"{kind}:{day.isoformat()}",
            )
            record.mailing = mailing
            record.recipients = delivery.enqueue(mailing, chosen)
            record.save(update_fields=["mailing", "recipients"])
            if record.recipients:
                delivery.start(mailing)
            else:
                Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.Status.DONE, finished_at=timezone.now())
    except IntegrityError:
        message = (_("Przypomnienie wysłano już dziś; następne można wysłać jutro.") if reminder
                   else _("Zaproszenie zostało już wysłane albo dziś wysłano już wiadomość o tym badaniu."))
        raise ValidationError(message, code="twice") from None
    return record


def send_invitation(survey: Survey, *, by=None, day: dt.date | None = None) -> SurveyMailing:
    return _send(survey, kind=SurveyMailing.Kind.INVITATION, by=by, day=day or timezone.localdate())


def send_reminder(survey: Survey, *, by=None, day: dt.date | None = None) -> SurveyMailing:
    return _send(survey, kind=SurveyMailing.Kind.REMINDER, by=by, day=day or timezone.localdate())


def remind_due(day: dt.date | None = None) -> list[SurveyMailing]:
    """The scheduled reminders: surveys that close in REMINDER_DAYS_BEFORE_CLOSE days, invited, not reminded today.
    Running it twice a day sends nothing twice."""
    day = day or timezone.localdate()
    due = (
        Survey.objects.open_on(day).filter(closes_on=day + dt.timedelta(days=REMINDER_DAYS_BEFORE_CLOSE))
        .filter(mailings__kind=SurveyMailing.Kind.INVITATION).exclude(mailings__day=day).distinct()
    )
    sent = []
    for survey in due:
        try:
            sent.append(send_reminder(survey, day=day))
        except ValidationError:
            continue  # reminded by a person a moment ago
    return sent

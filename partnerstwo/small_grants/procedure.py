"""Small grants outside a competition (art. 19a of the Act; docs/law.md#art-19a-small-grants): the rules and the flow.

An official registers an offer received from an organisation, publishes it within 7 working days
of receiving it (ust. 3), anyone may comment for 7 days (ust. 4; a comment counts once its author
confirms the e-mail address), and after that period the official accepts or rejects the offer.

The statute's own numbers (10 000 zł, 90 days, 7 working days, 7 days) are constants here. The two
yearly caps are marked unverified (docs/law.md#art-19a-1a-yearly-caps), so they are settings with the stated defaults:
SMALL_GRANTS_YEARLY_CAP_PER_ORGANIZATION (20 000 zł per organisation a year) and
SMALL_GRANTS_MAX_SHARE (0.20 of the grants planned for organisations in the year, taken from the
published schedule of competitions). Only accepted offers count towards them.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from partnerstwo.accounts.models import User
from partnerstwo.grants.competitions import rules
from partnerstwo.grants.schedule.models import PlannedCompetition, ScheduleYear
from partnerstwo.lib import publication
from partnerstwo.lib.emails import absolute_url, build_email, email_task
from partnerstwo.lib.signing import make_token, read_token
from partnerstwo.lib.workdays import add_working_days
from partnerstwo.organizations.models import Organization
from partnerstwo.small_grants.models import MAX_TASK_DAYS, SmallGrantComment, SmallGrantOffer

MAX_AMOUNT = Decimal("10000")  # art. 19a ust. 1 pkt 1
PUBLICATION_WORKING_DAYS = 7  # art. 19a ust. 3
COMMENT_DAYS = 7  # art. 19a ust. 4
# An unconfirmed comment (and its link) lives this long; `manage.py expire_small_grant_comments` deletes it.
CONFIRMATION_DAYS = 7
CONFIRMATION_SALT = "partnerstwo.grants.small_grant_comment"

DEFAULT_YEARLY_CAP_PER_ORGANIZATION = 20000
DEFAULT_MAX_SHARE = 0.20
DEFAULT_COMMENT_RATE = "5/h"


# --- Settings --------------------------------------------------------------------------------


def yearly_cap_per_organization() -> Decimal:
    cap = getattr(settings, "SMALL_GRANTS_YEARLY_CAP_PER_ORGANIZATION", DEFAULT_YEARLY_CAP_PER_ORGANIZATION)
    return Decimal(str(cap))


def max_share() -> Decimal:
    return Decimal(str(getattr(settings, "SMALL_GRANTS_MAX_SHARE", DEFAULT_MAX_SHARE)))


def comment_rate() -> str:
    return getattr(settings, "SMALL_GRANT_COMMENT_RATE", DEFAULT_COMMENT_RATE)


# --- Words -----------------------------------------------------------------------------------


def format_pln(value) -> str:
    """Polish money with grouped thousands: "10 000,00 zł"."""
    return f"{formats.number_format(Decimal(value), 2, use_l10n=True, force_grouping=True)}\xa0zł"


def format_day(day: date) -> str:
    return formats.date_format(day, "j E Y")


# --- The rules -------------------------------------------------------------------------------


def check_amount(amount: Decimal) -> None:
    if amount is None:
        return
    if amount <= 0:
        raise ValidationError(_("Podaj kwotę większą od zera."), code="amount_not_positive")
    if amount > MAX_AMOUNT:
        raise ValidationError(
            _("W trybie art. 19a dotacja może wynieść najwyżej %(max)s (art. 19a ust. 1 pkt 1); podano %(amount)s.")
            % {"max": format_pln(MAX_AMOUNT), "amount": format_pln(amount)},
            code="amount_over_limit",
        )


def task_days(start: date, end: date) -> int:
    """How many days the task lasts, its first and last day included."""
    return (end - start).days + 1


def check_task_dates(start: date, end: date) -> None:
    if end < start:
        raise ValidationError(
            {"task_end": _("Koniec realizacji nie może być wcześniejszy niż jej początek.")},
            code="task_end_before_start",
        )
    days = task_days(start, end)
    if days > MAX_TASK_DAYS:
        raise ValidationError(
            {"task_end": _(
                "W trybie art. 19a ustawy zadanie może trwać najwyżej %(max)s dni (art. 19a ust. 1 pkt 2); "
                "podane daty obejmują %(days)s dni."
            ) % {"max": MAX_TASK_DAYS, "days": days}},
            code="task_too_long",
        )


def last_publication_day(received_on: date) -> date:
    """The 7th working day after the offer came in (art. 19a ust. 3); the day of receipt is not counted."""
    return add_working_days(received_on, PUBLICATION_WORKING_DAYS)


def check_received_on(received_on: date, *, today: date) -> None:
    if received_on > today:
        raise ValidationError(_("Data wpływu oferty nie może być z przyszłości."), code="received_in_future")


def check_publication_date(received_on: date, published_on: date, *, today: date) -> None:
    if published_on < received_on:
        raise ValidationError(
            _("Oferty nie można opublikować przed dniem jej wpływu (%(day)s).") % {"day": format_day(received_on)},
            code="published_before_received",
        )
    if published_on > today:
        raise ValidationError(
            _("Podaj dzień, w którym oferta została już opublikowana (najpóźniej dzisiaj)."),
            code="published_in_future",
        )
    last_day = last_publication_day(received_on)
    if published_on > last_day:
        raise ValidationError(
            _(
                "Ofertę trzeba opublikować w ciągu %(days)s dni roboczych od jej wpływu (art. 19a ust. 3 ustawy): "
                "ostatni dozwolony dzień to %(last)s."
            ) % {"days": PUBLICATION_WORKING_DAYS, "last": format_day(last_day)},
            code="published_too_late",
        )


def comments_until(published_on: date) -> date:
    """The last day for comments (art. 19a ust. 4): comments are accepted until the end of that day.

    A last day on a Saturday or holiday moves like every other period of the act (rules.period_end:
    the [unverified] civil-law rule, setting GRANTS_DEADLINES_SKIP_HOLIDAYS).
    """
    return rules.period_end(published_on + timedelta(days=COMMENT_DAYS))


def local_today(now: datetime | None = None) -> date:
    """Today in the city's time zone (Europe/Warsaw), so a day ends at midnight there."""
    return timezone.localdate(now or timezone.now())


def comments_open(offer: SmallGrantOffer, *, today: date | None = None) -> bool:
    today = today or local_today()
    return (
        offer.status == SmallGrantOffer.Status.PUBLISHED
        and offer.published_on <= today <= offer.comments_until
    )


def comment_period_over(offer: SmallGrantOffer, *, today: date | None = None) -> bool:
    today = today or local_today()
    return offer.comments_until is not None and today > offer.comments_until


def can_decide(offer: SmallGrantOffer, *, today: date | None = None) -> bool:
    return offer.status == SmallGrantOffer.Status.PUBLISHED and comment_period_over(offer, today=today)


# --- The yearly caps -------------------------------------------------------------------------


def budget_year(task_start: date) -> int:
    """The year a small grant counts towards: the year its task starts (its agreement is paid from that budget)."""
    return task_start.year


def accepted_total(year: int, *, organization: Organization | None = None, exclude_pk: int | None = None) -> Decimal:
    offers = SmallGrantOffer.objects.filter(status=SmallGrantOffer.Status.ACCEPTED, task_start__year=year)
    if organization is not None:
        offers = offers.filter(organization=organization)
    if exclude_pk is not None:
        offers = offers.exclude(pk=exclude_pk)
    return offers.aggregate(total=Sum("amount"))["total"] or Decimal("0")


def planned_total(year: int) -> Decimal | None:
    """The grants planned for organisations in the year: the published schedule's rows, or None without one."""
    schedule = ScheduleYear.objects.filter(year=year, status=ScheduleYear.Status.PUBLISHED).first()
    if schedule is None:
        return None
    rows = PlannedCompetition.objects.filter(schedule=schedule, is_withdrawn=False)
    return rows.aggregate(total=Sum("planned_amount"))["total"] or Decimal("0")


def check_caps(organization: Organization, amount: Decimal, year: int, *, exclude_pk: int | None = None) -> None:
    """Both yearly caps, counting the accepted offers of the year plus this one."""
    errors = []
    cap = yearly_cap_per_organization()
    so_far = accepted_total(year, organization=organization, exclude_pk=exclude_pk)
    if so_far + amount > cap:
        errors.append(ValidationError(
            _(
                "Ta organizacja ma już w %(year)s r. przyjęte oferty w trybie art. 19a na %(so_far)s; z tą ofertą "
                "byłoby to %(total)s, a roczny limit na jedną organizację wynosi %(cap)s (art. 19a ust. 1a)."
            ) % {
                "year": year, "so_far": format_pln(so_far), "total": format_pln(so_far + amount),
                "cap": format_pln(cap),
            },
            code="organization_cap",
        ))
    planned = planned_total(year)
    if planned is not None:
        share = max_share()
        limit = (planned * share).quantize(Decimal("0.01"))
        everyone = accepted_total(year, exclude_pk=exclude_pk)
        if everyone + amount > limit:
            errors.append(ValidationError(
                _(
                    "Małe granty w %(year)s r. wyniosłyby razem %(total)s, a mogą wynieść najwyżej %(percent)s%% "
                    "dotacji zaplanowanych dla organizacji w opublikowanym harmonogramie (%(planned)s), "
                    "czyli %(limit)s."
                ) % {
                    "year": year, "total": format_pln(everyone + amount), "percent": _percent(share),
                    "planned": format_pln(planned), "limit": format_pln(limit),
                },
                code="share_cap",
            ))
    if errors:
        raise ValidationError(errors)


def _percent(share: Decimal) -> str:
    return formats.number_format((share * 100).normalize(), use_l10n=True)


def cap_help_text() -> str:
    return _(
        "Roczne limity: %(cap)s na jedną organizację i %(percent)s%% dotacji zaplanowanych dla organizacji w danym "
        "roku. Liczą się oferty przyjęte, według roku rozpoczęcia zadania."
    ) % {"cap": format_pln(yearly_cap_per_organization()), "percent": _percent(max_share())}


# --- The official's steps --------------------------------------------------------------------


def register(offer: SmallGrantOffer, *, by) -> SmallGrantOffer:
    """Save an offer the form has checked; it waits, unseen by the public, until it is published."""
    offer.status = SmallGrantOffer.Status.RECEIVED
    offer.registered_by = by
    offer.save()
    return offer


def publish(offer: SmallGrantOffer, *, dates: dict, today: date | None = None) -> None:
    """Art. 19a ust. 3–4: record the publication in BIP, on the notice board and on the website, and open the
    7 days for comments from the last of the three (so nobody reading one of them gets fewer days)."""
    today = today or local_today()
    if offer.status != SmallGrantOffer.Status.RECEIVED:
        raise ValidationError(_("Ta oferta została już opublikowana."), code="already_published")
    if set(dates) != set(publication.FIELDS) or not all(dates.values()):
        raise ValidationError(
            _("Podaj daty publikacji we wszystkich trzech miejscach: w BIP, na tablicy ogłoszeń i na stronie "
              "internetowej urzędu (art. 19a ust. 3)."),
            code="publication_incomplete",
        )
    problems = {}
    for name, day in dates.items():
        try:
            check_publication_date(offer.received_on, day, today=today)
        except ValidationError as error:
            problems[name] = error.messages
    if problems:
        raise ValidationError(problems)
    for name, day in dates.items():
        setattr(offer, name, day)
    offer.published_on = max(dates.values())
    offer.comments_until = comments_until(offer.published_on)
    offer.status = SmallGrantOffer.Status.PUBLISHED
    offer.save(update_fields=["published_on", "comments_until", "status", *publication.FIELDS])


def decide(offer: SmallGrantOffer, *, accept: bool, reason: str, by, now: datetime | None = None) -> None:
    """Accept or reject an offer once the comment period is over; accepting checks the yearly caps."""
    now = now or timezone.now()
    with transaction.atomic():
        # Lock the organisation: two acceptances for it at once must not both slip under its cap.
        Organization.objects.select_for_update().filter(pk=offer.organization_id).first()
        current = SmallGrantOffer.objects.select_for_update().get(pk=offer.pk)
        if current.status != SmallGrantOffer.Status.PUBLISHED:
            raise ValidationError(_("Decyzja w sprawie tej oferty została już podjęta."), code="already_decided")
        if not comment_period_over(current, today=local_today(now)):
            raise ValidationError(
                _(
                    "Decyzję można podjąć dopiero po upływie terminu na uwagi (art. 19a ust. 4 ustawy), "
                    "czyli od %(day)s."
                ) % {"day": format_day(current.comments_until + timedelta(days=1))},
                code="comment_period_not_over",
            )
        if accept:
            check_caps(current.organization, current.amount, budget_year(current.task_start), exclude_pk=current.pk)
        current.status = SmallGrantOffer.Status.ACCEPTED if accept else SmallGrantOffer.Status.REJECTED
        current.decision_reason = reason
        current.decided_at = now
        current.decided_by = by
        current.save(update_fields=["status", "decision_reason", "decided_at", "decided_by"])
    offer.refresh_from_db()


# --- Comments --------------------------------------------------------------------------------


def submit_comment(comment: SmallGrantComment, *, language: str, today: date | None = None) -> SmallGrantComment:
    """Save a checked comment as unconfirmed and e-mail its author the confirmation link."""
    if not comments_open(comment.offer, today=today):
        raise ValidationError(_("Termin na uwagi do tej oferty minął."), code="comments_closed")
    comment.language = language
    comment.confirmed_at = None
    comment.save()
    transaction.on_commit(partial(send_comment_confirmation.enqueue, comment.pk))
    return comment


def confirmation_token(comment: SmallGrantComment) -> str:
    return make_token(comment.pk, salt=CONFIRMATION_SALT)


def comment_from_token(token: str) -> SmallGrantComment | None:
    """The comment a confirmation link names, or None if the link is forged, expired or the comment gone."""
    pk = read_token(token, salt=CONFIRMATION_SALT, max_age=timedelta(days=CONFIRMATION_DAYS))
    if pk is None:
        return None
    return SmallGrantComment.objects.select_related("offer").filter(pk=pk).first()


def confirm_comment(comment: SmallGrantComment, *, now: datetime | None = None) -> bool:
    """Make a comment count; False when it was confirmed before or the offer is already decided.

    A conditional UPDATE, so two clicks at once confirm it once. A comment sent in time may be
    confirmed after the 7 days as long as the official has not decided yet.
    """
    now = now or timezone.now()
    updated = SmallGrantComment.objects.filter(
        pk=comment.pk, confirmed_at__isnull=True, offer__status=SmallGrantOffer.Status.PUBLISHED
    ).update(confirmed_at=now)
    if updated:
        comment.confirmed_at = now
    return bool(updated)


def expire_unconfirmed_comments(*, now: datetime | None = None) -> int:
    cutoff = (now or timezone.now()) - timedelta(days=CONFIRMATION_DAYS)
    deleted, _counts = SmallGrantComment.objects.unconfirmed_older_than(cutoff).delete()
    return deleted


@email_task
def send_comment_confirmation(comment_id: int) -> EmailMessage | None:
    """The confirmation request; it carries none of the typed text, so the form cannot mail others arbitrary text."""
    comment = SmallGrantComment.objects.select_related("offer", "offer__organization").filter(pk=comment_id).first()
    if comment is None or comment.confirmed_at is not None:
        return None
    with translation.override(comment.language):
        confirm_path = reverse("small_grants:confirm", args=[confirmation_token(comment)])
    return build_email(
        "small_grant_comment_confirm",
        [comment.email],
        {
            "offer": comment.offer,
            "offer_url": absolute_url(comment.offer.get_absolute_url()),
            "confirm_url": absolute_url(confirm_path),
            "comments_until": comment.offer.comments_until,
            "days": CONFIRMATION_DAYS,
        },
        language=comment.language,
    )



# --- Reminders to the department (scheduled: `manage.py remind_small_grant_deadlines`) ----------

# Working days before the publication deadline when the department is reminded.
PUBLICATION_REMINDER_WORKING_DAYS = 2


def department_recipients(offer: SmallGrantOffer) -> list[str]:
    return list(User.objects.officials_of(offer.department_id).values_list("email", flat=True))


def publication_reminders_due(today: date) -> list[SmallGrantOffer]:
    """Received offers within the last working days before their publication deadline, not yet reminded."""
    waiting = SmallGrantOffer.objects.filter(
        status=SmallGrantOffer.Status.RECEIVED, publication_reminded_at__isnull=True
    ).select_related("organization")
    remind_from = PUBLICATION_WORKING_DAYS - PUBLICATION_REMINDER_WORKING_DAYS
    return [
        offer for offer in waiting
        if add_working_days(offer.received_on, remind_from) <= today <= last_publication_day(offer.received_on)
    ]


def decisions_due(today: date):
    """Published offers whose comment period is over, not yet decided nor reminded."""
    return SmallGrantOffer.objects.filter(
        status=SmallGrantOffer.Status.PUBLISHED, comments_until__lt=today, decision_reminded_at__isnull=True
    ).select_related("organization")


def _claim(offer: SmallGrantOffer, field: str, now: datetime) -> bool:
    """Mark a reminder as sent, once: a conditional UPDATE, so two runs at once send it once."""
    return bool(SmallGrantOffer.objects.filter(pk=offer.pk, **{f"{field}__isnull": True}).update(**{field: now}))


def send_deadline_reminders(*, now: datetime | None = None) -> int:
    """Queue each due reminder once (claimed first); returns how many were queued."""
    now = now or timezone.now()
    today = local_today(now)
    queued = 0
    for offer in publication_reminders_due(today):
        if _claim(offer, "publication_reminded_at", now):
            transaction.on_commit(partial(send_reminder.enqueue, offer.pk, PUBLISH_REMINDER))
            queued += 1
    for offer in decisions_due(today):
        if _claim(offer, "decision_reminded_at", now):
            transaction.on_commit(partial(send_reminder.enqueue, offer.pk, DECISION_DUE))
            queued += 1
    return queued


PUBLISH_REMINDER = "small_grant_publish_reminder"
DECISION_DUE = "small_grant_decision_due"


@email_task
def send_reminder(offer_id: int, key: str) -> EmailMessage | None:
    """To the officials of the offer's department, in the site's language."""
    offer = SmallGrantOffer.objects.select_related("organization").filter(pk=offer_id).first()
    recipients = department_recipients(offer) if offer else []
    if not recipients:
        return None
    if key == PUBLISH_REMINDER:
        context = {"last_day": last_publication_day(offer.received_on)}
    else:
        context = {"comments": offer.comments.confirmed().count()}
    with translation.override(settings.LANGUAGE_CODE):
        panel_path = reverse("panel:small_grants_panel:detail", args=[offer.pk])
    return build_email(key, recipients, {"offer": offer, "panel_url": absolute_url(panel_path), **context})

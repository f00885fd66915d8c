"""The yearly schedule of open competitions: who may see and edit it, how it moves from a draft to
publication, and how every change to a published row is recorded and told in words.

Officials plan the rows of their own department; the advisory body (Team members) comments while the
draft is out for its remarks (art. 41i: opinions on public tasks and commissioning them;
docs/law.md#art-41i-advisory-body-opinions); once published, each change is kept as a
PlannedCompetitionChange and shown publicly.
"""

import datetime as dt
from decimal import Decimal, InvalidOperation
from functools import partial

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone, translation
from django.utils.dates import MONTHS_ALT
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from partnerstwo.accounts.models import User
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.schedule.models import (
    MONTHS,
    Mode,
    PlannedCompetition,
    PlannedCompetitionChange,
    ScheduleComment,
    ScheduleYear,
)
from partnerstwo.lib.emails import absolute_url, build_email, email_task

# The fields whose change after publication is recorded and shown publicly, in the order shown.
TRACKED_FIELDS = ["task", "sphere", "mode", "planned_month", "planned_amount"]
# Pseudo-fields of PlannedCompetitionChange for changes that are not one field's new value.
ADDED = "added"
WITHDRAWN = "is_withdrawn"


class NotAllowed(Exception):
    """An operation the schedule's state does not permit (the message says why, in Polish)."""


# --- Who may do what -------------------------------------------------------------------------


def schedules_for_public() -> QuerySet:
    return ScheduleYear.objects.filter(status=ScheduleYear.Status.PUBLISHED)


def schedules_visible_to(user) -> QuerySet:
    """In the panel: every year for officials, administrators and Team members (who read the drafts)."""
    if user.is_authenticated and user.can_use_panel:
        return ScheduleYear.objects.all()
    return ScheduleYear.objects.none()


def can_manage_years(user) -> bool:
    """Creating a year and moving the whole schedule towards publication: administrators.

    The schedule is the city's, not one department's: an official edits only their department's rows.
    """
    return user.is_authenticated and user.is_active and user.is_administrator


def rows_editable_by(user) -> QuerySet:
    """Officials edit their own department's rows only; administrators every row."""
    rows = PlannedCompetition.objects.all()
    if not user.is_authenticated or not user.is_active:
        return rows.none()
    if user.is_administrator:
        return rows
    if user.is_official and user.department_id:
        return rows.filter(department_id=user.department_id)
    return rows.none()


def can_add_rows(user) -> bool:
    return user.is_authenticated and user.is_active and (user.is_administrator or user.is_official)


def can_comment(user, schedule: ScheduleYear) -> bool:
    """The advisory body comments while the draft is out for its remarks, up to the day set for them."""
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_team_member or user.is_administrator)
        and schedule.status == ScheduleYear.Status.CONSULTATION
        and (schedule.comments_until is None or timezone.localdate() <= schedule.comments_until)
    )


def default_public_year(years: list[int], today: dt.date | None = None) -> int | None:
    """Next year's schedule once published (planning looks ahead), else this year's, else the latest."""
    today = today or timezone.localdate()
    for candidate in (today.year + 1, today.year):
        if candidate in years:
            return candidate
    return max(years) if years else None


def public_rows(schedule: ScheduleYear) -> QuerySet:
    """The rows with all a public page shows, in a constant number of queries."""
    return (
        schedule.rows.select_related("department", "sphere")
        .prefetch_related(
            Prefetch("changes", queryset=PlannedCompetitionChange.objects.order_by("changed_at", "id")),
            Prefetch(
                "competitions",
                queryset=Competition.objects.public().select_related("department").order_by("-offer_deadline"),
            ),
        )
    )


def schedule_changes(schedule: ScheduleYear) -> QuerySet:
    return (
        PlannedCompetitionChange.objects.filter(row__schedule=schedule)
        .select_related("row", "row__department")
        .order_by("-changed_at", "-id")
    )


# --- Changing the schedule -------------------------------------------------------------------


def _raw(row: PlannedCompetition, field: str) -> str:
    """A field's value as kept in a change record: names rather than ids, so the record outlives renames."""
    if field == "sphere":
        return row.sphere.name_pl if row.sphere_id else ""
    value = getattr(row, field)
    return "" if value is None else str(value)


@transaction.atomic
def add_row(*, row: PlannedCompetition, user) -> PlannedCompetition:
    """Saves a new row; after publication the addition is itself a recorded change."""
    row.save()
    if row.schedule.is_published:
        PlannedCompetitionChange.objects.create(row=row, field=ADDED, changed_by=user)
    return row


@transaction.atomic
def update_row(*, row: PlannedCompetition, before: dict, user) -> list[PlannedCompetitionChange]:
    """Saves an edited row; `before` is snapshot(row) taken before the form changed it."""
    row.save()
    if not row.schedule.is_published:
        return []
    changes = [
        PlannedCompetitionChange(row=row, field=field, old_value=before[field], new_value=_raw(row, field),
                                 changed_by=user)
        for field in TRACKED_FIELDS
        if not _same(field, before[field], _raw(row, field))
    ]
    return PlannedCompetitionChange.objects.bulk_create(changes)


def snapshot(row: PlannedCompetition) -> dict:
    return {field: _raw(row, field) for field in TRACKED_FIELDS}


def _same(field: str, old: str, new: str) -> bool:
    if field == "planned_amount":
        try:
            return Decimal(old) == Decimal(new)
        except InvalidOperation:
            return old == new
    return old == new


@transaction.atomic
def withdraw_row(*, row: PlannedCompetition, user) -> bool:
    """A published row is kept and marked withdrawn (with a change record); a draft row is simply removed.

    Returns True when the row was deleted."""
    if not row.schedule.is_published:
        row.delete()
        return True
    if not row.is_withdrawn:
        row.is_withdrawn = True
        row.save(update_fields=["is_withdrawn", "updated_at"])
        PlannedCompetitionChange.objects.create(row=row, field=WITHDRAWN, old_value="0", new_value="1",
                                                changed_by=user)
    return False


def start_consultation(*, schedule: ScheduleYear, comments_until: dt.date, notify: bool) -> int:
    """Sends the draft to the advisory body for its remarks; returns how many Team members it e-mails."""
    if schedule.status != ScheduleYear.Status.DRAFT:
        raise NotAllowed(_("Do uwag Zespołu można przekazać tylko projekt harmonogramu."))
    schedule.status = ScheduleYear.Status.CONSULTATION
    schedule.comments_until = comments_until
    schedule.save(update_fields=["status", "comments_until"])
    if not notify:
        return 0
    transaction.on_commit(partial(send_consultation_notices.enqueue, schedule.pk))
    return consulted_members().count()


def consulted_members():
    """The Team members of the day the notices go out (a seat held that day, User.is_team_member)."""
    return User.objects.team_members().order_by("pk")


@email_task
def send_consultation_notices(schedule_id: int) -> list[EmailMessage]:
    """Each Team member gets their own message, in their language: the addresses of the others are not
    theirs to see."""
    schedule = ScheduleYear.objects.filter(pk=schedule_id, status=ScheduleYear.Status.CONSULTATION).first()
    if schedule is None:
        return []
    messages = []
    for member in consulted_members():
        with translation.override(member.preferred_language):
            url = absolute_url(schedule_panel_url(schedule))
        messages.append(build_email(
            "grants_schedule_consultation", [member.email], {"schedule": schedule, "url": url, "member": member},
            language=member.preferred_language,
        ))
    return messages


def return_to_draft(*, schedule: ScheduleYear) -> None:
    """Ends the consultation early so that the officials can edit again (the comments are kept)."""
    if schedule.status != ScheduleYear.Status.CONSULTATION:
        raise NotAllowed(_("Do projektu można wrócić tylko z konsultacji z Zespołem."))
    schedule.status = ScheduleYear.Status.DRAFT
    schedule.save(update_fields=["status"])


def publish(*, schedule: ScheduleYear) -> None:
    if schedule.status != ScheduleYear.Status.CONSULTATION:
        raise NotAllowed(_("Opublikować można harmonogram po konsultacji z Zespołem."))
    schedule.status = ScheduleYear.Status.PUBLISHED
    schedule.published_at = timezone.now()
    schedule.save(update_fields=["status", "published_at"])


def add_comment(*, schedule: ScheduleYear, user, text: str, row: PlannedCompetition | None = None) -> ScheduleComment:
    if not can_comment(user, schedule):
        raise NotAllowed(_("Uwagi można zgłaszać tylko w czasie konsultacji z Zespołem."))
    if row is not None and row.schedule_id != schedule.pk:
        raise NotAllowed(_("Ta pozycja nie należy do tego harmonogramu."))
    return ScheduleComment.objects.create(schedule=schedule, row=row, author=user, text=text)


def schedule_panel_url(schedule: ScheduleYear) -> str:
    from django.urls import reverse

    return reverse("panel:grants_panel:schedule_year", args=[schedule.year])


# --- Words -----------------------------------------------------------------------------------


def format_amount(value) -> str:
    """Polish money: "50 000 zł", "1 234,50 zł" (a no-break space groups the thousands)."""
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    places = 0 if amount == amount.to_integral_value() else 2
    return f"{number_format(amount, places, use_l10n=True, force_grouping=True)}\xa0zł"


def month_name(number) -> str:
    return str(dict(MONTHS).get(_int(number), number))


def month_genitive(number) -> str:
    return str(MONTHS_ALT.get(_int(number), number))


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def _mode_label(value: str) -> str:
    return str(dict(Mode.choices).get(value, value))


def change_text(change: PlannedCompetitionChange) -> str:
    """What happened, as the public page says it: "przesunięto z marca na kwiecień"."""
    old, new = change.old_value, change.new_value
    if change.field == "planned_month":
        return _("przesunięto z %(old)s na %(new)s") % {"old": month_genitive(old), "new": month_name(new)}
    if change.field == "planned_amount":
        return _("zmieniono kwotę z %(old)s na %(new)s") % {"old": format_amount(old), "new": format_amount(new)}
    if change.field == "task":
        return _("zmieniono nazwę zadania z „%(old)s” na „%(new)s”") % {"old": old, "new": new}
    if change.field == "mode":
        return _("zmieniono formę zlecenia z „%(old)s” na „%(new)s”") % {
            "old": _mode_label(old), "new": _mode_label(new)
        }
    if change.field == "sphere":
        return _("zmieniono sferę zadań publicznych z „%(old)s” na „%(new)s”") % {"old": old, "new": new}
    if change.field == WITHDRAWN:
        return _("wycofano")
    if change.field == ADDED:
        return _("dodano do harmonogramu")
    return f"{change.field}: {old} → {new}"


def change_text_with_date(change: PlannedCompetitionChange) -> str:
    """ "przesunięto z marca na kwiecień (28 listopada 2026)" """
    day = date_format(timezone.localtime(change.changed_at).date(), "j E Y")
    return f"{change_text(change)} ({day})"


# --- The months of a year, for the timeline --------------------------------------------------


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first day of the month and the first day of the next (iCal's exclusive end)."""
    start = dt.date(year, month, 1)
    end = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return start, end


def prepare_for_display(rows) -> list[PlannedCompetition]:
    """Gives each row (with public_rows' prefetches) what the page prints, so templates need no logic."""
    rows = list(rows)
    for row in rows:
        row.amount_text = format_amount(row.planned_amount)
        row.month_text = month_name(row.planned_month)
        row.change_list = [(change, change_text_with_date(change)) for change in row.changes.all()]
        row.original_month = _original_month(row)
        row.original_month_text = month_name(row.original_month) if row.original_month else ""
        competitions = list(row.competitions.all())
        row.competition = competitions[0] if competitions else None
    return rows


def _original_month(row) -> int | None:
    """The month first published, when the row has since moved (the timeline shows where it was)."""
    moves = [change for change in row.changes.all() if change.field == "planned_month"]
    if not moves:
        return None
    first = _int(moves[0].old_value)
    return first if first != row.planned_month and first in dict(MONTHS) else None


def changes_of(rows) -> list[tuple]:
    """Every recorded change of the rows, newest first, as (change, row, text)."""
    found = [(change, row, text) for row in rows for change, text in row.change_list]
    return sorted(found, key=lambda item: (item[0].changed_at, item[0].pk), reverse=True)

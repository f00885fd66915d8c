"""The lifecycle of an open competition: planned → announced → accepting → closed → evaluation → results, or cancelled.

Every change of state is a StatusChange row (the public history). Every change to a competition
already announced raises its revision, sets changed_at and last_change_summary and adds a
CompetitionChange row: the mailing alerts read those, once per revision. The state changes that
only follow the calendar (offers accepted from the last announcement day, closed after the
deadline) are made by advance(), which the scheduled command advance_competitions calls.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerstwo.grants.competitions import results, rules
from partnerstwo.grants.competitions.models import (
    Competition,
    CompetitionChange,
    CompetitionDocument,
    OutcomePublication,
    StatusChange,
)

Status = Competition.Status

Ground = Competition.CancellationGround

# Cancellation (art. 18a) is possible once offers are closed: only then can either ground exist (cancellation_ground).
CANCELLABLE = (Status.CLOSED, Status.EVALUATION)
# The announcement may be corrected until the results are out; afterwards it is the record.
EDITABLE = (Status.PLANNED, Status.ANNOUNCED, Status.ACCEPTING, *CANCELLABLE)
# Once offers are closed the deadline and the announcement dates are history.
DEADLINE_EDITABLE = (Status.PLANNED, Status.ANNOUNCED, Status.ACCEPTING)


def _set_status(competition, new_status, *, expected, by=None, note="", now=None) -> bool:
    """Moves the competition on if it is still in one of `expected`; False when someone was first."""
    now = now or timezone.now()
    updated = Competition.objects.filter(pk=competition.pk, status__in=expected).update(
        status=new_status, updated_at=now
    )
    if not updated:
        return False
    competition.status = new_status
    StatusChange.objects.create(competition=competition, status=new_status, changed_by=by, note=note)
    return True


def _refuse(message: str):
    raise ValidationError(message, code="transition")


# --- Recording changes -------------------------------------------------------------------------

# The fields whose change is described with the old and the new value.
DATED_FIELDS = {
    "offer_deadline": gettext_lazy("termin składania ofert zmieniono z %(old)s na %(new)s"),
    "decision_date": gettext_lazy("termin wyboru ofert zmieniono z %(old)s na %(new)s"),
    "task_start": gettext_lazy("początek realizacji zadania zmieniono z %(old)s na %(new)s"),
    "task_end": gettext_lazy("koniec realizacji zadania zmieniono z %(old)s na %(new)s"),
    "public_funds": gettext_lazy("wysokość środków publicznych zmieniono z %(old)s zł na %(new)s zł"),
}
TRACKED_FIELDS = [
    "title", "sphere_id", "mode", "task_type", "public_funds", "award_rules", "implementation_terms",
    "task_start", "task_end", "offer_deadline", "procedure_and_criteria", "decision_date", "prior_tasks_note",
    "no_prior_tasks", "eligibility", "submission_info", "bip_published_on", "notice_board_published_on",
    "website_published_on",
]


def snapshot(competition) -> dict:
    return {name: getattr(competition, name) for name in TRACKED_FIELDS}


def show_value(value) -> str:
    if isinstance(value, dt.datetime):
        return formats.date_format(timezone.localtime(value), "j E Y, H:i")
    if isinstance(value, dt.date):
        return formats.date_format(value, "j E Y")
    if isinstance(value, Decimal):
        return formats.number_format(value, 2, force_grouping=True)
    return str(value)


def describe_changes(before: dict, competition) -> list[str]:
    """One sentence per changed field: "termin składania ofert zmieniono z … na …", "zmieniono: rodzaj zadania"."""
    sentences = []
    for name in TRACKED_FIELDS:
        old, new = before.get(name), getattr(competition, name)
        if old == new:
            continue
        if name in DATED_FIELDS and old is not None and new is not None:
            sentences.append(str(DATED_FIELDS[name]) % {"old": show_value(old), "new": show_value(new)})
        else:
            field = Competition._meta.get_field(name.removesuffix("_id"))
            sentences.append(_("zmieniono: %(field)s") % {"field": field.verbose_name})
    return sentences


def record_changes(competition, sentences: list[str], *, by=None, now=None) -> CompetitionChange | None:
    """A change to a public competition: revision + 1 and a CompetitionChange row. Planned ones are drafts."""
    if competition.status == Status.PLANNED or not sentences:
        return None
    now = now or timezone.now()
    summary = "; ".join(sentences)
    summary = (summary[:1].upper() + summary[1:])[:500]
    competition.revision += 1
    competition.changed_at = now
    competition.last_change_summary = summary
    competition.save(update_fields=["revision", "changed_at", "last_change_summary", "updated_at"])
    return CompetitionChange.objects.create(
        competition=competition, revision=competition.revision, summary=summary, changed_by=by
    )


def record_edit(
    competition, before: dict, *, criteria_changed: bool, prior_funding_changed: bool, by=None, now=None
) -> CompetitionChange | None:
    """An edit of the announcement saved from `before` (snapshot()), told in sentences with its criteria and
    prior funding (art. 13 ust. 2 pkt 6–7)."""
    sentences = describe_changes(before, competition)
    if criteria_changed:
        sentences.append(_("zmieniono kryteria oceny ofert"))
    if prior_funding_changed:
        sentences.append(_("zmieniono informację o zadaniach tego samego rodzaju (art. 13 ust. 2 pkt 7)"))
    return record_changes(competition, sentences, by=by, now=now)


@transaction.atomic
def add_document(competition, document: CompetitionDocument, *, by=None) -> CompetitionDocument:
    document.competition = competition
    document.save()
    record_changes(competition, [_("dodano dokument „%(title)s”") % {"title": document.title}], by=by)
    return document


@transaction.atomic
def replace_document(old: CompetitionDocument, *, file, by=None) -> CompetitionDocument:
    """A corrected document; the earlier one stays listed as superseded."""
    new = CompetitionDocument.objects.create(competition=old.competition, title=old.title, file=file, replaces=old)
    old.is_current = False
    old.save(update_fields=["is_current"])
    record_changes(old.competition, [_("poprawiono dokument „%(title)s”") % {"title": old.title}], by=by)
    return new


# --- Transitions ---------------------------------------------------------------------------------


def announce(competition, *, by=None, now=None) -> None:
    """Planned → announced, only when every art. 13 item is there; then on with the calendar."""
    if competition.status != Status.PLANNED:
        _refuse(_("Ogłosić można tylko konkurs planowany."))
    problems = rules.announcement_problems(competition)
    if problems:
        raise ValidationError(problems, code="art13")
    with transaction.atomic():
        if not _set_status(competition, Status.ANNOUNCED, expected=[Status.PLANNED], by=by, now=now):
            _refuse(_("Ktoś właśnie zmienił stan tego konkursu. Odśwież stronę."))
        advance(competition, now=now)


def advance(competition, *, now=None) -> list[str]:
    """The calendar's transitions: accepting from the day of the last announcement, closed after the deadline."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    moved = []
    if (
        competition.status == Status.ANNOUNCED
        and competition.last_announcement_on
        and competition.last_announcement_on <= today
        and _set_status(competition, Status.ACCEPTING, expected=[Status.ANNOUNCED], now=now)
    ):
        moved.append(Status.ACCEPTING)
    if (
        competition.status == Status.ACCEPTING
        and competition.offer_deadline < now
        and _set_status(competition, Status.CLOSED, expected=[Status.ACCEPTING], now=now)
    ):
        moved.append(Status.CLOSED)
    return moved


def due_for_advance(now=None):
    now = now or timezone.now()
    today = timezone.localdate(now)
    announced_today = Competition.objects.filter(
        status=Status.ANNOUNCED,
        bip_published_on__lte=today,
        notice_board_published_on__lte=today,
        website_published_on__lte=today,
    )
    past_deadline = Competition.objects.filter(status=Status.ACCEPTING, offer_deadline__lt=now)
    return (announced_today | past_deadline).order_by("pk")


def advance_all(now=None) -> int:
    """Every competition the calendar moves on; running it again changes nothing."""
    count = 0
    for competition in due_for_advance(now):
        with transaction.atomic():
            count += len(advance(competition, now=now))
    return count


def cancellation_ground(competition) -> str:
    """The art. 18a ground that holds now ("" if none): no offer submitted, or every offer rejected on formal grounds.
    An offer not yet checked formally may still pass, so while one waits the second ground does not hold."""
    statuses = set(competition.offers.values_list("formal_status", flat=True).distinct())
    if not statuses:
        return Ground.NO_OFFERS
    if statuses == {"rejected"}:
        return Ground.NONE_MET_REQUIREMENTS
    return ""


def only_cancellation_message(ground: str) -> str:
    return _("%(ground)s: konkurs można tylko unieważnić (art. 18a).") % {
        "ground": str(Ground(ground).label).capitalize()
    }


def start_evaluation(competition, *, by=None, now=None) -> None:
    now = now or timezone.now()
    advance(competition, now=now)
    if competition.status != Status.CLOSED or competition.offer_deadline >= now:
        _refuse(_("Ocenę ofert można rozpocząć dopiero po upływie terminu składania ofert (%(deadline)s).")
                % {"deadline": show_value(competition.offer_deadline)})
    if cancellation_ground(competition) == Ground.NO_OFFERS:
        _refuse(only_cancellation_message(Ground.NO_OFFERS))
    if not _set_status(competition, Status.EVALUATION, expected=[Status.CLOSED], by=by, now=now):
        _refuse(_("Ktoś właśnie zmienił stan tego konkursu. Odśwież stronę."))


def publish_results(competition, *, by=None, note: str = "", amounts: dict | None = None, now=None) -> None:
    """Evaluation → results: the amounts granted per offer (offer pk → amount or None) and the results note."""
    now = now or timezone.now()
    if competition.status != Status.EVALUATION:
        _refuse(_("Wyniki można ogłosić dopiero po ocenie ofert."))
    ground = cancellation_ground(competition)
    if ground:
        _refuse(only_cancellation_message(ground))
    amounts = amounts or {}
    offers = list(competition.offers.filter(pk__in=list(amounts.keys())).select_related("organization"))
    problems = [problem for offer in offers if (problem := awarded_amount_error(offer, amounts[offer.pk]))]
    if problems:
        raise ValidationError(problems, code="amount")
    with transaction.atomic():
        for offer in offers:
            offer.awarded_amount = amounts[offer.pk]
            offer.save(update_fields=["awarded_amount"])
        # The points as published: later changes to the committee's data do not change the notice.
        results.store_points(competition)
        competition.results_note = note
        competition.results_published_at = now
        competition.save(update_fields=["results_note", "results_published_at", "updated_at"])
        if not _set_status(competition, Status.RESULTS, expected=[Status.EVALUATION], by=by, now=now):
            _refuse(_("Ktoś właśnie zmienił stan tego konkursu. Odśwież stronę."))


def awarded_amount_error(offer, amount) -> str | None:
    """An amount granted is at most the amount requested, and nothing goes to an offer rejected on formal grounds."""
    if not amount:
        return None
    names = {"organization": offer.organization.name, "title": offer.title}
    if amount < 0:
        return _("Kwota dotacji dla oferty „%(title)s” (%(organization)s) nie może być ujemna.") % names
    if offer.formal_status == offer.Formal.REJECTED:
        return _("Oferta „%(title)s” (%(organization)s) została odrzucona z przyczyn formalnych – "
                 "nie można przyznać jej dotacji.") % names
    if amount > offer.requested_amount:
        return _("Kwota dotacji dla oferty „%(title)s” (%(organization)s) nie może przekraczać kwoty "
                 "wnioskowanej (%(requested)s zł).") % {**names, "requested": show_value(offer.requested_amount)}
    return None


def cancel(competition, *, ground: str, details: str = "", by=None, now=None) -> None:
    """Art. 18a: cancelled only when no offer was submitted or none met the announcement's requirements; the ground
    (checked against the offers) and the official's details are shown publicly and sent as a change."""
    details = (details or "").strip()
    if competition.status not in CANCELLABLE:
        _refuse(_("Konkurs można unieważnić (art. 18a) po upływie terminu składania ofert, przed ogłoszeniem "
                  "wyników."))
    if ground not in Ground.values:
        _refuse(_("Wskaż podstawę unieważnienia (art. 18a)."))
    if cancellation_ground(competition) != ground:
        if ground == Ground.NO_OFFERS:
            _refuse(_("W konkursie złożono oferty: nie można go unieważnić z powodu braku ofert (art. 18a)."))
        _refuse(_("Nie wszystkie oferty zostały odrzucone w ocenie formalnej: nie można unieważnić konkursu "
                  "z powodu niespełnienia wymogów przez żadną ofertę (art. 18a)."))
    reason = _("%(ground)s (art. 18a).") % {"ground": str(Ground(ground).label).capitalize()}
    if details:
        reason = f"{reason} {details}"
    with transaction.atomic():
        if not _set_status(competition, Status.CANCELLED, expected=CANCELLABLE, by=by, note=reason, now=now):
            _refuse(_("Ktoś właśnie zmienił stan tego konkursu. Odśwież stronę."))
        competition.cancellation_ground = ground
        competition.cancellation_reason = reason
        competition.save(update_fields=["cancellation_ground", "cancellation_reason", "updated_at"])
        record_changes(competition, [_("konkurs unieważniono (art. 18a): %(reason)s") % {"reason": reason}],
                       by=by, now=now)


# --- Publishing the outcome in the three places (art. 15 ust. 2h, art. 18a) ---------------------------

def outcome_day(competition) -> dt.date | None:
    """The day the results were published or the competition cancelled (Europe/Warsaw); None before either."""
    if competition.status == Status.RESULTS and competition.results_published_at:
        return timezone.localdate(competition.results_published_at)
    if competition.status == Status.CANCELLED:
        change = competition.status_changes.filter(status=Status.CANCELLED).order_by("-changed_at").first()
        return timezone.localdate(change.changed_at) if change else None
    return None


def record_outcome_publication(competition, *, dates: dict, by=None) -> OutcomePublication:
    """Record where and when the results or the cancellation appeared; a date once given may be corrected."""
    if competition.status not in (Status.RESULTS, Status.CANCELLED):
        _refuse(_("Publikację zapisuje się po ogłoszeniu wyników albo unieważnieniu konkursu."))
    publication, _created = OutcomePublication.objects.update_or_create(
        competition=competition, defaults={**dates, "recorded_by": by},
    )
    return publication


# --- What the pages show ------------------------------------------------------------------------


def days_left(competition, now=None) -> int | None:
    """Whole calendar days until the offer deadline while offers are (or will be) accepted; 0 on the last day."""
    if competition.status not in (Status.ANNOUNCED, Status.ACCEPTING):
        return None
    now = now or timezone.now()
    if competition.offer_deadline <= now:
        return None
    return (rules.local_date(competition.offer_deadline) - timezone.localdate(now)).days

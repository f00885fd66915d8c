"""Preparing and announcing a consultation: the draft's text split into units, its versions, the announcement.

Before the announcement the official pastes the text as often as needed (version 1 is split afresh each
time, so correcting the text corrects the split); after it, a changed text is a new version and the old
one stays, with what changed shown unit by unit (wording.compare_versions).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.consultations import units as splitting
from partnerstwo.consultations.models import Consultation, DraftVersion, Kind, Unit, body_opinion_due
from partnerstwo.events import publishing as event_publishing
from partnerstwo.events.models import Event, EventKind, EventStatus, OrganizerKind
from partnerstwo.lib.emails import absolute_url
from partnerstwo.team.models import Body, Position
from partnerstwo.team.positions import voting

MAX_UNITS = 5000


def minimum_days(kind: str) -> int:
    """The shortest period for this kind of draft (settings.CONSULTATION_MIN_DAYS;
    docs/law.md#consultation-minimum-period)."""
    table = getattr(settings, "CONSULTATION_MIN_DAYS", {})
    return int(table.get(kind, table.get(Kind.OTHER, 7)))


def period_errors(*, kind: str, starts_on, ends_on, short_period_reason: str, for_body: bool = False) -> dict:
    """The period's problems by field (empty when it is fine): the end before the start, shorter than the advisory
    body's 14 days on a programme or strategy (no reason shortens those), too short without a reason."""
    if not (starts_on and ends_on):
        return {}
    if ends_on < starts_on:
        return {"ends_on": _("Koniec konsultacji nie może być wcześniejszy niż ich początek.")}
    due = body_opinion_due(kind=kind, for_body=for_body, starts_on=starts_on)
    if due and ends_on < due:
        return {"ends_on": _(
            "Zespół Konsultacyjny ma 14 dni na opinię o projekcie programu współpracy lub strategii (art. 41i ust. 2 "
            "ustawy): konsultacje z jego udziałem trwają co najmniej do %(day)s."
        ) % {"day": due.strftime("%d.%m.%Y")}}
    days = (ends_on - starts_on).days + 1
    if days < minimum_days(kind) and not (short_period_reason or "").strip():
        return {"short_period_reason": _(
            "Konsultacje trwają %(days)s dni, krócej niż minimum %(minimum)s dni dla tego rodzaju projektu: "
            "podaj uzasadnienie krótszego terminu (zostanie opublikowane)."
        ) % {"days": days, "minimum": minimum_days(kind)}}
    return {}


def unique_slug(title: str, *, exclude_pk=None) -> str:
    base = splitting.slug_for(title)
    slug, n = base, 1
    while Consultation.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def create(consultation: Consultation, *, by, save_m2m=None) -> Consultation:
    consultation.slug = unique_slug(consultation.title)
    consultation.created_by = by
    consultation.save()
    if save_m2m:
        save_m2m()
    return consultation


def _store_units(version: DraftVersion) -> int:
    found = splitting.split(version.text)
    if not found:
        raise ValidationError({"text": _("W tekście nie ma żadnej treści do podziału.")})
    if len(found) > MAX_UNITS:
        raise ValidationError({"text": _("Projekt ma ponad %(max)s jednostek; podziel go na części.") % {
            "max": MAX_UNITS}})
    Unit.objects.bulk_create([
        Unit(version=version, position=position, kind=unit.kind, label=unit.label[:60],
             path_label=unit.path_label[:200], anchor=unit.anchor[:150], heading=unit.heading[:300],
             text=unit.text, depth=unit.depth)
        for position, unit in enumerate(found, start=1)
    ])
    return len(found)


@transaction.atomic
def save_text(consultation: Consultation, *, text: str, by, note: str = "") -> DraftVersion:
    """Version 1 replaced while the consultation is prepared; a new version once it is announced."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.report_published:
        raise ValidationError(_("Sprawozdanie jest opublikowane: projektu nie można już zmieniać."))
    current = consultation.current_version()
    if not consultation.is_announced:
        if current is None:
            current = DraftVersion(consultation=consultation, number=1)
        current.text, current.created_by, current.created_at = text, by, timezone.now()
        current.save()
        current.units.all().delete()
        _store_units(current)
        return current
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Napisz krótko, co się zmieniło w nowej wersji – zobaczą to wszyscy.")})
    if current is not None and current.text == text:
        raise ValidationError({"text": _("Tekst jest taki sam jak w obecnej wersji.")})
    version = DraftVersion.objects.create(
        consultation=consultation, number=(current.number + 1) if current else 1, text=text, note=note,
        created_by=by,
    )
    _store_units(version)
    return version


def announcement_problems(consultation: Consultation) -> list[str]:
    """What stops the announcement, in the official's words (empty: it may be announced)."""
    problems = []
    version = consultation.current_version()
    if version is None or not version.units.exists():
        problems.append(_("Wklej tekst projektu i sprawdź jego podział na jednostki."))
    if not consultation.documents.filter(kind="draft").exists() and version is None:
        problems.append(_("Dodaj projekt aktu."))
    for message in period_errors(
        kind=consultation.kind, starts_on=consultation.starts_on, ends_on=consultation.ends_on,
        short_period_reason=consultation.short_period_reason, for_body=consultation.for_body,
    ).values():
        problems.append(message)
    if consultation.ends_on < timezone.localdate():
        problems.append(_("Termin konsultacji już minął; zmień daty."))
    if consultation.form_meeting and not (consultation.meeting_starts_at and consultation.meeting_ends_at):
        problems.append(_("Podaj termin otwartego spotkania konsultacyjnego albo zrezygnuj z tej formy."))
    if not (consultation.form_site or consultation.form_written or consultation.form_meeting):
        problems.append(_("Wybierz co najmniej jedną formę konsultacji."))
    return problems


@transaction.atomic
def announce(consultation: Consultation, *, by) -> Consultation:
    """Publishes the consultation: on the site, its meeting in the calendar; the newsletter's alerts pick it up."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.is_announced:
        raise ValidationError(_("Konsultacje są już ogłoszone."))
    problems = announcement_problems(consultation)
    if problems:
        raise ValidationError(problems)
    consultation.announced_at = timezone.now()
    consultation.save(update_fields=["announced_at", "updated_at"])
    if consultation.form_meeting:
        consultation.meeting_event = _meeting_event(consultation, by=by)
        consultation.save(update_fields=["meeting_event"])
    open_body_position(consultation)
    return consultation


# What the body's position is about, by the kind of draft: the programme and a strategy are the opinions the Act
# asks of it within 14 days of delivery (art. 41i ust. 2); the rest concern a followed act or the topic.
BODY_CONCERNS = {Kind.PROGRAMME: Position.Concerns.PROGRAMME, Kind.STRATEGY: Position.Concerns.STRATEGY}


@transaction.atomic
def open_body_position(consultation: Consultation) -> Position | None:
    """The advisory body's draft opinion on an announced consultation it is consulted in, opened once and linked
    both ways (consultation.team_position, position.consultation), due on the consultation's last day. Called on
    the announcement and on every later save: a draft already opened only follows the consultation's dates, title
    and act; one the body has put to the vote or decided is the body's and is left as it is."""
    # The position is read after the lock: PostgreSQL locks no row on the nullable side of an outer join.
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if not (consultation.is_announced and consultation.for_body):
        return consultation.team_position
    position = consultation.team_position
    if position is not None and position.status != Position.Status.DRAFT:
        return position
    if position is None:
        position = Position(body=Body.objects.the_body(), kind=Position.Kind.OPINION, text=_(
            "Projekt opinii Zespołu w konsultacjach projektu: [%(title)s](%(url)s). Członkowie Zespołu uzupełniają "
            "jego treść; po przyjęciu opinii Zespół zgłasza ją w konsultacjach."
        ) % {"title": consultation.title, "url": consultation.get_absolute_url()})
    position.title = (_("Opinia w konsultacjach: %(title)s") % {"title": consultation.title})[:300]
    position.concerns = BODY_CONCERNS.get(consultation.kind, Position.Concerns.TOPIC)
    if position.concerns == Position.Concerns.TOPIC and consultation.legal_act_id:
        position.concerns, position.legal_act_id = Position.Concerns.LEGAL_ACT, consultation.legal_act_id
    position.delivered_on = consultation.starts_on if position.concerns in BODY_CONCERNS.values() else None
    position.subject_title = consultation.title[:300]
    position.subject_url = absolute_url(consultation.get_absolute_url())
    position.respond_by = consultation.ends_on
    created = position.pk is None
    voting.save_draft(position=position, addressed_to=[consultation.department] if created else None)
    if created:
        consultation.team_position = position
        consultation.save(update_fields=["team_position"])
    return position


def _meeting_event(consultation: Consultation, *, by) -> Event:
    """The open consultation meeting as a published event of the department in the events calendar."""
    event = Event(
        title=(_("Spotkanie konsultacyjne: %(title)s") % {"title": consultation.title})[:200],
        kind=EventKind.MEETING, organizer_kind=OrganizerKind.CITY, department=consultation.department,
        starts_at=consultation.meeting_starts_at, ends_at=consultation.meeting_ends_at,
        venue=consultation.meeting_place[:200], town=settings.CITY["name"][:100],
        description=_("Otwarte spotkanie w ramach konsultacji projektu: [%(title)s](%(url)s). "
                      "Konsultacje trwają do %(day)s.") % {
            "title": consultation.title, "url": reverse("consultations:detail", args=[consultation.slug]),
            "day": consultation.ends_on.strftime("%d.%m.%Y"),
        },
        status=EventStatus.DRAFT,
    )
    event_publishing.save(event, by=by, save_m2m=lambda: event.spheres.set(consultation.spheres.all()))
    return event


def minimum_end(kind: str, starts_on: datetime.date) -> datetime.date:
    return starts_on + datetime.timedelta(days=minimum_days(kind) - 1)

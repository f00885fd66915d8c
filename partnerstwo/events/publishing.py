"""An event's way onto the calendar: submitted, reviewed (approved or returned), edited, cancelled.

Representatives submit their organisations' events and Team members the advisory body's; an official
reviews them. Officials' and administrators' own events publish at once. Once published, an event keeps
its address. A representative's or Team member's edit of a published event becomes an EventChange that
an official reviews; the published version stays public until then. Applied changes raise the iCal
SEQUENCE, and the people registered are e-mailed about those that matter to them (date, place, access,
cost). A cancellation is immediate: the registered people and the responsible department are told.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from partnerstwo.accounts.desk import alert
from partnerstwo.events import desk, recurrence, schedule, tasks
from partnerstwo.events.models import Event, EventChange, EventStatus, OrganizerKind
from partnerstwo.lib.text import fold
from partnerstwo.organizations.models import Organization


def organizer_kinds_for(user) -> list[str]:
    """Whom this person may publish events as."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_administrator or user.is_official:
        return list(OrganizerKind.values)
    kinds = []
    if Organization.objects.represented_by(user).exists():
        kinds.append(OrganizerKind.ORGANIZATION)
    if user.is_team_member:
        kinds.append(OrganizerKind.ADVISORY_BODY)
    return kinds


def can_submit(user) -> bool:
    return bool(organizer_kinds_for(user))


def publishes_at_once(user) -> bool:
    return user.is_active and (user.is_official or user.is_administrator)


def can_review(user) -> bool:
    return user.is_authenticated and user.is_active and (user.is_official or user.is_administrator)


def unique_slug(event: Event) -> str:
    day = timezone.localtime(event.starts_at).date().isoformat()
    base = f"{slugify(fold(event.title))[:190].strip('-') or 'wydarzenie'}-{day}"
    slug, n = base, 1
    while Event.objects.filter(slug=slug).exclude(pk=event.pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# The fields whose change the people registered are told about; a new description or link is not news.
NOTIFIED_FIELDS = {
    "starts_at", "ends_at", "all_day", "rrule", "exdates", "venue", "street", "town", "online_url",
    "step_free_access", "sign_language", "induction_loop", "is_free", "price",
}
# What an edit may change (the organiser never: an event does not move to another organisation).
CHANGEABLE_FIELDS = [
    "title", "kind", "starts_at", "ends_at", "all_day", "rrule", "exdates", "venue", "street", "town", "district",
    "online_url", "description", "audience", "step_free_access", "sign_language", "induction_loop",
    "accessibility_notes", "is_free", "price", "image", "image_alt", "registration_mode",
    "external_registration_url", "capacity", "registration_deadline", "spheres",
]


def changes_need_review(event: Event, by) -> bool:
    """A published event edited by someone who does not publish at once."""
    return event.pk is not None and event.status == EventStatus.PUBLISHED and not publishes_at_once(by)


def _value(event: Event, name: str):
    field = Event._meta.get_field(name)
    if field.many_to_many:
        return sorted(obj.pk for obj in getattr(event, name).all()) if event.pk else []
    if field.is_relation:
        return getattr(event, field.attname)
    if name == "image":
        return event.image.name or ""
    if field.value_from_object(event) is None:
        return None
    return field.value_to_string(event)


def diff(published: Event, edited: Event, spheres=None) -> dict:
    """Field → proposed value (serialised) for every field the edit changes."""
    changed = {}
    for name in CHANGEABLE_FIELDS:
        if name == "spheres":
            if spheres is None:
                continue
            proposed = sorted(sphere.pk for sphere in spheres)
        else:
            proposed = _value(edited, name)
        if proposed != _value(published, name):
            changed[name] = proposed
    return changed


def apply_values(event: Event, values: dict) -> None:
    """Puts proposed values on the (unsaved) event; spheres are set by the caller after saving."""
    for name, value in values.items():
        field = Event._meta.get_field(name)
        if field.many_to_many:
            continue
        if field.is_relation:
            setattr(event, field.attname, value)
        elif name == "image":
            event.image.name = value
        else:
            setattr(event, name, None if value is None else field.to_python(value))


def pending_change(event: Event) -> EventChange | None:
    return event.changes.filter(status=EventChange.Status.PENDING).first() if event.pk else None


@transaction.atomic
def propose_change(event: Event, *, by, spheres=None) -> EventChange | None:
    """Keeps an edit of a published event for review; the published version stays as it is.

    `event` carries the edited values (not saved). A new proposal replaces a pending one; an edit
    that changes nothing withdraws it. Returns the pending change, or None.
    """
    published = Event.objects.select_for_update().get(pk=event.pk)
    if published.status != EventStatus.PUBLISHED:
        raise ValidationError(_("Wydarzenie ma już status „%(status)s”; odśwież stronę.")
                              % {"status": published.get_status_display()}, code="status")
    if event.image and not event.image._committed:  # a new upload: stored now, used if approved
        event.image.save(event.image.name, event.image.file, save=False)
    values = diff(published, event, spheres)
    change = published.changes.select_for_update().filter(status=EventChange.Status.PENDING).first()
    if not values:
        if change:
            change.delete()
        return None
    is_new = change is None
    if is_new:
        change = EventChange(event=published)
    change.values, change.proposed_by, change.proposed_at = values, by, timezone.now()
    change.save()
    if is_new:  # a new version of a waiting change is not news to the reviewers
        alert(desk.alert_officials, desk.CHANGES, change.pk)
    return change


@transaction.atomic
def approve_change(change: EventChange, *, by) -> Event:
    change = EventChange.objects.select_for_update().get(pk=change.pk)
    if change.status != EventChange.Status.PENDING:
        raise ValidationError(_("Tę zmianę już rozpatrzono; odśwież stronę."), code="status")
    event = _locked(change.event, expected=EventStatus.PUBLISHED)
    apply_values(event, change.values)
    event.full_clean(exclude=["slug", "organization", "department", "image"], validate_unique=False)
    event.sequence += 1
    event.updated_by = by
    event.save()
    if "spheres" in change.values:
        event.spheres.set(change.values["spheres"])
    schedule.rebuild(event)
    change.status, change.decided_by, change.decided_at = EventChange.Status.APPROVED, by, timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at"])
    if NOTIFIED_FIELDS & set(change.values):
        _after_commit(event, "event_changed")
    _after_commit_to(change.proposed_by, event, "event_change_approved", change=change)
    return event


@transaction.atomic
def reject_change(change: EventChange, *, by, reason: str) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _(
            "Napisz, dlaczego zmiana nie może być przyjęta – zgłaszający dostanie to w wiadomości."
        )})
    change = EventChange.objects.select_for_update().get(pk=change.pk)
    if change.status != EventChange.Status.PENDING:
        raise ValidationError(_("Tę zmianę już rozpatrzono; odśwież stronę."), code="status")
    change.status, change.decided_by, change.decided_at = EventChange.Status.REJECTED, by, timezone.now()
    change.reason = reason
    change.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    _after_commit_to(change.proposed_by, change.event, "event_change_rejected", change=change)


def change_rows(change: EventChange) -> list[tuple[str, str, str]]:
    """(label, published value, proposed value) for the reviewer, each as text."""
    event = change.event
    proposed = Event.objects.get(pk=event.pk)
    apply_values(proposed, change.values)
    rows = []
    for name, value in change.values.items():
        field = Event._meta.get_field(name)
        if field.many_to_many:
            model = field.related_model
            before = ", ".join(str(o) for o in getattr(event, name).all())
            after = ", ".join(str(o) for o in model.objects.filter(pk__in=value))
        else:
            before, after = _display(event, field), _display(proposed, field)
        label = _("Powtarzanie") if name == "rrule" else str(field.verbose_name)  # not "(RRULE)": a reader's words
        rows.append((label, before, after))
    return rows


def _display(event: Event, field) -> str:
    value = getattr(event, field.name)
    if field.choices:
        return str(getattr(event, f"get_{field.name}_display")())
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("tak") if value else _("nie"))
    if hasattr(value, "astimezone"):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if field.name == "image":
        return value.name
    if field.name == "rrule":
        return recurrence.describe(value, event.starts_at)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


@transaction.atomic
def save(event: Event, *, by, changed: bool = True, save_m2m=None, notify: bool | None = None) -> Event:
    """Saves a new or edited event (from the form) and brings its occurrences in line with its dates.

    New and returned events go to review unless `by` publishes at once; a published one stays published,
    its SEQUENCE grows and registered people are told when a change matters to them (`notify`; by default
    computed from what changed). `save_m2m` saves the form's many-to-many fields.
    """
    is_new = event.pk is None
    previous = None if is_new else Event.objects.select_for_update().get(pk=event.pk)
    if previous and previous.status == EventStatus.CANCELLED:
        raise ValidationError(_("Odwołanego wydarzenia nie można już zmieniać."), code="cancelled")
    if is_new:
        event.submitted_by = by
        event.slug = unique_slug(event)
        if by.is_official and not event.department_id:
            event.department = by.department
    if is_new or previous.status in (EventStatus.DRAFT, EventStatus.RETURNED):
        event.status = EventStatus.PUBLISHED if publishes_at_once(by) else EventStatus.PENDING
    enters_review = event.status == EventStatus.PENDING and (is_new or previous.status != EventStatus.PENDING)
    was_published = previous is not None and previous.status == EventStatus.PUBLISHED
    if notify is None:
        notify = was_published and bool(NOTIFIED_FIELDS & set(diff(previous, event)))
    if was_published and changed:
        event.sequence = previous.sequence + 1
    event.updated_by = by
    event.save()
    if save_m2m:
        save_m2m()
    schedule.rebuild(event)
    if was_published and changed and notify:
        _after_commit(event, "event_changed")
    if enters_review:
        alert(desk.alert_officials, desk.REVIEW, event.pk)
    return event


@transaction.atomic
def approve(event: Event, *, by) -> None:
    event = _locked(event, expected=EventStatus.PENDING)
    event.status = EventStatus.PUBLISHED
    event.updated_by = by
    if not event.department_id and by.is_official:
        # The reviewer's department answers for the event from now on (it hears of a cancellation).
        event.department = by.department
    event.save(update_fields=["status", "updated_by", "updated_at", "department"])
    schedule.rebuild(event)
    _after_commit_to_submitter(event, "event_approved")


@transaction.atomic
def return_for_changes(event: Event, *, by, reason: str) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Napisz, co trzeba poprawić – zgłaszający dostanie to w wiadomości.")})
    event = _locked(event, expected=EventStatus.PENDING)
    event.status = EventStatus.RETURNED
    event.review_reason = reason
    event.updated_by = by
    event.save(update_fields=["status", "review_reason", "updated_by", "updated_at"])
    _after_commit_to_submitter(event, "event_returned")


@transaction.atomic
def cancel(event: Event, *, by, reason: str) -> None:
    """A published event stays on the calendar marked cancelled, so subscribed calendars learn of it.

    Immediate, whoever cancels: the people registered and the responsible department's officials are told.
    A change waiting for review is withdrawn.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Podaj powód odwołania – dostaną go osoby zapisane.")})
    event = _locked(event, expected=EventStatus.PUBLISHED)
    event.status = EventStatus.CANCELLED
    event.cancellation_reason = reason
    event.sequence += 1
    event.updated_by = by
    event.save(update_fields=["status", "cancellation_reason", "sequence", "updated_by", "updated_at"])
    event.occurrences.update(is_cancelled=True)
    event.changes.filter(status=EventChange.Status.PENDING).delete()
    _after_commit(event, "event_cancelled")
    transaction.on_commit(partial(tasks.notify_department_of_cancellation.enqueue, event.pk, by.pk))


def _locked(event: Event, *, expected: str) -> Event:
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.status != expected:
        raise ValidationError(
            _("Wydarzenie ma już status „%(status)s”; odśwież stronę.") % {"status": locked.get_status_display()},
            code="status",
        )
    return locked


def _after_commit(event: Event, key: str) -> None:
    transaction.on_commit(partial(tasks.notify_registered.enqueue, event.pk, key))


def _after_commit_to_submitter(event: Event, key: str) -> None:
    _after_commit_to(event.submitted_by, event, key)


def _after_commit_to(user, event: Event, key: str, change: EventChange | None = None) -> None:
    if user and user.email and user.is_active:
        transaction.on_commit(
            partial(tasks.notify_submitter.enqueue, event.pk, key, user.pk, change.pk if change else None)
        )

"""Changing a programme: its sections, priority tasks and planned funds, each save in one transaction and each
making a version (who, when, a note); its consultation and its adoption. The views call these, nothing else
writes the rows."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from partnerstwo.consultations import drafting
from partnerstwo.consultations.models import Consultation, Kind
from partnerstwo.consultations.wording import word_diff
from partnerstwo.lib.editorial.slugs import polish_slugify
from partnerstwo.programme import contents
from partnerstwo.programme.models import Programme, ProgrammeVersion


def unique_slug(title: str, *, exclude_pk=None) -> str:
    base = polish_slugify(title, max_length=90) or "program"
    slug, n = base, 1
    while Programme.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def record_version(programme: Programme, *, by, note: str = "") -> ProgrammeVersion:
    """The contents as they are now, as the next version (in Polish, the language of the act)."""
    last = programme.versions.aggregate(last=Max("number"))["last"] or 0
    with translation.override("pl"):
        text = contents.snapshot(programme)
    return ProgrammeVersion.objects.create(
        programme=programme, number=last + 1, status=programme.status, contents=text,
        note=(note or "").strip()[:500], created_by=by, created_at=timezone.now(),
    )


def _follow_in_consultation(programme: Programme, *, by, note: str) -> None:
    """A change made while the draft is in consultation reaches the consultation's text: before the announcement
    it replaces the draft, after it it is the consultation's next version with the same note (drafting.save_text);
    once the consultation's report is out, the consultation keeps the text it was about."""
    consultation = programme.consultation
    if consultation is None or consultation.report_published:
        return
    with translation.override("pl"):
        text = contents.as_draft_text(programme)
    current = consultation.current_version()
    if current is not None and current.text == text:
        return
    drafting.save_text(consultation, text=text, by=by, note=note)


def _locked(programme: Programme) -> Programme:
    return Programme.objects.select_for_update().get(pk=programme.pk)


def _check_open(programme: Programme) -> None:
    if programme.is_adopted:
        raise ValidationError(_("Program jest przyjęty uchwałą: jego treści nie można już zmieniać."))


@transaction.atomic
def create(programme: Programme, *, by) -> Programme:
    programme.slug = unique_slug(programme.title)
    programme.save()
    record_version(programme, by=by, note=_("Utworzenie programu"))
    return programme


@transaction.atomic
def save_sections(form, *, by, note: str = "") -> Programme:
    """The sections form (ModelForm of Programme) saved, with its spheres, and a version."""
    _check_open(_locked(form.instance))
    programme = form.save()
    note = note or _("Zmiana treści programu")
    record_version(programme, by=by, note=note)
    _follow_in_consultation(programme, by=by, note=note)
    return programme


@transaction.atomic
def save_rows(programme: Programme, formset, *, by, note: str) -> Programme:
    """A formset of priority tasks or planned funds saved whole (additions, changes, removals) and a version."""
    programme = _locked(programme)
    _check_open(programme)
    for row in formset.save(commit=False):
        row.programme = programme
        row.save()
    for row in formset.deleted_objects:
        row.delete()
    Programme.objects.filter(pk=programme.pk).update(updated_at=timezone.now())
    record_version(programme, by=by, note=note)
    _follow_in_consultation(programme, by=by, note=note)
    return programme


@transaction.atomic
def start_consultation(programme: Programme, form, *, by) -> Consultation:
    """The draft's consultation (kind "programme") created from the consultation form, with the programme's
    contents as the draft's text, linked both ways; the official announces it in the consultations panel (the
    announcement opens the advisory body's 14-day opinion, drafting.open_body_position)."""
    programme = _locked(programme)
    _check_open(programme)
    if programme.consultation_id:
        raise ValidationError(_("Konsultacje projektu tego programu są już utworzone."))
    consultation = form.save(commit=False)
    consultation.kind = Kind.PROGRAMME
    consultation.department = programme.department
    consultation = drafting.create(consultation, by=by, save_m2m=form.save_m2m)
    with translation.override("pl"):
        text = contents.as_draft_text(programme)
    drafting.save_text(consultation, text=text, by=by)
    programme.consultation = consultation
    programme.status = Programme.Status.CONSULTATION
    programme.save(update_fields=["consultation", "status", "updated_at"])
    record_version(programme, by=by, note=_("Projekt skierowany do konsultacji"))
    return consultation


@transaction.atomic
def adopt(programme: Programme, *, number: str, day, document, by, consulted_on=None) -> Programme:
    """The council's resolution recorded (number, date, the PDF): the programme is adopted and its text fixed."""
    programme = _locked(programme)
    _check_open(programme)
    programme.resolution_number, programme.resolution_date = number.strip(), day
    programme.resolution_document = document
    if consulted_on and not programme.consultation_id:
        programme.consulted_on = consulted_on
    programme.status = Programme.Status.ADOPTED
    programme.save()
    record_version(programme, by=by, note=_("Program przyjęty uchwałą nr %(number)s") % {"number": number})
    return programme


@dataclass(frozen=True)
class SectionChange:
    key: str
    title: str
    changed: bool
    diff: SafeString


def compare(older: ProgrammeVersion, newer: ProgrammeVersion) -> list[SectionChange]:
    """Each section of `newer` against `older`, word by word (the consultations' word_diff)."""
    changes = []
    for section in contents.SECTIONS:
        before = older.contents.get(section.key, "")
        after = newer.contents.get(section.key, "")
        changes.append(SectionChange(section.key, str(section.title), before != after, word_diff(before, after)))
    return changes

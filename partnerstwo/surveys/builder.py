"""Building a questionnaire: sections and questions added, changed, moved and removed, while no answer exists.

questionnaire_locked(survey) is true from the first response: every change below then raises ValidationError,
so an answer always means what the organisation was asked (docs/decisions/0013-needs-surveys.md).
Each change checks it under the survey's row lock, the lock answering takes too.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from .models import Choice, Question, Response, Section, Survey

LOCKED = _("Ta ankieta ma już odpowiedzi: jej pytań nie można zmieniać, dodawać, przestawiać ani usuwać.")


def questionnaire_locked(survey: Survey) -> bool:
    return Response.objects.filter(survey=survey).exists()


def _lock(survey: Survey) -> Survey:
    locked = Survey.objects.select_for_update().get(pk=survey.pk)
    if questionnaire_locked(locked):
        raise ValidationError(LOCKED, code="locked")
    return locked


def _next_position(rows) -> int:
    return (rows.aggregate(last=Max("position"))["last"] or 0) + 1


@transaction.atomic
def save_section(form, *, survey: Survey) -> Section:
    _lock(survey)
    section = form.save(commit=False)
    section.survey = survey
    if section.pk is None:
        section.position = _next_position(survey.sections.all())
    section.save()
    return section


@transaction.atomic
def save_question(form, *, survey: Survey) -> Question:
    _lock(survey)
    question = form.save(commit=False)
    question.survey = survey
    if question.pk is None or "section" in form.changed_data:
        question.position = _next_position(Question.objects.filter(section=question.section))
    question.save()
    lines = form.cleaned_data["choice_lines"] if question.has_choices else []
    existing = list(question.choices.all())
    if [choice.label for choice in existing] != lines:
        question.choices.all().delete()
        Choice.objects.bulk_create(
            [Choice(question=question, label=label, position=index) for index, label in enumerate(lines, 1)]
        )
    return question


@transaction.atomic
def delete_section(section: Section) -> None:
    _lock(section.survey)
    section.delete()


@transaction.atomic
def delete_question(question: Question) -> None:
    _lock(question.survey)
    question.delete()


@transaction.atomic
def move(row, *, up: bool) -> None:
    """Swap a section or a question with its neighbour above or below (within its section)."""
    survey = row.survey
    _lock(survey)
    siblings = list(
        survey.sections.all() if isinstance(row, Section) else Question.objects.filter(section=row.section_id)
    )
    index = next(position for position, sibling in enumerate(siblings) if sibling.pk == row.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, 1):
        if sibling.position != position:
            type(sibling).objects.filter(pk=sibling.pk).update(position=position)

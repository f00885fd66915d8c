"""An organisation's answers: the form built from the questionnaire, and saving it as the one response.

The form has a field per question: radio buttons for a single choice and for a scale, checkboxes for a multiple
choice (each group a fieldset with its legend), a text area for free text. Saving replaces the organisation's
answers in one transaction, under the response's row lock: answering again edits, never adds a second response.
A survey past its close refuses, whatever the page showed when it was opened.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Answer, Question, Response, Survey

TEXT_MAX_LENGTH = 5_000


def questionnaire(survey: Survey) -> list:
    """The sections in order, each with its questions and their choices: three queries."""
    return list(survey.sections.prefetch_related("questions__choices"))


def field_name(question: Question) -> str:
    return f"q{question.pk}"


def scale_choices(question: Question) -> list[tuple[str, str]]:
    values = question.scale_values()
    choices = []
    for value in values:
        label = str(value)
        if value == values[0] and question.scale_min_label:
            label = f"{value} – {question.scale_min_label}"
        elif value == values[-1] and question.scale_max_label:
            label = f"{value} – {question.scale_max_label}"
        choices.append((str(value), label))
    return choices


def make_field(question: Question) -> forms.Field:
    common = {"label": question.text, "required": question.required, "help_text": question.help_text}
    if question.kind == Question.Kind.SINGLE:
        return forms.ChoiceField(
            choices=[(str(choice.pk), choice.label) for choice in question.choices.all()], widget=forms.RadioSelect,
            error_messages={"required": _("Wybierz jedną odpowiedź."),
                            "invalid_choice": _("Wybierz jedną z podanych odpowiedzi.")}, **common,
        )
    if question.kind == Question.Kind.MULTIPLE:
        return forms.MultipleChoiceField(
            choices=[(str(choice.pk), choice.label) for choice in question.choices.all()],
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Zaznacz co najmniej jedną odpowiedź."),
                            "invalid_choice": _("Zaznacz tylko podane odpowiedzi.")}, **common,
        )
    if question.kind == Question.Kind.SCALE:
        return forms.ChoiceField(
            choices=scale_choices(question), widget=forms.RadioSelect,
            error_messages={"required": _("Wybierz wartość na skali."),
                            "invalid_choice": _("Wybierz jedną z wartości skali.")}, **common,
        )
    return forms.CharField(
        max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Wpisz odpowiedź."),
                        "max_length": _("Odpowiedź może mieć najwyżej %(limit_value)d znaków (ma %(show_value)d).")},
        **common,
    )


class AnswerForm(forms.Form):
    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections
        self.questions = {}
        for section in sections:
            for question in section.questions.all():
                name = field_name(question)
                self.fields[name] = make_field(question)
                self.questions[name] = question

    def grouped(self):
        """(section, bound fields of its questions) in order, for the template."""
        return [(section, [self[field_name(question)] for question in section.questions.all()])
                for section in self.sections]


def initial_from(response: Response | None) -> dict:
    if response is None:
        return {}
    initial = {}
    for answer in response.answers.select_related("question"):
        name = field_name(answer.question)
        kind = answer.question.kind
        if kind == Question.Kind.MULTIPLE:
            initial.setdefault(name, []).append(str(answer.choice_id))
        elif kind == Question.Kind.SINGLE:
            initial[name] = str(answer.choice_id)
        elif kind == Question.Kind.SCALE:
            initial[name] = str(answer.number)
        else:
            initial[name] = answer.text
    return initial


def answers_from(form: AnswerForm) -> list[Answer]:
    rows = []
    for name, question in form.questions.items():
        value = form.cleaned_data.get(name)
        if value in (None, "", []):
            continue
        if question.kind == Question.Kind.MULTIPLE:
            rows.extend(Answer(question=question, choice_id=int(pk)) for pk in value)
        elif question.kind == Question.Kind.SINGLE:
            rows.append(Answer(question=question, choice_id=int(value)))
        elif question.kind == Question.Kind.SCALE:
            rows.append(Answer(question=question, number=int(value)))
        elif value.strip():
            rows.append(Answer(question=question, text=value.strip()))
    return rows


def save(form: AnswerForm, *, survey: Survey, organization, user=None, channel=Response.Channel.LINK) -> Response:
    """The organisation's answers, replacing its earlier ones; ValidationError once the survey is closed."""
    rows = answers_from(form)
    for _attempt in range(2):
        try:
            with transaction.atomic():
                locked = Survey.objects.select_for_update().get(pk=survey.pk)
                if not locked.is_open_on(timezone.localdate()):
                    raise ValidationError(gettext("Badanie jest zamknięte; odpowiedzi nie można już zmienić."),
                                          code="closed")
                response, created = Response.objects.select_for_update().get_or_create(
                    survey=locked, organization=organization,
                    defaults={"submitted_by": user if user and user.is_authenticated else None, "channel": channel},
                )
                if not created:
                    response.answers.all().delete()
                    if user and user.is_authenticated:
                        response.submitted_by = user
                    response.channel = channel
                    response.save(update_fields=["submitted_by", "channel", "updated_at"])
                for row in rows:
                    row.response = response
                Answer.objects.bulk_create(rows)
                return response
        except IntegrityError:
            continue  # the same organisation's other tab created the response a moment ago: edit it instead
    raise ValidationError(gettext("Nie udało się zapisać odpowiedzi; spróbuj ponownie."), code="conflict")

"""What a survey's answers add up to: counts per option and per scale value, free-text answers, exports.

Everything is counted in the database: the results page runs the same few queries at any number of answers and
questions (sections, questions, choices; the responses counted; counts grouped by question and option; the
number who answered each question; the first text answers of each free-text question). Filters narrow the
responses by the sphere or district of the answering organisation.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.lib.charts import bar_chart

from .answering import questionnaire
from .models import Answer, Question, Response, Survey

TEXT_PREVIEW = 5  # free-text answers shown per question on the results page; the rest on its own paged list


@dataclass
class QuestionResult:
    question: Question
    answered: int
    chart: object = None
    texts: list = field(default_factory=list)
    average: float | None = None

    @property
    def chart_id(self) -> str:
        return f"chart-{self.question.pk}"


def responses(survey: Survey, *, sphere=None, district=None):
    chosen = Response.objects.filter(survey=survey)
    if sphere:
        chosen = chosen.filter(organization__spheres=sphere)
    if district:
        chosen = chosen.filter(organization__district=district)
    return chosen


def summary(survey: Survey, *, sphere=None, district=None, with_texts: bool = True) -> dict:
    sections = questionnaire(survey)
    questions = [question for section in sections for question in section.questions.all()]
    narrowed = responses(survey, sphere=sphere, district=district)
    # By the survey's question ids (the indexes on question lead), and by the responses only when filtered.
    answers = Answer.objects.filter(question_id__in=[question.pk for question in questions])
    if sphere or district:
        answers = answers.filter(response__in=narrowed.values("pk"))
    total = narrowed.count()
    counts = {}
    # Grouped on the columns of the index answer_counts alone; text answers make (question, None, None) rows.
    for question_id, choice_id, number, count in (
        answers.values_list("question_id", "choice_id", "number").annotate(n=Count("pk")).order_by()
    ):
        counts[(question_id, choice_id, number)] = count
    answered = dict(
        answers.values_list("question_id").annotate(n=Count("response_id", distinct=True)).order_by()
    )
    texts = {}
    text_ids = [question.pk for question in questions if question.kind == Question.Kind.TEXT]
    if with_texts and text_ids:
        # The first answers of each free-text question, ranked on the index answer_by_question; their text is
        # read for those rows only.
        ranked = answers.filter(question_id__in=text_ids).annotate(
            rank=Window(RowNumber(), partition_by=[F("question_id")], order_by=[F("response_id").asc()])
        ).filter(rank__lte=TEXT_PREVIEW).values("pk")
        for question_id, text in Answer.objects.filter(pk__in=ranked).order_by("response_id").values_list(
            "question_id", "text"
        ):
            texts.setdefault(question_id, []).append(text)
    results = []
    for section in sections:
        rows = []
        for question in section.questions.all():
            result = QuestionResult(question=question, answered=answered.get(question.pk, 0))
            if question.has_choices:
                result.chart = bar_chart(
                    [(choice.label, counts.get((question.pk, choice.pk, None), 0))
                     for choice in question.choices.all()],
                    title=question.text, columns=(_("Odpowiedź"), _("Liczba organizacji")),
                )
            elif question.kind == Question.Kind.SCALE:
                values = [(value, counts.get((question.pk, None, value), 0)) for value in question.scale_values()]
                result.chart = bar_chart(values, title=question.text, columns=(_("Wartość"), _("Liczba organizacji")))
                given = sum(count for _value, count in values)
                if given:
                    result.average = sum(value * count for value, count in values) / given
            else:
                result.texts = texts.get(question.pk, [])
            rows.append(result)
        results.append((section, rows))
    return {"total": total, "sections": results}


def text_answers(question: Question, *, sphere=None, district=None):
    """Every free-text answer to the question, oldest response first (the caller pages them)."""
    chosen = responses(question.survey, sphere=sphere, district=district).values("pk")
    return (
        Answer.objects.filter(question=question, response__in=chosen).exclude(text="")
        .select_related("response__organization").order_by("response_id", "pk")
    )


# Exports: one row per organisation, one column per question -------------------------------------------------


def export_header(questions) -> list[str]:
    return [_("Organizacja"), _("Osiedle"), _("Wysłano"), _("Zmieniono"), *[question.text for question in questions]]


def export_rows(survey: Survey, *, sphere=None, district=None):
    """Rows in response order, built by walking two sorted streams (responses, answers): memory stays small."""
    questions = [question for section in questionnaire(survey) for question in section.questions.all()]
    column = {question.pk: index for index, question in enumerate(questions)}
    labels = {choice.pk: choice.label for question in questions for choice in question.choices.all()}
    chosen = responses(survey, sphere=sphere, district=district)
    response_rows = chosen.order_by("pk").values_list(
        "pk", "organization__name", "organization__district__name", "submitted_at", "updated_at"
    ).iterator(chunk_size=2000)
    answer_rows = (
        Answer.objects.filter(response__in=chosen.values("pk")).order_by("response_id", "question_id", "pk")
        .values_list("response_id", "question_id", "choice_id", "number", "text").iterator(chunk_size=5000)
    )

    def rows():
        pending = next(answer_rows, None)
        for pk, name, district_name, submitted_at, updated_at in response_rows:
            cells = [[] for _question in questions]
            while pending is not None and pending[0] <= pk:
                response_id, question_id, choice_id, number, text = pending
                if response_id == pk and question_id in column:
                    value = labels.get(choice_id, "") if choice_id else (number if number is not None else text)
                    cells[column[question_id]].append(value)
                pending = next(answer_rows, None)
            yield [
                name, district_name or "", timezone.localtime(submitted_at).strftime("%Y-%m-%d %H:%M"),
                timezone.localtime(updated_at).strftime("%Y-%m-%d %H:%M"),
                *[values[0] if len(values) == 1 else "; ".join(str(value) for value in values) for values in cells],
            ]

    return export_header(questions), rows()


def has_responses(survey: Survey) -> bool:
    return Response.objects.filter(survey=survey).exists()


def response_counts(surveys) -> dict:
    return dict(
        Response.objects.filter(survey__in=surveys).values_list("survey_id").annotate(n=Count("pk")).order_by()
    )



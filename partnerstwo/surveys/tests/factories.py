"""Surveys for the tests: a questionnaire with one question of each kind, open on the test day unless told."""

import datetime as dt

from django.utils import timezone

from partnerstwo.surveys.models import Choice, Question, Survey


def survey(title="Potrzeby szkoleniowe organizacji", *, opens_in_days=-5, closes_in_days=10, **fields) -> Survey:
    today = timezone.localdate()
    values = {"opens_on": today + dt.timedelta(days=opens_in_days),
              "closes_on": today + dt.timedelta(days=closes_in_days)}
    values.update(fields)
    created = Survey.objects.create(title=title, intro="Prosimy o **kilka minut**.", **values)
    section = created.sections.create(title="Szkolenia", position=1)
    other = created.sections.create(title="Współpraca z miastem", position=2)
    single = Question.objects.create(survey=created, section=section, text="Czy organizacja zatrudnia pracowników?",
                                     kind=Question.Kind.SINGLE, required=True, position=1)
    Choice.objects.bulk_create([Choice(question=single, label=label, position=index)
                                for index, label in enumerate(["Tak", "Nie"], 1)])
    multiple = Question.objects.create(survey=created, section=section, text="Jakie szkolenia są potrzebne?",
                                       kind=Question.Kind.MULTIPLE, position=2)
    Choice.objects.bulk_create([Choice(question=multiple, label=label, position=index)
                                for index, label in enumerate(["Księgowość", "Pozyskiwanie środków", "RODO"], 1)])
    Question.objects.create(survey=created, section=other, text="Jak oceniasz współpracę z miastem?",
                            kind=Question.Kind.SCALE, required=True, position=1, scale_min=1, scale_max=5,
                            scale_min_label="bardzo źle", scale_max_label="bardzo dobrze")
    Question.objects.create(survey=created, section=other, text="Co warto zmienić?", kind=Question.Kind.TEXT,
                            position=2)
    return created


def questions(survey: Survey) -> dict:
    """The questions by kind, and the choices by label."""
    found = {question.kind: question for question in survey.questions.all()}
    found["choices"] = {choice.label: choice for choice in Choice.objects.filter(question__survey=survey)}
    return found


def valid_post(survey: Survey, *, text="Więcej szkoleń wieczorem", scale="4", yes=True, trainings=("RODO",)) -> dict:
    found = questions(survey)
    data = {
        f"q{found['single'].pk}": str(found["choices"]["Tak" if yes else "Nie"].pk),
        f"q{found['multiple'].pk}": [str(found["choices"][label].pk) for label in trainings],
        f"q{found['scale'].pk}": scale,
        f"q{found['text'].pk}": text,
    }
    return data


def answer_many(survey: Survey, organizations, *, text_every: int = 1) -> None:
    """Each organisation answers: "Tak" or "Nie" in turn, trainings, a scale value 1–5 in turn, some text."""
    from partnerstwo.surveys.models import Answer, Response

    found = questions(survey)
    choices = found["choices"]
    responses = Response.objects.bulk_create([Response(survey=survey, organization=org) for org in organizations])
    rows = []
    for index, response in enumerate(responses):
        rows.append(Answer(response=response, question=found["single"],
                           choice=choices["Tak" if index % 2 == 0 else "Nie"]))
        rows.append(Answer(response=response, question=found["multiple"], choice=choices["RODO"]))
        if index % 3 == 0:
            rows.append(Answer(response=response, question=found["multiple"], choice=choices["Księgowość"]))
        rows.append(Answer(response=response, question=found["scale"], number=index % 5 + 1))
        if index % text_every == 0:
            rows.append(Answer(response=response, question=found["text"], text=f"Uwaga numer {index}"))
    Answer.objects.bulk_create(rows)

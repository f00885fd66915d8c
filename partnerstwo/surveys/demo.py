"""Demo needs surveys: one closed with answers from most demo organisations (and its public summary), one open to
all organisations, which the demo representative can answer. Keyed by title: a second run creates nothing new."""

import datetime as dt
import random

from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.organizations.models import Organization
from partnerstwo.surveys.models import Answer, Choice, Question, Response, Survey

OFFICIAL = "urzednik@example.org"
TEAM_MEMBER = "zespol@example.org"

# (section, [(question, kind, required, choices or (min, max, min label, max label) or None)])
TRAINING = [
    ("O organizacji", [
        ("Ile osób regularnie działa w organizacji?", "single", True,
         ["do 5", "6–15", "16–50", "powyżej 50"]),
        ("Czy organizacja ma stały lokal?", "single", True,
         ["tak, własny lub użyczony", "tak, wynajmowany", "nie"]),
    ]),
    ("Potrzeby", [
        ("Jakie szkolenia byłyby dla Państwa przydatne?", "multiple", True,
         ["rozliczanie dotacji", "księgowość i sprawozdania", "pozyskiwanie środków", "RODO",
          "praca z wolontariuszami", "komunikacja i media"]),
        ("Jak oceniają Państwo współpracę z urzędem w ostatnim roku?", "scale", True,
         (1, 5, "bardzo źle", "bardzo dobrze")),
        ("Co najbardziej utrudnia Państwu działanie?", "text", False, None),
    ]),
]
PROGRAMME = [
    ("Program współpracy", [
        ("Które obszary powinny być priorytetem programu współpracy?", "multiple", True,
         ["seniorzy", "dzieci i młodzież", "kultura", "sport", "ekologia", "pomoc społeczna"]),
        ("Czy organizacja planuje złożyć ofertę w konkursie w przyszłym roku?", "single", True,
         ["tak", "nie", "jeszcze nie wiemy"]),
        ("Jak ważne są dla Państwa małe granty (art. 19a)?", "scale", False, (1, 5, "nieważne", "bardzo ważne")),
        ("Uwagi do projektu programu", "text", False, None),
    ]),
]
TEXTS = [
    "Brak lokalu na spotkania – wynajem pochłania większość składek.",
    "Trudno zdobyć wkład własny do konkursów.",
    "Za mało czasu między ogłoszeniem konkursu a terminem ofert.",
    "Rozliczanie dotacji jest skomplikowane, przydałyby się konsultacje indywidualne.",
    "Brakuje wolontariuszy w wieku produkcyjnym.",
]


def build(survey: Survey, sections) -> None:
    for section_position, (title, questions) in enumerate(sections, 1):
        section = survey.sections.create(title=title, position=section_position)
        for position, (text, kind, required, spec) in enumerate(questions, 1):
            values = {"scale_min": spec[0], "scale_max": spec[1], "scale_min_label": spec[2],
                      "scale_max_label": spec[3]} if kind == "scale" else {}
            question = Question.objects.create(survey=survey, section=section, text=text, kind=kind,
                                               required=required, position=position, **values)
            if kind in ("single", "multiple"):
                Choice.objects.bulk_create([Choice(question=question, label=label, position=index)
                                            for index, label in enumerate(spec, 1)])


def answer_all(survey: Survey, organizations) -> int:
    """Answers of these organisations, the same on every machine (a seeded random choice)."""
    chooser = random.Random(survey.title)
    questions = list(survey.questions.prefetch_related("choices").order_by("section__position", "position"))
    created = 0
    for organization in organizations:
        response = Response.objects.create(survey=survey, organization=organization)
        rows = []
        for question in questions:
            choices = list(question.choices.all())
            if question.kind == "single":
                rows.append(Answer(response=response, question=question, choice=chooser.choice(choices)))
            elif question.kind == "multiple":
                picked = chooser.sample(choices, chooser.randint(1, 3))
                rows.extend(Answer(response=response, question=question, choice=choice) for choice in picked)
            elif question.kind == "scale":
                rows.append(Answer(response=response, question=question,
                                   number=chooser.choice([2, 3, 3, 4, 4, 4, 5])))
            elif chooser.random() < 0.4:
                rows.append(Answer(response=response, question=question, text=chooser.choice(TEXTS)))
        Answer.objects.bulk_create(rows)
        created += 1
    return created


def load(stdout, **options):
    today = timezone.localdate()
    users = {user.email: user for user in User.objects.filter(email__in=[OFFICIAL, TEAM_MEMBER])}
    organizations = list(Organization.objects.public().exclude(register_status="removed").order_by("pk"))
    created = 0
    closed_title = "Potrzeby szkoleniowe i lokalowe organizacji"
    if not Survey.objects.filter(title=closed_title).exists():
        closed = Survey.objects.create(
            title=closed_title, opens_on=today - dt.timedelta(days=75), closes_on=today - dt.timedelta(days=45),
            intro="Pytamy, jakich szkoleń i jakiego wsparcia lokalowego potrzebują organizacje. Wyniki posłużą do "
                  "planu szkoleń Centrum i do projektu programu współpracy.",
            results_public=True, created_by=users.get(OFFICIAL),
        )
        build(closed, TRAINING)
        # Most organisations answered; a few did not (as in life).
        created += answer_all(closed, [org for index, org in enumerate(organizations) if index % 5 != 4])
    open_title = "Priorytety programu współpracy na przyszły rok"
    if not Survey.objects.filter(title=open_title).exists():
        current = Survey.objects.create(
            title=open_title, opens_on=today - dt.timedelta(days=5), closes_on=today + dt.timedelta(days=21),
            intro="Zespół pyta organizacje o priorytety przed konsultacjami projektu programu współpracy.",
            results_public=True, created_by=users.get(TEAM_MEMBER),
        )
        build(current, PROGRAMME)
        created += answer_all(current, organizations[1:4])
    stdout.write(f"  badania potrzeb: {created} nowych odpowiedzi")

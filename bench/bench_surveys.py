"""python -m bench.bench_surveys: a needs survey of 10 questions with 200 answers, then 50 questions with 10,000.

Builds each survey by bulk inserts (not the answering path): questions of every kind (single and multiple choice,
scales, free text) and one response per organisation with its answers. Times, with Django's test Client and the
production-like settings of `python -m bench`: the panel's results page (unfiltered and filtered by sphere), the
public summary, a paged list of one question's free-text answers, and the CSV and XLSX exports: the request
before the file exists (the "being prepared" page, 202, the task queued), the worker's making of each file
(tasks.build_export, timed apart), then the request serving the stored file. Prints the medians, the SQL
queries and the ratio of the large to the small.

SQLite: var/bench/surveys.sqlite3; the stored exports under var/bench/private. Results:
bench/results/surveys-<database>.json.
"""

import argparse
import datetime as dt
import io
import json
import os
import platform
import random
import sys
import time

from bench.__main__ import RESULTS_DIR, ROOT, configure_environment, describe_database, git_commit
from bench.bench_consultations import staff_client
from bench.bench_grants import BARE, prepare, time_exports, time_requests

SIZES = [(10, 200), (50, 10_000)]
WORDS = ("lokal", "szkolenia", "wolontariusze", "dotacje", "księgowość", "współpraca", "seniorzy", "młodzież",
         "promocja", "sprzęt", "transport", "wkład własny")
# One question in five of each kind, in this order: single, multiple, scale, text, single.
KINDS = ["single", "multiple", "scale", "text", "single"]


def build(questions: int, answers: int, organizations: list[int]):
    from django.utils import timezone

    from partnerstwo.surveys.models import Answer, Choice, Question, Response, Survey

    title = f"Badanie ławkowe {questions} pytań, {answers} odpowiedzi"
    Survey.objects.filter(title=title).delete()
    today = timezone.localdate()
    survey = Survey.objects.create(title=title, opens_on=today - dt.timedelta(days=60),
                                   closes_on=today - dt.timedelta(days=30), results_public=True)
    sections = [survey.sections.create(title=f"Część {number}", position=number) for number in range(1, 6)]
    rows = [Question(survey=survey, section=sections[index * 5 // questions], text=f"Pytanie {index + 1}",
                     kind=KINDS[index % len(KINDS)], position=index + 1, required=index % 2 == 0)
            for index in range(questions)]
    Question.objects.bulk_create(rows)
    created = list(survey.questions.order_by("position"))
    Choice.objects.bulk_create([Choice(question=question, label=f"Odpowiedź {number}", position=number)
                                for question in created if question.kind in ("single", "multiple")
                                for number in range(1, 7 if question.kind == "multiple" else 5)])
    choices = {}
    for choice in Choice.objects.filter(question__survey=survey).order_by("position"):
        choices.setdefault(choice.question_id, []).append(choice.pk)
    Response.objects.bulk_create([Response(survey=survey, organization_id=pk) for pk in organizations[:answers]],
                                 batch_size=2000)
    response_ids = list(survey.responses.order_by("pk").values_list("pk", flat=True))
    rng = random.Random(questions * answers)
    batch = []
    for response_id in response_ids:
        for question in created:
            if question.kind == "single":
                choice_id = rng.choice(choices[question.pk])
                batch.append(Answer(response_id=response_id, question=question, choice_id=choice_id))
            elif question.kind == "multiple":
                batch.extend(Answer(response_id=response_id, question=question, choice_id=pk)
                             for pk in rng.sample(choices[question.pk], rng.randint(1, 3)))
            elif question.kind == "scale":
                batch.append(Answer(response_id=response_id, question=question, number=rng.randint(1, 5)))
            elif rng.random() < 0.5:
                batch.append(Answer(response_id=response_id, question=question,
                                    text=" ".join(rng.choice(WORDS) for _ in range(12))))
        if len(batch) >= 20_000:
            Answer.objects.bulk_create(batch, batch_size=5000)
            batch = []
    Answer.objects.bulk_create(batch, batch_size=5000)
    return survey


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_surveys", description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--export-runs", type=int, default=3)
    parser.add_argument("--sizes", default=",".join(f"{q}x{a}" for q, a in SIZES),
                        help="questions x answers, comma-separated (default: %(default)s)")
    parser.add_argument("--no-collectstatic", action="store_true")
    parser.add_argument("--allow-remote-database", action="store_true")
    options = parser.parse_args()
    configure_environment(options.allow_remote_database)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / 'surveys.sqlite3'}")
    os.environ.setdefault("PRIVATE_MEDIA_ROOT", str(ROOT / "var" / "bench" / "private"))
    sizes = [tuple(int(part) for part in size.split("x")) for size in options.sizes.split(",")]
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from partnerstwo.city.models import PublicTaskSphere
    from partnerstwo.organizations.models import Organization
    from partnerstwo.surveys.models import Answer

    print("Preparing the database and static files…", flush=True)
    prepare(options.no_collectstatic)
    largest = max(answers for _questions, answers in sizes)
    missing = largest - Organization.objects.count()
    if missing > 0:
        call_command("generate_organizations", count=missing, batch_size=5000, stdout=io.StringIO())
    organizations = list(Organization.objects.order_by("pk").values_list("pk", flat=True)[:largest])
    sphere = PublicTaskSphere.objects.order_by("pk").first()
    settings.ROOT_URLCONF = "bench.urls"
    client, _official = staff_client()
    report = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "commit": git_commit(),
        "database": describe_database(), "django": django.get_version(), "python": platform.python_version(),
        "cpus": os.cpu_count(), "requests_per_url": options.requests, "runs": [],
    }
    from partnerstwo.surveys import tasks

    for questions, answers in sizes:
        print(f"Building {questions} questions and {answers} answers…", flush=True)
        survey = build(questions, answers, organizations)
        text_question = survey.questions.filter(kind="text").first()
        panel = f"/panel/badania-potrzeb/{survey.pk}/"
        requests = time_requests(client, [
            BARE, ("results page (panel)", f"{panel}wyniki/"),
            ("results, one sphere", f"{panel}wyniki/?sfera={sphere.pk}"),
            ("public summary", f"/badania-potrzeb/{survey.pk}/wyniki/"),
            ("free-text answers, page 2", f"{panel}wyniki/pytanie/{text_question.pk}/?strona=2"),
        ], options.requests, options.warmup)
        files = [("export CSV", f"{panel}wyniki/odpowiedzi.csv"), ("export XLSX", f"{panel}wyniki/odpowiedzi.xlsx")]
        # The exports are the worker's (tasks.build_export): the request before the file exists (202, queued),
        # the worker's making timed apart, then the request serving the stored file.
        exports = time_exports(client, [(f"{name}, being prepared", path) for name, path in files],
                               options.export_runs)
        made_by_worker = {}
        for file_format in ("csv", "xlsx"):
            started = time.perf_counter()
            tasks.build_export.call(survey.pk, file_format, "pl")
            made_by_worker[file_format] = round((time.perf_counter() - started) * 1000, 1)
            print(f"  {file_format.upper()} made by the worker in {made_by_worker[file_format]:.0f} ms", flush=True)
        exports += time_exports(client, [(f"{name}, stored", path) for name, path in files], options.export_runs)
        run = {"questions": questions, "answers": answers,
               "answer_rows": Answer.objects.filter(response__survey=survey).count(),
               "requests": requests, "exports": exports, "made_by_worker_ms": made_by_worker,
            "load_average": " ".join(f"{load:.1f}" for load in os.getloadavg())}
        report["runs"].append(run)
        print(f"\n{questions} questions, {answers} answers (load {run['load_average']})")
        for row in run["requests"] + run["exports"]:
            print(f"  {row['request']:<28} {row['status']} {row['median_ms']:>8.1f} ms  queries {row['queries']}")
    small, large = report["runs"][0], report["runs"][-1]
    print("\nratio 50/10,000 to 10/200 (median):")
    for row_small, row_large in zip(small["requests"] + small["exports"], large["requests"] + large["exports"],
                                    strict=True):
        ratio = row_large["median_ms"] / row_small["median_ms"] if row_small["median_ms"] else 0
        print(f"  {row_small['request']:<28} {ratio:.1f}×")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"surveys-{report['database'].split()[0].lower()}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nWritten {path}")


if __name__ == "__main__":
    main()

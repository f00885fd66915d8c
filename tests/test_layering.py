"""The apps import one way, lowest first, and no import of another app hides inside a function.

LAYERS is the order from the README's layout section: an app may import the apps of the layers below
its own and, within its layer, only the pairs in ALSO_WITHIN: news is below pages (decision 0011), and
the rest of grants is below small grants, whose offers sit in the yearly schedule and count their
deadlines by the competitions' rules (no foreign key points that way); team is above grants (a position
names the competition it concerns) and events (a meeting is an event of the calendar).
`lib` holds helpers without an app of its own to lean on, so it imports no app. The demo and the
panel's menu sit on top: they name everything and nothing names them.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "partnerstwo"

LAYERS = [
    {"lib"},
    {"city"},
    {"accounts"},
    {"organizations"},
    {"events", "grants", "small_grants", "team", "consultations", "feedback", "news", "pages", "practices",
     "partners", "orgnews"},
    # The bulletin is compiled from organisations' news, events and competition results.
    {"bulletin"},
    {"newsletter"},
    # Apps that gather the others' data (the programme's indicators and report) or send through the mailing
    # (the campaigns' reminder, the needs surveys' invitations and reminders).
    {"programme", "campaigns", "surveys"},
    {"panel", "demo"},
]
ALSO_WITHIN = {
    ("pages", "news"),
    ("small_grants", "grants"),
    # The body's positions name the competition they concern (grants shows them by the related name only).
    ("team", "grants"),
    # The body's meetings are events of the calendar, kept in line by the team's meeting functions.
    ("team", "events"),
    # A comment may be made as the advisory body, on one of its adopted positions (team.Position).
    ("consultations", "team"),
    # The open consultation meeting is published as an event of the department in the events calendar.
    ("consultations", "events"),
    # The demo news announce events of the demo calendar: they take their days and links from events/demo.py.
    ("news", "events"),
    # An organisation's news photo is checked as an event's photo is (events.forms.validate_image).
    ("orgnews", "events"),
}


def layer_of(app: str) -> int:
    for position, apps in enumerate(LAYERS):
        if app in apps:
            return position
    raise AssertionError(f"{app} is in no layer: add it to LAYERS")


def source_files():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) < 2 or "tests" in parts or "migrations" in parts:
            continue
        yield parts[0], path


def imported_apps(tree: ast.AST):
    """(app, line, inside a function) for every import of partnerstwo.<app>."""
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            inside.update(id(sub) for sub in ast.walk(node) if isinstance(sub, ast.Import | ast.ImportFrom))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "partnerstwo" and len(parts) > 1:
                yield parts[1], node.lineno, id(node) in inside


def every_import():
    for app, path in source_files():
        for other, line, inside in imported_apps(ast.parse(path.read_text(encoding="utf-8"))):
            if other != app and (PACKAGE / other).is_dir():
                yield app, other, f"{path.relative_to(PACKAGE.parent)}:{line}", inside


def test_every_app_has_a_layer():
    apps = {path.name for path in PACKAGE.iterdir() if (path / "apps.py").exists()}
    assert apps == set().union(*LAYERS)


def test_an_app_imports_only_the_layers_below_it():
    upward = [
        f"{where}: {app} imports {other}"
        for app, other, where, _inside in every_import()
        if not (layer_of(other) < layer_of(app) or (app, other) in ALSO_WITHIN)
    ]
    assert upward == []


def test_no_import_of_another_app_hides_inside_a_function():
    hidden = [where for _app, _other, where, inside in every_import() if inside]
    assert hidden == []

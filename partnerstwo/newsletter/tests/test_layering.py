"""The newsletter's modules import one way, and no import hides inside a function to dodge a circle.

ORDER is the layering, lowest first: a module may import only modules listed before it. Rendering sits
below sending, so the worker can build messages without knowing who composed the mailing; the queue
(delivery: enqueue, start) sits above the worker and its task, so other modules start mailings without
the worker importing them back; digests, alerts and one-off mailings compose mailings on top of the queue.
The management commands and template tags are adapters above everything: nothing in the app imports them.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = "partnerstwo.newsletter"
APP = Path(__file__).resolve().parent.parent

ORDER = [
    "__init__",  # the package itself imports nothing
    "apps",
    # the tables
    "models",
    # recipients and their consent
    "links",
    "subscriptions",
    "organization_recipients",
    "media_recipients",
    "audience",
    # one message: the own part of a digest or an alert, then the whole message with its frame
    "digest_rendering",
    "alert_sources",
    "content",
    # sending: the worker, the task that runs it, the queue that other modules call
    "worker",
    "tasks",
    "delivery",
    # mailings composed on top of the queue
    "digest",
    "alerts",
    "one_off",
    # personal data, demo data and the web
    "personal_data",
    "demo_recipients",
    "demo_mailings",
    "demo_alerts",
    "forms",
    "views",
    "urls",
    "panel_forms",
    "panel_views",
    "panel_urls",
]
ADAPTERS = ("management", "templatetags")


def module_name(path: Path) -> str:
    parts = path.relative_to(APP).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def app_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for path in sorted(APP.rglob("*.py"))
        if not {"tests", "migrations"} & set(path.relative_to(APP).parts)
    }


def imported_app_modules(node: ast.AST, module: str) -> set[str]:
    """The app's top-level modules this import statement names ("delivery", "models", …)."""
    if isinstance(node, ast.Import):
        targets = [alias.name for alias in node.names]
    else:
        if node.level:
            package = f"{PACKAGE}.{module}".split(".")
            base = ".".join(package[: len(package) - node.level])
            source = f"{base}.{node.module}" if node.module else base
        else:
            source = node.module or ""
        targets = [source] if source != PACKAGE else [f"{PACKAGE}.{alias.name}" for alias in node.names]
    return {target[len(PACKAGE) + 1:].split(".")[0] for target in targets if target.startswith(PACKAGE + ".")}


def problems(source: str, module: str) -> list[str]:
    """What is wrong with the imports of one module's source, as sentences."""
    tree = ast.parse(source)
    found = []
    top_level = {id(node) for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))}
    own_rank = ORDER.index(module) if module in ORDER else None
    is_adapter = module.split(".")[0] in ADAPTERS
    if own_rank is None and not is_adapter:
        found.append(f"{module} is not in ORDER: place it in the layering")
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        statement = f"{module}:{node.lineno} {ast.unparse(node)}"
        if id(node) not in top_level:
            found.append(f"{statement}: an import inside a function, class or block")
        for target in imported_app_modules(node, module):
            if target in ADAPTERS:
                found.append(f"{statement}: imports an adapter")
            elif target not in ORDER:
                found.append(f"{statement}: imports {target}, which is not in ORDER")
            elif own_rank is not None and ORDER.index(target) >= own_rank:
                found.append(f"{statement}: a lower module imports a higher one ({target})")
    return found


@pytest.mark.parametrize("module", sorted(app_modules()))
def test_each_module_imports_only_lower_modules_at_its_top(module):
    assert problems(app_modules()[module].read_text(encoding="utf-8"), module) == []


def test_every_module_in_the_order_exists():
    assert set(ORDER) <= set(app_modules())


def test_the_check_sees_an_import_hidden_in_a_function():
    source = "def launch():\n    from .tasks import send_mailing\n"

    assert problems(source, "worker") == [
        "worker:2 from .tasks import send_mailing: an import inside a function, class or block",
        "worker:2 from .tasks import send_mailing: a lower module imports a higher one (tasks)",
    ]


def test_the_check_sees_an_upward_import_in_every_spelling():
    source = (
        "from . import delivery\n"
        "from .digest import send_due\n"
        "from partnerstwo.newsletter import alerts\n"
        "import partnerstwo.newsletter.one_off\n"
        "from partnerstwo.newsletter.models import Mailing\n"
    )

    assert [problem.rsplit("(", 1)[-1] for problem in problems(source, "content")] == [
        "delivery)", "digest)", "alerts)", "one_off)",
    ]


def test_the_check_sees_an_optional_import_guard():
    source = "try:\n    from partnerstwo.newsletter import audience\nexcept ImportError:\n    audience = None\n"

    assert problems(source, "one_off") == [
        "one_off:2 from partnerstwo.newsletter import audience: an import inside a function, class or block",
    ]

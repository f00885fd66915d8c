"""News sits below content pages: pages show the latest news, news knows nothing of pages (docs/decisions/0010)."""

import ast
from pathlib import Path

import partnerstwo.news

NEWS = Path(partnerstwo.news.__file__).parent


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def test_news_code_imports_nothing_from_pages():
    offenders = {
        str(path.relative_to(NEWS)): module
        for path in NEWS.rglob("*.py")
        if "tests" not in path.parts
        for module in imported_modules(path)
        if module == "partnerstwo.pages" or module.startswith("partnerstwo.pages.")
    }

    assert offenders == {}


def test_news_templates_use_no_template_of_pages():
    offenders = [
        str(path.relative_to(NEWS)) for path in NEWS.rglob("*.html") if '"pages/' in path.read_text(encoding="utf-8")
    ]

    assert offenders == []

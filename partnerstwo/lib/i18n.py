"""Names kept in the database in both languages (a public-task sphere, a feedback category)."""

from django.utils import translation


def in_active_language(polish: str, english: str) -> str:
    """The English name on the English site when there is one; the Polish name otherwise."""
    if english and (translation.get_language() or "").startswith("en"):
        return english
    return polish

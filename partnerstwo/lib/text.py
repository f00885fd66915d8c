"""Text folding for search: case- and diacritics-insensitive, the same in Python and SQL."""

import unicodedata

# NFKD does not decompose these letters, so they are mapped by hand (ł is the Polish one).
_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ß": "ss"})


def fold(text: str) -> str:
    """'Łódź, ZWIERZĄT' -> 'lodz, zwierzat'."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def search_terms(query: str, *, limit: int = 8) -> list[str]:
    """The folded words of a user's query, without one-letter noise, at most `limit` of them."""
    # Control characters (a NUL byte above all: PostgreSQL refuses it) never belong in a search.
    printable = "".join(ch if ch.isprintable() else " " for ch in fold(query))
    words = [w.strip(".,;:!?\"'()[]{}") for w in printable.split()]
    return [w for w in words if len(w) >= 2][:limit]

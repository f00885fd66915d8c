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
    words = [w.strip(".,;:!?\"'()[]{}") for w in fold(query).split()]
    return [w for w in words if len(w) >= 2][:limit]

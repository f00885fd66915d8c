"""Agreements (helper "cycle14"): the city's clauses of the agreement, a Markdown text an administrator saves as a new
version."""

from tests.test_hostile_input import Target

TARGETS = [
    Target("panel: agreement clauses", "POST", "/panel/konkursy/umowy/postanowienia/",
           {"text": "## § 1.\n\nTekst miasta.", "note": "Pierwsza wersja", "based_on": ""}, "administrator"),
]

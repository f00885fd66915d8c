"""Hostile input to the GET parameters of the grant results: the year on the results page and in the exports."""

from tests.test_hostile_input import Target

TARGETS = [
    Target("results: year and page", "GET", "/konkursy/wyniki/", {"rok": "2026", "strona": "2"}),
    Target("results: CSV of a year", "GET", "/konkursy/wyniki/wyniki.csv", {"rok": "2026"}),
    Target("results: XLSX of a year", "GET", "/konkursy/wyniki/wyniki.xlsx", {"rok": "2026"}),
]

"""Hostile input to the GET parameters of the grant results: the year on the results page and in the exports."""

from tests.test_hostile_input import Target

# The exports answer with streamed bodies, which the registry's check cannot read (it reads
# response.content); partnerstwo/grants/tests/test_results.py sends them the same hostile values.
TARGETS = [
    Target("results: year and page", "GET", "/konkursy/wyniki/", {"rok": "2026", "strona": "2"}),
]

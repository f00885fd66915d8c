"""The consultation's pages take the same number of queries for 2 comments as for 40."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerstwo.consultations import answering
from partnerstwo.consultations.models import Comment
from partnerstwo.consultations.tests import factories as f

pytestmark = pytest.mark.django_db


def add_comments(consultation, organization, count):
    units = [u for u in consultation.current_version().units.all() if u.takes_comments]
    Comment.objects.bulk_create([
        Comment(consultation=consultation, unit=units[n % len(units)], capacity="organization",
                organization=organization, author_name=organization.name, current_wording="x",
                proposed_wording=f"Propozycja {n}", justification="Bo.")
        for n in range(count)
    ])


def queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["detail", "unit", "answers", "report", "panel"])
def test_pages_take_the_same_number_of_queries_whatever_the_number_of_comments(
        client, department_x, official_x, organization_a, fixed_clock, page):
    small, large = (f.consultation(department_x, by=official_x, title=f"K{n}") for n in (1, 2))
    add_comments(small, organization_a, 2)
    add_comments(large, organization_a, 40)
    fixed_clock.move_to(small.deadline() + dt.timedelta(hours=1))
    for consultation in (small, large):
        if page == "report":
            answering.answer(consultation, comment_ids=consultation.comments.values_list("pk", flat=True),
                             decision="rejected", justification="Nie.", by=official_x)
            answering.publish_report(consultation, by=official_x, outcome="Wynik.")
    client.force_login(official_x)
    paths = {
        "detail": "/konsultacje/{c.slug}/", "unit": "/konsultacje/{c.slug}/przepis/par-1/",
        "answers": "/panel/konsultacje/{c.pk}/odpowiedzi/", "report": "/konsultacje/{c.slug}/sprawozdanie/",
        "panel": "/panel/konsultacje/{c.pk}/",
    }
    client.get(paths[page].format(c=small))  # the first request after signing in touches the session
    assert queries(client, paths[page].format(c=small)) == queries(client, paths[page].format(c=large))

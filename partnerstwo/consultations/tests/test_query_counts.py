"""The consultation's pages take the same number of queries for 2 comments as for 40, the lists (public, panel, the
events calendar with its periods) for 3 consultations as for 12, the changes of a version for 3 units as for 59."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerstwo.consultations import answering, drafting
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
    if page in ("report", "detail"):  # rendered once, then cached: both ways take the same queries for 2 or 40
        from django.core.cache import caches

        # The report's body is in the shared cache, the consultation's units in the process's memory.
        cache = caches["default" if page == "report" else "local"]
        cache.clear()
        cold = queries(client, paths[page].format(c=small))
        cache.clear()
        assert queries(client, paths[page].format(c=large)) == cold
        client.get(paths[page].format(c=small))  # both cached again
    assert queries(client, paths[page].format(c=small)) == queries(client, paths[page].format(c=large))


@pytest.mark.parametrize("path", ["/konsultacje/", "/konsultacje/?etap=open&q=program", "/panel/konsultacje/",
                                  "/wydarzenia/"])
def test_the_lists_take_the_same_number_of_queries_for_3_consultations_as_for_12(
        client, department_x, official_x, organization_a, path):
    from partnerstwo.city.models import PublicTaskSphere

    spheres = list(PublicTaskSphere.objects.all()[:2])

    def add(count):
        for n in range(count):
            consultation = f.consultation(department_x, by=official_x, title=f"Program {n}-{count}",
                                          starts=[-3, 5, -40][n % 3])
            consultation.spheres.set(spheres)
            add_comments(consultation, organization_a, 2)

    add(3)  # one open, one upcoming, one closed: every group of the list has rows in both counts
    client.force_login(official_x)
    client.get(path)  # the first request after signing in touches the session
    few = queries(client, path)
    add(9)
    assert queries(client, path) == few


def test_the_changes_of_a_version_take_the_same_number_of_queries_for_any_number_of_units(client, department_x,
                                                                                         official_x):
    small = f.consultation(department_x, by=official_x, title="Mały")
    large = f.consultation(department_x, by=official_x, title="Duży",
                           text="\n".join(f"§ {n}. Przepis {n}." for n in range(1, 60)))
    for consultation in (small, large):
        text = consultation.current_version().text.replace("1", "7")
        drafting.save_text(consultation, text=text, by=official_x, note="Zmiana.")
    assert queries(client, f"/konsultacje/{small.slug}/zmiany/2/") == queries(
        client, f"/konsultacje/{large.slug}/zmiany/2/")


def test_the_answering_page_lists_the_comments_a_page_at_a_time(client, department_x, official_x, organization_a,
                                                                fixed_clock):
    from partnerstwo.consultations.panel_views import ANSWER_PAGE_SIZE

    consultation = f.consultation(department_x, by=official_x)
    add_comments(consultation, organization_a, ANSWER_PAGE_SIZE + 10)
    fixed_clock.move_to(consultation.deadline() + dt.timedelta(hours=1))
    client.force_login(official_x)
    url = f"/panel/konsultacje/{consultation.pk}/odpowiedzi/"

    assert client.get(url).content.decode().count('name="comments"') == ANSWER_PAGE_SIZE
    second = client.get(f"{url}?strona=2").content.decode()
    assert second.count('name="comments"') == 10
    last = consultation.comments.order_by("pk").last()
    response = client.post(f"{url}?strona=2", {"comments": [last.pk], "decision": "accepted", "justification": "Tak."})
    assert response.status_code == 302 and response["Location"].endswith("?strona=2")
    unanswered = client.get(f"{url}?bez-odpowiedzi=1&strona=2").content.decode()
    assert unanswered.count('name="comments"') == 9

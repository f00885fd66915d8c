"""The staff inbox at /panel/uwagi/: officials and administrators only, confirmed messages only."""

import pytest
from django.urls import reverse

from partnerstwo.feedback.models import FeedbackMessage
from partnerstwo.feedback.tests.conftest import make_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(category):
    return {
        "new": make_message(category, "Nowa sprawa do załatwienia", FeedbackMessage.Status.NEW),
        "answered": make_message(category, "Sprawa z odpowiedzią", FeedbackMessage.Status.ANSWERED),
        "closed": make_message(category, "Sprawa zamknięta", FeedbackMessage.Status.CLOSED),
        "unconfirmed": make_message(category, "Niepotwierdzona sprawa", FeedbackMessage.Status.UNCONFIRMED),
    }


def login(client, user):
    client.force_login(user)


def test_anonymous_visitors_are_sent_to_the_login_page(client, inbox):
    for url in (reverse("panel:feedback_panel:index"), reverse("panel:feedback_panel:detail", args=[inbox["new"].pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("role", ["resident", "representative_a", "team_member"])
def test_people_who_do_not_edit_content_are_refused(client, inbox, role, request):
    # Feedback is about the site's content, so it goes to those who edit it; Team members do not.
    login(client, request.getfixturevalue(role))

    assert client.get(reverse("panel:feedback_panel:index")).status_code == 403
    detail = reverse("panel:feedback_panel:detail", args=[inbox["new"].pk])
    assert client.get(detail).status_code == 403
    assert client.post(detail, {"status": "closed"}).status_code == 403
    inbox["new"].refresh_from_db()
    assert inbox["new"].status == FeedbackMessage.Status.NEW


@pytest.mark.parametrize("role", ["official_x", "official_y", "administrator"])
def test_officials_and_administrators_see_every_confirmed_message(client, inbox, role, request):
    login(client, request.getfixturevalue(role))

    html = client.get(reverse("panel:feedback_panel:index")).content.decode()

    for key in ("new", "answered", "closed"):
        assert inbox[key].message in html
    assert "Niepotwierdzona" not in html
    assert 'href="/kontakt/"' in html
    assert reverse("panel:feedback_panel:index") in html  # the panel menu links the inbox


def test_the_panel_menu_offers_the_inbox_only_to_content_editors(client, team_member, official_x):
    login(client, team_member)
    assert reverse("panel:feedback_panel:index") not in client.get(reverse("panel:dashboard")).content.decode()

    login(client, official_x)
    assert reverse("panel:feedback_panel:index") in client.get(reverse("panel:dashboard")).content.decode()


def test_the_inbox_filters_by_status(client, inbox, official_x):
    login(client, official_x)

    html = client.get(reverse("panel:feedback_panel:index"), {"status": "answered"}).content.decode()

    assert inbox["answered"].message in html
    assert inbox["new"].message not in html
    assert inbox["closed"].message not in html


@pytest.mark.parametrize("value", ["unconfirmed", "<script>", "x" * 10_000, "\x00"])
def test_a_strange_filter_shows_everything_confirmed(client, inbox, official_x, value):
    login(client, official_x)

    response = client.get(reverse("panel:feedback_panel:index"), {"status": value, "strona": value})

    assert response.status_code == 200
    assert inbox["new"].message in response.content.decode()
    assert "Niepotwierdzona" not in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_the_inbox_takes_the_same_number_of_queries_however_long_it_is(
    client, category, official_x, django_assert_num_queries
):
    login(client, official_x)
    for number in range(3):
        make_message(category, f"Uwaga numer {number}", FeedbackMessage.Status.NEW)
    client.get(reverse("panel:feedback_panel:index"))  # warm up the session and the user

    with django_assert_num_queries(5) as few:
        client.get(reverse("panel:feedback_panel:index"))
    for number in range(3, 20):
        make_message(category, f"Uwaga numer {number}", FeedbackMessage.Status.NEW)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("panel:feedback_panel:index"))


def test_staff_change_the_status_and_keep_a_note(client, inbox, official_x):
    login(client, official_x)
    url = reverse("panel:feedback_panel:detail", args=[inbox["new"].pk])
    assert inbox["new"].message in client.get(url).content.decode()

    response = client.post(url, {"status": "answered", "staff_note": "Odpisano 28.11."})

    assert response.status_code == 302
    inbox["new"].refresh_from_db()
    assert inbox["new"].status == FeedbackMessage.Status.ANSWERED
    assert inbox["new"].staff_note == "Odpisano 28.11."
    assert "Zapisano" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("status", ["unconfirmed", "deleted", "", "\x00"])
def test_staff_cannot_set_an_unknown_status_or_undo_a_confirmation(client, inbox, official_x, status):
    login(client, official_x)

    response = client.post(reverse("panel:feedback_panel:detail", args=[inbox["new"].pk]), {"status": status})

    assert response.status_code == 200
    assert 'id="id_status_error"' in response.content.decode()
    inbox["new"].refresh_from_db()
    assert inbox["new"].status == FeedbackMessage.Status.NEW


def test_an_unconfirmed_message_is_not_in_the_panel(client, inbox, administrator):
    login(client, administrator)

    assert client.get(reverse("panel:feedback_panel:detail", args=[inbox["unconfirmed"].pk])).status_code == 404

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from partnerstwo.lib.testing import first_link, solved_captcha
from partnerstwo.partners import addresses
from partnerstwo.partners.models import PartnerAnswer, PartnerPost, Status
from partnerstwo.partners.tests.factories import post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cheap_work(settings):
    settings.ALTCHA_COST = 20


def test_a_post_is_hidden_after_its_end_date_by_the_servers_clock(client, organization_a):
    item = post("Wolontariusze", organization=organization_a, days=0)
    assert "Wolontariusze" in client.get(reverse("partners:index")).content.decode()
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert "Wolontariusze" not in client.get(reverse("partners:index")).content.decode()
        assert client.get(item.get_absolute_url()).status_code == 410


def test_the_search_ignores_polish_letters_and_the_filters_narrow(client, organization_a):
    post("Szukamy sali na spotkania", organization=organization_a, looking_for="venue")
    post("Wolontariusze", organization=organization_a, looking_for="volunteers")
    html = client.get(reverse("partners:index"), {"q": "SALI spotkania"}).content.decode()
    assert "Szukamy sali" in html and "Wolontariusze" not in html
    html = client.get(reverse("partners:index"), {"czego": "volunteers"}).content.decode()
    assert "Szukamy sali" not in html and "Wolontariusze" in html


def test_the_list_runs_a_constant_number_of_queries(client, organization_a, django_assert_max_num_queries):
    for index in range(15):
        post(f"Ogłoszenie {index}", organization=organization_a)
    with django_assert_max_num_queries(6):
        assert client.get(reverse("partners:index")).status_code == 200


def test_unmoderated_and_rejected_posts_do_not_show(client, organization_a):
    for status in (Status.PENDING, Status.REJECTED, Status.WITHDRAWN):
        item = post(f"Status {status}", organization=organization_a, status=status,
                    moderation_reason="x" if status == Status.REJECTED else "")
        assert client.get(item.get_absolute_url()).status_code == 404
    assert "Status" not in client.get(reverse("partners:index")).content.decode()


def test_the_home_page_shows_the_newest_open_posts(client, organization_a):
    post("Najnowsze ogłoszenie", organization=organization_a)
    post("Stare", organization=organization_a, days=-1)
    html = client.get("/").content.decode()
    assert "Najnowsze ogłoszenie" in html and "Stare" not in html


# Posting and moderation --------------------------------------------------------------------------------


def post_data(organization=None, **extra):
    data = {"poster_kind": "organization" if organization else "centre", "title": "Szukamy sali",
            "looking_for": "venue", "description": "Sala na 15 osób.", "sphere": "", "district": "",
            "partner_kind": "", "ends_on": (timezone.localdate() + timedelta(days=30)).isoformat()}
    if organization:
        data["organization"] = organization.pk
    return {**data, **extra}


def test_a_representatives_post_waits_for_moderation(client, representative_a, organization_a):
    client.force_login(representative_a)
    response = client.post(reverse("my_partners:create"), post_data(organization_a))
    assert response.status_code == 302
    item = PartnerPost.objects.get()
    assert item.status == Status.PENDING and item.organization == organization_a


def test_a_representative_cannot_post_for_another_organisation(client, representative_a, organization_a,
                                                                organization_b):
    client.force_login(representative_a)
    response = client.post(reverse("my_partners:create"), post_data(organization_b))
    assert response.status_code == 200 and not PartnerPost.objects.exists()


def test_an_officials_post_for_the_department_shows_at_once(client, official_x):
    client.force_login(official_x)
    client.post(reverse("my_partners:create"), post_data(poster_kind="department"))
    item = PartnerPost.objects.get()
    assert item.status == Status.PUBLISHED and item.department == official_x.department


@pytest.mark.parametrize(("data", "message"), [
    ({"title": "", "description": "", "ends_on": ""}, "Podaj tytuł."),
    ({"title": "x" * 100_000}, "200"),
    ({"description": "x" * 100_000}, "5000"),
    ({"ends_on": "2020-01-01"}, "Data końcowa już minęła"),
    ({"ends_on": "jutro"}, "RRRR-MM-DD"),
])
def test_bad_input_on_the_post_form(client, representative_a, organization_a, data, message):
    client.force_login(representative_a)
    response = client.post(reverse("my_partners:create"), post_data(organization_a, **data))
    assert response.status_code == 200 and message in response.content.decode().replace("\xa0", "")
    assert not PartnerPost.objects.exists()


@pytest.mark.parametrize("role", ["resident", "team_member"])
def test_who_represents_nobody_cannot_post(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("my_partners:create")).status_code == 403


def test_another_organisations_post_is_a_404(client, representative_b, organization_a, organization_b):
    item = post(organization=organization_a)
    client.force_login(representative_b)
    assert client.get(reverse("my_partners:edit", args=[item.pk])).status_code == 404
    assert client.post(reverse("my_partners:withdraw", args=[item.pk])).status_code == 404


def test_the_moderator_rejects_with_a_reason_the_poster_reads(client, official_x, representative_a, organization_a,
                                                             mailoutbox, django_capture_on_commit_callbacks):
    item = post(organization=organization_a, created_by=representative_a, status=Status.PENDING)
    client.force_login(official_x)
    url = reverse("panel:partners_panel:review", args=[item.pk])
    assert "której zasady" in client.post(url, {"decision": "reject", "reason": " "}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "reject", "reason": "To reklama."})
    item.refresh_from_db()
    assert item.status == Status.REJECTED and item.moderation_reason == "To reklama."
    assert mailoutbox[0].to == [representative_a.email] and "To reklama." in mailoutbox[0].body


def test_the_moderator_takes_a_published_post_down(client, official_x, organization_a):
    item = post(organization=organization_a)
    client.force_login(official_x)
    client.post(reverse("panel:partners_panel:review", args=[item.pk]), {"reason": "Dane osobowe w treści."})
    item.refresh_from_db()
    assert item.status == Status.REMOVED and item.moderation_reason == "Dane osobowe w treści."


@pytest.mark.parametrize("role", ["resident", "representative_a", "team_member"])
def test_only_the_centres_staff_moderate(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("panel:partners_panel:index")).status_code == 403


def test_the_moderation_queue_runs_a_constant_number_of_queries(client, official_x, organization_a,
                                                                 django_assert_max_num_queries):
    for index in range(10):
        post(f"P{index}", organization=organization_a, status=Status.PENDING)
        post(f"Q{index}", organization=organization_a)
    client.force_login(official_x)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("panel:partners_panel:index")).status_code == 200


def test_my_posts_run_a_constant_number_of_queries(client, representative_a, organization_a,
                                                   django_assert_max_num_queries):
    for index in range(10):
        post(f"P{index}", organization=organization_a)
    client.force_login(representative_a)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("my_partners:index")).status_code == 200


# Answers -----------------------------------------------------------------------------------------------


def test_an_anonymous_answer_reaches_the_poster_without_the_senders_address_and_the_reply_goes_back(
    client, representative_a, organization_a, mailoutbox, django_capture_on_commit_callbacks
):
    item = post(organization=organization_a, created_by=representative_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(item.get_absolute_url(), {
            "sender_name": "Jan", "sender_email": "jan@example.org", "text": "Mamy salę.",
            "altcha": solved_captcha(client),
        })
    assert response.status_code == 302
    [answer_mail] = mailoutbox
    assert answer_mail.to == [representative_a.email] and not answer_mail.reply_to
    assert "jan@example.org" not in answer_mail.body and "Mamy salę." in answer_mail.body
    link = first_link(answer_mail.body, "/partnerzy/odpowiedz/")
    page = client.get(link.removeprefix("http://testserver"))
    assert page.status_code == 200 and "jan@example.org" not in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(link, {"text": "Zapraszamy w czwartek."})
    reply = mailoutbox[1]
    assert reply.to == ["jan@example.org"] and reply.reply_to == [representative_a.email]
    assert "Zapraszamy w czwartek." in reply.body
    assert client.post(link, {"text": "Drugi raz"}).status_code == 200
    assert PartnerAnswer.objects.get().reply_text == "Zapraszamy w czwartek."


def test_an_anonymous_answer_needs_the_captcha(client, organization_a, representative_a):
    item = post(organization=organization_a, created_by=representative_a)
    response = client.post(item.get_absolute_url(), {"sender_name": "Jan", "sender_email": "jan@example.org",
                                                      "text": "x"})
    assert response.status_code == 200 and "Nie jestem robotem" in response.content.decode()
    assert not PartnerAnswer.objects.exists()


def test_answers_are_rate_limited(client, organization_a, representative_a, resident, settings):
    settings.PARTNERS_ANSWER_RATE_LIMIT = "1/h"
    item = post(organization=organization_a, created_by=representative_a)
    client.force_login(resident)
    data = {"sender_name": "Anna", "text": "Pomogę."}
    assert client.post(item.get_absolute_url(), data).status_code == 302
    response = client.post(item.get_absolute_url(), data)
    assert response.status_code == 429 and "Pomogę." in response.content.decode()
    assert PartnerAnswer.objects.get().sender_email == resident.email


@pytest.mark.parametrize(("data", "message"), [
    ({"sender_name": "", "text": ""}, "Wpisz wiadomość."),
    ({"text": "x" * 100_000}, "5000"),
])
def test_bad_input_on_the_answer_form(client, organization_a, representative_a, resident, data, message):
    item = post(organization=organization_a, created_by=representative_a)
    client.force_login(resident)
    response = client.post(item.get_absolute_url(), {"sender_name": "Anna", "text": "ok", **data})
    assert response.status_code == 200 and message in response.content.decode().replace("\xa0", "")
    assert not PartnerAnswer.objects.exists()


def test_an_expired_post_takes_no_answers(client, organization_a, resident):
    item = post(organization=organization_a, days=-1)
    client.force_login(resident)
    assert client.post(item.get_absolute_url(), {"sender_name": "A", "text": "B"}).status_code == 410
    assert not PartnerAnswer.objects.exists()


def test_a_forged_or_expired_reply_link_opens_nothing(client, organization_a):
    item = post(organization=organization_a)
    answer = PartnerAnswer.objects.create(post=item, sender_name="J", sender_email="j@example.org", text="x")
    assert client.get(reverse("partners:reply", args=["forged"])).status_code == 404
    link = addresses.reply_url(answer)
    with time_machine.travel(timezone.now() + timedelta(days=181)):
        assert client.get(link).status_code == 404

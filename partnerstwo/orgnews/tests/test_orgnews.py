"""Organisations' news (issue 16): written by representatives, reviewed by the Centre, then public in the list,
on the profile, in the feeds, on the press page and in the newsletter's news alerts."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from partnerstwo.city.models import District
from partnerstwo.newsletter.models import Mailing, Topic
from partnerstwo.newsletter.tests.alert_factories import mail_to, recipient, texts_to
from partnerstwo.organizations.tests import factories as directory
from partnerstwo.orgnews import review
from partnerstwo.orgnews.models import Post, Status
from partnerstwo.orgnews.tests.factories import post
from partnerstwo.panel.desk import desk_for

pytestmark = pytest.mark.django_db


def image_file(fmt="PNG", size=(120, 80), name="zdjecie.png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#2a6").save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def form_data(organization=None, **extra):
    data = {"title": "Sprzątanie parku", "body": "Zebraliśmy **40 worków** śmieci.", "link": "", "image_alt": ""}
    if organization:
        data["organization"] = organization.pk
    return {**data, **extra}


# Public pages --------------------------------------------------------------------------------------------


def test_only_published_news_of_public_organisations_show(client, organization_a, organization_b):
    post(organization_a, "Opublikowana")
    post(organization_a, "Czeka", status=Status.PENDING)
    post(organization_a, "Zwrócona", status=Status.RETURNED)
    post(organization_b, "Ukrytej organizacji")
    organization_b.is_published = False
    organization_b.save()
    page = client.get(reverse("orgnews:list")).content.decode()
    assert "Opublikowana" in page
    assert "Czeka" not in page and "Zwrócona" not in page and "Ukrytej organizacji" not in page


def test_an_unpublished_item_is_a_404(client, organization_a):
    item = post(organization_a, status=Status.PENDING)
    assert client.get(item.get_absolute_url()).status_code == 404


def test_the_detail_renders_markdown_sanitised_with_the_image_description(client, organization_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = post(organization_a, body="**Ważne** <script>alert(1)</script>", image=image_file(),
                image_alt="Wolontariusze z workami", link="https://example.org/relacja")
    page = client.get(item.get_absolute_url()).content.decode()
    assert "<strong>Ważne</strong>" in page and "<script>alert(1)" not in page
    assert 'alt="Wolontariusze z workami"' in page and 'href="https://example.org/relacja"' in page


def test_the_list_filters_by_sphere_and_district(client, organization_a, organization_b):
    district = District.objects.create(name="Centrum", slug="centrum")
    organization_a.district = district
    organization_a.save()
    organization_a.spheres.set([directory.sphere("health")])
    post(organization_a, "Zdrowie w centrum")
    post(organization_b, "Gdzie indziej")
    page = client.get(reverse("orgnews:list"), {"sfera": "health"}).content.decode()
    assert "Zdrowie w centrum" in page and "Gdzie indziej" not in page
    page = client.get(reverse("orgnews:list"), {"osiedle": "centrum"}).content.decode()
    assert "Zdrowie w centrum" in page and "Gdzie indziej" not in page


def test_bad_filter_values_give_the_page_not_an_error(client, organization_a):
    post(organization_a, "Jest")
    response = client.get(reverse("orgnews:list"), {"sfera": "nie-ma", "osiedle": "<x>", "strona": "abc"})
    assert response.status_code == 200 and "Jest" in response.content.decode()


def test_the_list_runs_a_constant_number_of_queries(client, organization_a, organization_b,
                                                    django_assert_num_queries):
    for organization in (organization_a, organization_b):
        organization.spheres.set([directory.sphere("health")])
    post(organization_a, "Pierwsza")
    # Spheres and districts of the form, the count, the page's items.
    with django_assert_num_queries(4):
        client.get(reverse("orgnews:list"), {"sfera": "health"})
    for index in range(25):
        post(organization_b if index % 2 else organization_a, f"Wiadomość {index}")
    with django_assert_num_queries(4):
        response = client.get(reverse("orgnews:list"), {"sfera": "health", "strona": "2"})
    assert response.status_code == 200 and "Wiadomość" in response.content.decode()


def test_the_profile_lists_the_organisations_published_news(client, organization_a):
    post(organization_a, "Na profilu")
    post(organization_a, "Jeszcze nie", status=Status.PENDING)
    page = client.get(organization_a.get_absolute_url()).content.decode()
    assert "Na profilu" in page and "Jeszcze nie" not in page


def test_the_feeds_carry_published_news(client, organization_a):
    post(organization_a, "W kanale", body="Tekst **z** Markdown.")
    post(organization_a, "Poza kanałem", status=Status.PENDING)
    for name in ("orgnews:rss", "orgnews:atom"):
        feed = client.get(reverse(name)).content.decode()
        assert "W kanale" in feed and "Poza kanałem" not in feed and "Fundacja Alfa" in feed


def test_the_press_page_gives_the_centres_contact_the_news_and_the_feed(client, organization_a, settings):
    post(organization_a, "Dla dziennikarzy")
    page = client.get(reverse("orgnews:press")).content.decode()
    assert settings.CITY["centre"]["email"] in page and settings.CITY["centre"]["name"] in page
    assert "Dla dziennikarzy" in page and reverse("orgnews:rss") in page


# Writing and review --------------------------------------------------------------------------------------


def test_a_representative_writes_news_that_waits_for_review(client, representative_a, organization_a,
                                                            settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(representative_a)
    response = client.post(reverse("my_orgnews:create"), form_data(
        organization_a, image=image_file(), image_alt="Uczestnicy sprzątania"))
    assert response.status_code == 302
    item = Post.objects.get()
    assert item.status == Status.PENDING and item.submitted_by == representative_a and item.image
    assert client.get(reverse("orgnews:list")).context["page_obj"].paginator.count == 0


@pytest.mark.parametrize("data, field, message", [
    ({"title": ""}, "title", "Podaj tytuł."),
    ({"body": ""}, "body", "Napisz, co się wydarzyło."),
    ({"link": "nie-adres"}, "link", "Wpisz pełny adres"),
    ({"image": "alt"}, "image_alt", "Opisz zdjęcie dla osób, które go nie widzą."),
    ({"image": "text"}, "image", "Ten plik nie jest obrazem"),
    ({"image": "gif"}, "image", "Zdjęcie musi być obrazem JPEG, PNG lub WebP."),
])
def test_bad_input_is_refused_next_to_the_field_and_kept(client, representative_a, organization_a, data, field,
                                                         message, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    uploads = {"alt": lambda: image_file(), "text": lambda: SimpleUploadedFile("a.png", b"not an image"),
               "gif": lambda: image_file("GIF", name="a.gif")}
    if "image" in data:
        data = {"image": uploads[data["image"]](), "title": "Zachowany tytuł"}
    client.force_login(representative_a)
    response = client.post(reverse("my_orgnews:create"), form_data(organization_a, **data))
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    if "image" in data:
        assert 'value="Zachowany tytuł"' in response.content.decode()
    assert not Post.objects.exists()


def test_a_representative_cannot_write_for_another_organisation(client, representative_a, organization_a,
                                                                organization_b):
    client.force_login(representative_a)
    response = client.post(reverse("my_orgnews:create"), form_data(organization_b))
    assert "Możesz pisać tylko o organizacjach, które reprezentujesz." in response.content.decode()
    assert not Post.objects.exists()


def test_another_organisations_item_is_a_404(client, representative_b, organization_a, organization_b):
    item = post(organization_a, status=Status.PENDING)
    client.force_login(representative_b)
    assert client.get(reverse("my_orgnews:edit", args=[item.pk])).status_code == 404
    assert client.post(reverse("my_orgnews:edit", args=[item.pk]), form_data(title="Przejęta")).status_code == 404
    item.refresh_from_db()
    assert item.title != "Przejęta"


@pytest.mark.parametrize("role", ["resident", "official_x", "team_member"])
def test_who_represents_no_organisation_cannot_write(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("my_orgnews:create")).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get(reverse("my_orgnews:create")).status_code == 302
    assert client.get(reverse("panel:orgnews_panel:index")).status_code == 302


def test_a_returned_item_is_edited_and_reenters_review_but_a_published_one_is_not(client, representative_a,
                                                                                  organization_a):
    returned = post(organization_a, "Do poprawy", status=Status.RETURNED, review_reason="Dodaj datę.")
    published = post(organization_a, "Opublikowana")
    client.force_login(representative_a)
    assert "Dodaj datę." in client.get(reverse("my_orgnews:edit", args=[returned.pk])).content.decode()
    client.post(reverse("my_orgnews:edit", args=[returned.pk]), form_data(title="Poprawiona"))
    returned.refresh_from_db()
    assert returned.status == Status.PENDING and returned.title == "Poprawiona"
    client.post(reverse("my_orgnews:edit", args=[published.pk]), form_data(title="Zmiana"))
    published.refresh_from_db()
    assert published.title == "Opublikowana"


@pytest.mark.parametrize("role, status", [
    ("resident", 403), ("representative_a", 403), ("team_member", 403), ("official_x", 200), ("administrator", 200),
])
def test_only_the_centres_staff_open_the_review_queue(client, request, organization_a, role, status):
    item = post(organization_a, status=Status.PENDING)
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("panel:orgnews_panel:index")).status_code == status
    assert client.get(reverse("panel:orgnews_panel:review", args=[item.pk])).status_code == status


def test_the_centre_publishes_or_returns_with_a_reason(client, official_x, organization_a):
    first = post(organization_a, "Pierwsza", status=Status.PENDING)
    second = post(organization_a, "Druga", status=Status.PENDING)
    client.force_login(official_x)
    response = client.post(reverse("panel:orgnews_panel:review", args=[second.pk]),
                           {"decision": "reject", "reason": ""})
    assert "Napisz, co trzeba poprawić" in response.content.decode()
    client.post(reverse("panel:orgnews_panel:review", args=[second.pk]), {"decision": "reject", "reason": "Krócej."})
    client.post(reverse("panel:orgnews_panel:review", args=[first.pk]), {"decision": "approve"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.PUBLISHED and first.published_at and first.reviewed_by == official_x
    assert second.status == Status.RETURNED and second.review_reason == "Krócej."
    assert "Pierwsza" in client.get(reverse("orgnews:list")).content.decode()


def test_the_writer_is_emailed_the_decision_in_their_language(client, official_x, representative_a, organization_a,
                                                            mailoutbox, django_capture_on_commit_callbacks):
    published = post(organization_a, "Do publikacji", status=Status.PENDING, submitted_by=representative_a)
    returned = post(organization_a, "Do poprawy", status=Status.PENDING, submitted_by=representative_a)
    representative_a.preferred_language = "en"
    representative_a.save(update_fields=["preferred_language"])
    client.force_login(official_x)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("panel:orgnews_panel:review", args=[published.pk]), {"decision": "approve"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("panel:orgnews_panel:review", args=[returned.pk]),
                    {"decision": "reject", "reason": "Dodaj datę."})
    assert [m.to for m in mailoutbox] == [[representative_a.email]] * 2
    assert "Do publikacji" in mailoutbox[0].subject and published.get_absolute_url() in mailoutbox[0].body
    assert "Dodaj datę." in mailoutbox[1].body
    assert reverse("my_orgnews:edit", args=[returned.pk]) in mailoutbox[1].body
    # An item written by the Centre itself has nobody to tell.
    own = post(organization_a, "Centrum", status=Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("panel:orgnews_panel:review", args=[own.pk]), {"decision": "approve"})
    assert len(mailoutbox) == 2


def test_a_decision_on_a_decided_item_is_refused(official_x, organization_a):
    item = post(organization_a)
    with pytest.raises(Exception, match="odśwież"):
        review.approve(item, by=official_x)


def test_the_desk_shows_the_waiting_news_to_officials_only(official_x, representative_a, organization_a):
    post(organization_a, "Na biurku", status=Status.PENDING)
    [waiting] = [w for w in desk_for(official_x) if w.queue.key == "orgnews"]
    assert waiting.count == 1 and waiting.oldest[0].label == "Na biurku"
    assert not [w for w in desk_for(representative_a) if w.queue.key == "orgnews"]


def test_the_panel_list_runs_a_constant_number_of_queries(client, official_x, organization_a,
                                                          django_assert_num_queries):
    post(organization_a, status=Status.PENDING)
    post(organization_a, status=Status.RETURNED)
    client.force_login(official_x)
    client.get(reverse("panel:orgnews_panel:index"))  # the session's first-request queries out of the count
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("panel:orgnews_panel:index"))
    for index in range(10):
        post(organization_a, f"W {index}", status=Status.PENDING if index % 2 else Status.PUBLISHED)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("panel:orgnews_panel:index"))


# Newsletter ----------------------------------------------------------------------------------------------


def test_a_published_item_is_offered_once_to_the_news_topic_matching_spheres(use_smtp, official_x,
                                                                            organization_a, settings):
    organization_a.spheres.set([directory.sphere("health")])
    recipient("zdrowie@example.org", topics=[Topic.NEWS], spheres=[directory.sphere("health")])
    recipient("kultura@example.org", topics=[Topic.NEWS], spheres=[directory.sphere("culture")])
    recipient("konkursy@example.org", topics=[Topic.GRANTS])
    item = post(organization_a, "Nowy punkt porad", status=Status.PENDING)
    call_command("send_alerts")
    assert not Mailing.objects.filter(source="organization_post").exists()
    review.approve(item, by=official_x)
    for _run in range(3):
        call_command("send_alerts")
    [message] = mail_to(use_smtp, "zdrowie@example.org")
    assert " ".join(str(message["Subject"]).split()) == "Z życia organizacji: Nowy punkt porad"
    [text] = texts_to(use_smtp, "zdrowie@example.org")
    assert f"{settings.SITE_URL}{item.get_absolute_url()}" in text and "Fundacja Alfa" in text
    assert mail_to(use_smtp, "kultura@example.org") == [] and mail_to(use_smtp, "konkursy@example.org") == []


def test_an_official_who_chose_at_once_is_e_mailed_when_news_waits_for_review(
    representative_a, organization_a, official_x, django_capture_on_commit_callbacks,
):
    from django.core import mail

    from partnerstwo.accounts.models import User

    User.objects.filter(pk=official_x.pk).update(desk_alerts=User.DeskAlerts.AT_ONCE)
    written = Post(organization=organization_a, title="Piknik", body="Zapraszamy.")

    with django_capture_on_commit_callbacks(execute=True):
        review.save(written, by=representative_a)

    alerts = [message for message in mail.outbox if message.to == [official_x.email]]
    assert [message.subject for message in alerts] == ["Czeka w panelu: Wiadomości organizacji do akceptacji"]
    assert written.title in alerts[0].body

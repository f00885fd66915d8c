import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.practices import review
from partnerstwo.practices.demo import PDF, docx_bytes, odt_bytes
from partnerstwo.practices.models import GoodPractice, Status, Topic
from partnerstwo.practices.tests.factories import practice

pytestmark = pytest.mark.django_db


def test_the_search_ignores_polish_letters_and_case(client):
    practice("Sprawozdanie roczne – poradnik", body="Zażółć gęślą jaźń")
    practice("Wzór umowy")

    html = client.get(reverse("practices:index"), {"q": "SPRAWOZDANIE gesla"}).content.decode()

    assert "Sprawozdanie roczne" in html and "Wzór umowy" not in html


def test_the_filters_narrow_by_kind_sphere_and_topic(client):
    sphere = PublicTaskSphere.objects.create(slug="seniors-t", name_pl="Seniorzy")
    topic = Topic.objects.create(slug="rodo", name="RODO")
    wanted = practice("Standard klubu seniora", kind="standard")
    wanted.spheres.add(sphere)
    wanted.topics.add(topic)
    practice("Poradnik", kind="guide")

    for params in ({"rodzaj": "standard"}, {"sfera": "seniors-t"}, {"temat": "rodo"}):
        html = client.get(reverse("practices:index"), params).content.decode()
        assert "Standard klubu seniora" in html and ">Poradnik<" not in html, params


def test_the_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    topic = Topic.objects.create(slug="t", name="T")
    for index in range(15):
        practice(f"Praktyka {index}").topics.add(topic)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("practices:index"), {"q": "praktyka"})
    assert response.status_code == 200


def test_bad_filter_values_give_the_unfiltered_page_not_an_error(client):
    practice("Jedna")
    for params in ({"rodzaj": "x" * 100_000}, {"strona": "abc"}, {"q": "\x00"}, {"sfera": "nie-ma"}):
        assert client.get(reverse("practices:index"), params).status_code == 200


def test_only_published_practices_show(client, organization_a):
    pending = practice("Czeka", status=Status.PENDING, organization=organization_a)
    assert client.get(pending.get_absolute_url()).status_code == 404
    assert "Czeka" not in client.get(reverse("practices:index")).content.decode()


def test_the_detail_renders_markdown_sanitised(client):
    item = practice("Bezpieczna", body="## Nagłówek\n\n<script>alert(1)</script> [x](javascript:alert(1))")
    html = client.get(item.get_absolute_url()).content.decode()
    assert "<h2>Nagłówek</h2>" in html and "<script>alert" not in html and "href=\"javascript" not in html


def test_the_organisations_profile_lists_its_published_practices(client, organization_a):
    practice("Nasz standard", organization=organization_a)
    practice("Jeszcze nie", organization=organization_a, status=Status.PENDING)
    html = client.get(organization_a.get_absolute_url()).content.decode()
    assert "Nasz standard" in html and "Jeszcze nie" not in html


def test_the_home_page_shows_the_newest(client):
    practice("Najnowsza praktyka")
    assert "Najnowsza praktyka" in client.get("/").content.decode()


# Proposals ----------------------------------------------------------------------------------------------


def form_data(organization=None, **extra):
    data = {"title": "Nasza praktyka", "kind": "guide", "summary": "Krótko.", "body": "Treść."}
    if organization:
        data["organization"] = organization.pk
    return {**data, **extra}


def test_a_representative_proposes_a_practice_for_their_organisation(client, representative_a, organization_a):
    client.force_login(representative_a)
    upload = SimpleUploadedFile("wzor.pdf", PDF, content_type="application/pdf")
    response = client.post(reverse("my_practices:create"), form_data(
        organization_a, file_1=upload, file_1_title="Wzór"))
    assert response.status_code == 302
    item = GoodPractice.objects.get()
    assert item.status == Status.PENDING and item.organization == organization_a
    assert item.submitted_by == representative_a
    assert [(a.title, a.file_type) for a in item.attachments.all()] == [("Wzór", "pdf")]


def test_a_representative_cannot_propose_for_another_organisation(client, representative_a, organization_a,
                                                                    organization_b):
    client.force_login(representative_a)
    response = client.post(reverse("my_practices:create"), form_data(organization_b))
    assert response.status_code == 200
    assert "tylko organizacji, które reprezentujesz" in response.content.decode()
    assert not GoodPractice.objects.exists()


def test_another_organisations_proposal_is_a_404(client, representative_b, organization_a, organization_b):
    item = practice("Alfa", organization=organization_a, status=Status.PENDING)
    client.force_login(representative_b)
    assert client.get(reverse("my_practices:edit", args=[item.pk])).status_code == 404


@pytest.mark.parametrize("role", ["resident", "official_x", "team_member"])
def test_who_represents_no_organisation_cannot_propose(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("my_practices:create")).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get(reverse("my_practices:create")).status_code == 302
    assert client.get(reverse("panel:practices_panel:index")).status_code == 302


@pytest.mark.parametrize(("data", "message"), [
    ({"title": "", "body": "", "summary": ""}, "Podaj tytuł."),
    ({"title": "x" * 100_000}, "200"),
    ({"body": "x" * 100_000}, "50000"),
])
def test_bad_input_is_refused_next_to_the_field_and_kept(client, representative_a, organization_a, data, message):
    client.force_login(representative_a)
    response = client.post(reverse("my_practices:create"), form_data(organization_a, **data))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html.replace("\xa0", "")
    assert not GoodPractice.objects.exists()


def _zip(entries) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content", "ok"), [
    ("a.pdf", PDF, True),
    ("a.docx", docx_bytes("x"), True),
    ("a.odt", odt_bytes("x"), True),
    ("a.pdf", b"MZ\x90\x00 an exe renamed", False),
    ("a.docx", PDF, False),
    ("a.odt", docx_bytes("x"), False),
    ("a.docx", _zip([("hello.txt", "x")]), False),
    ("a.exe", PDF, False),
    ("a", PDF, False),
])
def test_attachments_are_checked_by_their_content(client, representative_a, organization_a, name, content, ok):
    client.force_login(representative_a)
    upload = SimpleUploadedFile(name, content)
    response = client.post(reverse("my_practices:create"), form_data(organization_a, file_1=upload,
                                                                        file_1_title="Plik"))
    assert (response.status_code == 302) is ok
    assert GoodPractice.objects.exists() is ok


def test_a_too_large_attachment_is_refused(client, representative_a, organization_a, settings):
    client.force_login(representative_a)
    upload = SimpleUploadedFile("a.pdf", PDF + b"0" * (20 * 1024 * 1024))
    response = client.post(reverse("my_practices:create"), form_data(organization_a, file_1=upload,
                                                                        file_1_title="Plik"))
    assert response.status_code == 200 and "20 MB" in response.content.decode()


# Review -------------------------------------------------------------------------------------------------


def test_the_centre_publishes_a_proposal(client, official_x, representative_a, organization_a, mailoutbox,
                                         django_capture_on_commit_callbacks):
    item = practice("Propozycja", organization=organization_a, status=Status.PENDING, submitted_by=representative_a)
    client.force_login(official_x)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("panel:practices_panel:review", args=[item.pk]), {"decision": "approve"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED and item.published_at and item.reviewed_by == official_x
    assert [m.to for m in mailoutbox] == [[representative_a.email]]
    assert "opublikowana" in mailoutbox[0].subject


def test_returning_needs_a_reason_which_the_proposer_reads(client, official_x, representative_a, organization_a,
                                                          mailoutbox, django_capture_on_commit_callbacks):
    item = practice("Propozycja", organization=organization_a, status=Status.PENDING, submitted_by=representative_a)
    client.force_login(official_x)
    url = reverse("panel:practices_panel:review", args=[item.pk])
    response = client.post(url, {"decision": "reject", "reason": ""})
    assert "Napisz, co trzeba poprawić" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "reject", "reason": "Dodaj przykłady."})
    item.refresh_from_db()
    assert item.status == Status.RETURNED and "Dodaj przykłady." in mailoutbox[0].body
    # The proposer edits it and it is back in the queue.
    client.force_login(representative_a)
    client.post(reverse("my_practices:edit", args=[item.pk]), form_data(organization_a, title="Poprawiona"))
    item.refresh_from_db()
    assert item.status == Status.PENDING and item.title == "Poprawiona"


def test_a_representative_cannot_change_a_published_practice(client, representative_a, organization_a):
    item = practice("Opublikowana", organization=organization_a)
    client.force_login(representative_a)
    client.post(reverse("my_practices:edit", args=[item.pk]), form_data(organization_a, title="Zmiana"))
    item.refresh_from_db()
    assert item.title == "Opublikowana"


@pytest.mark.parametrize("role", ["resident", "representative_a", "team_member"])
def test_only_the_centres_staff_open_the_review_queue(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("panel:practices_panel:index")).status_code == 403


def test_staff_entries_are_published_at_once(client, administrator):
    client.force_login(administrator)
    response = client.post(reverse("panel:practices_panel:create"), form_data(author="Centrum"))
    assert response.status_code == 302
    assert GoodPractice.objects.get().status == Status.PUBLISHED


def test_a_staff_entry_needs_an_author(client, official_x):
    client.force_login(official_x)
    response = client.post(reverse("panel:practices_panel:create"), form_data())
    assert "Podaj autora" in response.content.decode()


def test_the_panel_lists_run_a_constant_number_of_queries(client, official_x, organization_a,
                                                          django_assert_max_num_queries):
    for index in range(10):
        practice(f"P{index}", organization=organization_a, status=Status.PENDING)
        practice(f"Q{index}")
    client.force_login(official_x)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("panel:practices_panel:index")).status_code == 200


def test_my_list_runs_a_constant_number_of_queries(client, representative_a, organization_a,
                                                   django_assert_max_num_queries):
    for index in range(10):
        practice(f"P{index}", organization=organization_a, status=Status.PENDING)
    client.force_login(representative_a)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("my_practices:index")).status_code == 200


def test_a_decision_on_a_decided_proposal_is_refused(official_x, organization_a):
    item = practice("X", organization=organization_a)
    with pytest.raises(Exception, match="status"):
        review.approve(item, by=official_x)

"""Written opinions: uploaded as a PDF, listed beside the comments, withdrawn by their author until the deadline
from the consultation's page, moderated by the department with the reason shown in their place."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from partnerstwo.consultations.models import WrittenOpinion
from partnerstwo.consultations.tests import factories as f

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def consultation(department_x, official_x, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return f.consultation(department_x, by=official_x)


def upload(client, consultation, organization, title="Opinia Fundacji Alfa"):
    return client.post(f"{consultation.get_absolute_url()}opinia/", {
        "capacity": "organization", "organization": organization.pk, "title": title,
        "file": SimpleUploadedFile("opinia.pdf", PDF, content_type="application/pdf")})


def test_the_author_withdraws_an_opinion_from_the_consultations_page_until_the_deadline(
        client, consultation, representative_a, organization_a, fixed_clock):
    client.force_login(representative_a)
    assert upload(client, consultation, organization_a).status_code == 302
    opinion = WrittenOpinion.objects.get()
    html = client.get(consultation.get_absolute_url()).content.decode()
    withdraw = f"{consultation.get_absolute_url()}opinie/{opinion.pk}/wycofanie/"
    assert "Opinia Fundacji Alfa" in html and withdraw in html

    fixed_clock.move_to(consultation.deadline() + dt.timedelta(minutes=1))
    client.post(withdraw)
    opinion.refresh_from_db()
    assert opinion.withdrawn_at is None  # too late

    fixed_clock.move_to(consultation.deadline() - dt.timedelta(hours=1))
    client.force_login(representative_a)
    client.post(withdraw)
    opinion.refresh_from_db()
    assert opinion.withdrawn_at is not None


def test_nobody_else_withdraws_an_opinion(client, consultation, representative_a, organization_a, representative_b):
    client.force_login(representative_a)
    upload(client, consultation, organization_a)
    opinion = WrittenOpinion.objects.get()
    client.force_login(representative_b)

    assert client.post(f"{consultation.get_absolute_url()}opinie/{opinion.pk}/wycofanie/").status_code == 404


def test_the_department_moderates_an_opinion_with_the_reason_shown_in_its_place(
        client, consultation, representative_a, organization_a, official_x, official_y):
    client.force_login(representative_a)
    upload(client, consultation, organization_a, title="Obraźliwy tytuł")
    opinion = WrittenOpinion.objects.get()
    url = f"/panel/konsultacje/{consultation.pk}/opinie/{opinion.pk}/usuniecie/"
    client.force_login(official_y)
    assert client.get(url).status_code == 404
    client.force_login(official_x)
    assert url in client.get(f"/panel/konsultacje/{consultation.pk}/").content.decode()

    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Treść obraźliwa (regulamin serwisu)."}).status_code == 302

    html = client.get(consultation.get_absolute_url()).content.decode()
    assert "Obraźliwy tytuł" not in html and "Treść obraźliwa (regulamin serwisu)." in html
    assert not consultation.writtenopinions.counted().exists()

"""A proposal's attachments stay private until the Centre publishes it (issue 16): stored outside MEDIA_ROOT
and served by a view that checks who asks, role by role."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerstwo.practices import review
from partnerstwo.practices.demo import PDF
from partnerstwo.practices.models import Attachment, Status
from partnerstwo.practices.tests.factories import practice

pytestmark = pytest.mark.django_db


def attach(item) -> Attachment:
    review.add_attachments(item, [("Wzór", SimpleUploadedFile("wzor.pdf", PDF), "pdf")])
    return item.attachments.get()


def content(response) -> bytes:
    return b"".join(response.streaming_content)


def test_an_attachment_is_stored_outside_the_public_media(organization_a):
    attachment = attach(practice(organization=organization_a, status=Status.PENDING))
    path = Path(attachment.file.path).resolve()
    assert Path(settings.PRIVATE_MEDIA_ROOT).resolve() in path.parents
    assert Path(settings.MEDIA_ROOT).resolve() not in path.parents
    assert attachment.file.url is None  # no address the web server would answer


@pytest.mark.parametrize("role, status", [
    (None, 404), ("resident", 404), ("representative_b", 404), ("team_member", 404),
    ("representative_a", 200), ("official_x", 200), ("administrator", 200),
])
@pytest.mark.parametrize("state", [Status.PENDING, Status.RETURNED])
def test_before_publication_only_the_proposer_and_the_centre_read_it(client, request, organization_a,
                                                                     organization_b, role, status, state):
    attachment = attach(practice(organization=organization_a, status=state))
    if role:
        client.force_login(request.getfixturevalue(role))
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == status
    if status == 200:
        assert content(response) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert "attachment" in response["Content-Disposition"]
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_submitter_reads_it_even_without_representing_the_organisation(client, resident, organization_a):
    attachment = attach(practice(organization=organization_a, status=Status.PENDING, submitted_by=resident))
    client.force_login(resident)
    assert client.get(attachment.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("role", [None, "resident", "representative_b"])
def test_after_publication_everyone_reads_it(client, request, organization_a, organization_b, role):
    attachment = attach(practice(organization=organization_a, status=Status.PENDING))
    if role:
        client.force_login(request.getfixturevalue(role))
    assert client.get(attachment.get_absolute_url()).status_code == 404
    review.approve(attachment.practice, by=None)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200 and content(response) == PDF


def test_the_published_page_links_to_the_checked_view(client):
    attachment = attach(practice())
    page = client.get(reverse("practices:detail", args=[attachment.practice.slug])).content.decode()
    assert f'href="{reverse("practices:attachment", args=[attachment.pk])}"' in page


def test_a_missing_file_or_attachment_is_a_404_not_an_error(client):
    attachment = attach(practice())
    attachment.file.storage.delete(attachment.file.name)
    assert client.get(attachment.get_absolute_url()).status_code == 404
    assert client.get(reverse("practices:attachment", args=[attachment.pk + 1])).status_code == 404


def test_only_get_and_head(client):
    attachment = attach(practice())
    assert client.post(attachment.get_absolute_url()).status_code == 405


def test_the_migration_moves_files_already_in_the_public_media(organization_a):
    from importlib import import_module

    from django.apps import apps
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    migration = import_module("partnerstwo.practices.migrations.0002_attachments_in_private_storage")
    attachment = attach(practice(organization=organization_a, status=Status.PENDING))
    name = attachment.file.name
    attachment.file.storage.delete(name)
    default_storage.save(name, ContentFile(PDF))  # where an upload lay before the migration
    migration.to_private(apps, None)
    assert not default_storage.exists(name)
    attachment.refresh_from_db()
    with attachment.file.open("rb") as stored:
        assert stored.read() == PDF

"""A representative's news in their data export, and the news staying with the organisation when the account goes."""

import pytest

from partnerstwo.accounts import data_rights, deletion
from partnerstwo.orgnews.models import Post, Status
from partnerstwo.orgnews.tests.factories import post

pytestmark = pytest.mark.django_db


def test_the_export_lists_the_news_the_person_wrote_and_nothing_of_others(representative_a, organization_a,
                                                                          organization_b, representative_b):
    post(organization_a, "Piknik", submitted_by=representative_a)
    post(organization_b, "Koncert", submitted_by=representative_b, status=Status.PENDING)

    exported = data_rights.export_everything(representative_a)

    assert [item["title"] for item in exported["data"]["orgnews"]["organisation_news_written"]] == ["Piknik"]


def test_the_news_stays_with_the_organisation_when_its_author_deletes_the_account(representative_a, organization_a):
    written = post(organization_a, "Piknik", submitted_by=representative_a)

    deletion.delete_account(user=representative_a)

    written.refresh_from_db()
    assert written.submitted_by is None and Post.objects.published().filter(pk=written.pk).exists()

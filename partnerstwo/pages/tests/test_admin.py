from django.urls import reverse

from partnerstwo.pages.models import ContentPage, PageRevision


def test_an_edit_in_the_django_admin_lands_in_the_history(client, make_page, administrator):
    page = make_page(title="Przed")
    client.force_login(administrator)

    response = client.post(
        reverse("admin:pages_contentpage_change", args=[page.pk]),
        {
            "title": "Po",
            "slug": page.slug,
            "body": "Zmienione w panelu administracyjnym",
            "is_published": "on",
            "revisions-TOTAL_FORMS": "1",
            "revisions-INITIAL_FORMS": "1",
            "revisions-MIN_NUM_FORMS": "0",
            "revisions-MAX_NUM_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    latest = ContentPage.objects.get(pk=page.pk).revisions.first()
    assert latest.title == "Po"
    assert latest.edited_by == administrator


def test_revisions_are_read_only_in_the_django_admin(client, make_page, administrator):
    page = make_page()
    revision = PageRevision.objects.get(page=page)
    client.force_login(administrator)

    assert client.get(reverse("admin:pages_pagerevision_changelist")).status_code == 200
    assert client.get(reverse("admin:pages_pagerevision_change", args=[revision.pk])).status_code == 200
    assert client.get(reverse("admin:pages_pagerevision_add")).status_code == 403
    delete_url = reverse("admin:pages_pagerevision_delete", args=[revision.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    assert PageRevision.objects.filter(pk=revision.pk).exists()

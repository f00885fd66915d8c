"""The Django admin: administrators edit the categories and handle messages in bulk."""

import pytest
from django.urls import reverse

from partnerstwo.feedback.models import FeedbackCategory, FeedbackMessage
from partnerstwo.feedback.tests.conftest import make_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def test_the_message_list_shows_status_category_and_page(admin_client, category):
    make_message(category, "Uwaga o stronie kontaktowej", FeedbackMessage.Status.NEW)

    response = admin_client.get(reverse("admin:feedback_feedbackmessage_changelist"), {"status__exact": "new"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Uwaga o stronie kontaktowej" in html
    assert "/kontakt/" in html
    assert "Błąd na stronie" in html


def test_the_message_list_searches_and_filters(admin_client, category):
    make_message(category, "Literówka w stopce", FeedbackMessage.Status.NEW)
    make_message(category, "Brak mapy dojazdu", FeedbackMessage.Status.CLOSED)
    url = reverse("admin:feedback_feedbackmessage_changelist")

    found = admin_client.get(url, {"q": "stopce"}).content.decode()
    closed = admin_client.get(url, {"status__exact": "closed"}).content.decode()

    assert "Literówka" in found and "Brak mapy" not in found
    assert "Brak mapy" in closed and "Literówka" not in closed


@pytest.mark.parametrize(("action", "status"), [("mark_answered", "answered"), ("mark_closed", "closed")])
def test_the_bulk_actions_change_confirmed_messages_only(admin_client, category, action, status):
    confirmed = make_message(category, "Potwierdzona", FeedbackMessage.Status.NEW)
    unconfirmed = make_message(category, "Niepotwierdzona", FeedbackMessage.Status.UNCONFIRMED)

    response = admin_client.post(
        reverse("admin:feedback_feedbackmessage_changelist"),
        {"action": action, "_selected_action": [confirmed.pk, unconfirmed.pk]},
        follow=True,
    )

    assert response.status_code == 200
    confirmed.refresh_from_db()
    unconfirmed.refresh_from_db()
    assert confirmed.status == status
    assert unconfirmed.status == FeedbackMessage.Status.UNCONFIRMED
    assert "Pominięto uwagi, których nadawcy jeszcze nie potwierdzili: 1." in response.content.decode()


def test_a_message_page_in_the_admin_opens_and_saves(admin_client, category):
    message = make_message(category, "Potwierdzona", FeedbackMessage.Status.NEW)
    url = reverse("admin:feedback_feedbackmessage_change", args=[message.pk])
    assert admin_client.get(url).status_code == 200

    response = admin_client.post(url, {"status": "closed", "staff_note": "Załatwione"})

    assert response.status_code == 302
    message.refresh_from_db()
    assert (message.status, message.staff_note) == ("closed", "Załatwione")


def test_the_admin_cannot_confirm_a_message_for_its_sender(admin_client, category):
    message = make_message(category, "Niepotwierdzona", FeedbackMessage.Status.UNCONFIRMED)
    url = reverse("admin:feedback_feedbackmessage_change", args=[message.pk])

    admin_client.post(url, {"status": "new", "staff_note": ""})

    message.refresh_from_db()
    assert message.status == FeedbackMessage.Status.UNCONFIRMED


def test_administrators_add_and_reorder_categories(admin_client):
    response = admin_client.post(
        reverse("admin:feedback_feedbackcategory_add"),
        {"name": "Wydarzenia w kalendarzu", "position": "5", "is_active": "on"},
    )

    assert response.status_code == 302
    assert FeedbackCategory.objects.filter(name="Wydarzenia w kalendarzu", position=5, is_active=True).exists()


def test_a_category_in_use_cannot_be_deleted(category):
    from django.db.models import ProtectedError

    make_message(category, "Potwierdzona", FeedbackMessage.Status.NEW)

    with pytest.raises(ProtectedError):
        category.delete()


def test_officials_without_admin_access_do_not_reach_the_admin(client, official_x):
    client.force_login(official_x)

    response = client.get(reverse("admin:feedback_feedbackmessage_changelist"))

    assert response.status_code == 302

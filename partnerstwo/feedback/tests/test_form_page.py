"""The form's categories speak the visitor's language: the English site lists their English names."""

import pytest

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.feedback.models import FeedbackCategory

pytestmark = pytest.mark.django_db


def test_the_english_form_lists_the_categories_in_english(client):
    english = client.get("/en/uwagi/").content.decode()
    polish = client.get("/uwagi/").content.decode()

    assert "An error on the site" in english and "Błąd na stronie" not in english
    assert "Błąd na stronie" in polish and "An error on the site" not in polish


def test_a_category_without_an_english_name_shows_its_polish_one(client):
    FeedbackCategory.objects.create(name="Zgłoszenie lokalu", position=9)

    assert "Zgłoszenie lokalu" in client.get("/en/uwagi/").content.decode()


def test_a_sphere_is_named_in_the_language_of_the_page():
    from django.utils import translation

    sphere = PublicTaskSphere(slug="kultura", point_label="16", name_pl="kultura, sztuka", name_en="culture, art")

    with translation.override("en"):
        assert str(sphere) == "16. culture, art"
    with translation.override("pl"):
        assert str(sphere) == "16. kultura, sztuka"

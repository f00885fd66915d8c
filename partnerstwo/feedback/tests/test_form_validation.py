"""Bad input gets a message next to its field, keeps the typed text, saves nothing, never fails."""

import pytest
from django.urls import reverse

from partnerstwo.feedback.models import FeedbackCategory, FeedbackMessage

pytestmark = pytest.mark.django_db


def post(client, data):
    return client.post(reverse("feedback:create"), data)


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("message", "", "Wpisz treść uwagi."),
        ("message", "   \n  ", "Wpisz treść uwagi."),
        ("message", "a" * 100_000, "co najwyżej 5000 znaków"),
        ("message", "Tekst z bajtem\x00zerowym", "Znaki null są niedozwolone"),
        ("email", "", "Podaj adres e-mail"),
        ("email", "jan.nowak", "Wpisz poprawny adres e-mail"),
        ("email", "jan@example.org\x00", "Znaki null są niedozwolone"),
        ("email", "<script>alert(1)</script>@example.org", "Wpisz poprawny adres e-mail"),
        ("category", "", "Wybierz kategorię uwagi."),
        ("category", "999999", "Wybierz kategorię z listy."),
        ("category", "99999999999999999999999", "Wybierz kategorię z listy."),
        ("category", "abc", "Wybierz kategorię z listy."),
        ("category", "1\x00", "Znaki null są niedozwolone"),
    ],
)
def test_a_bad_field_gets_its_own_error_and_nothing_is_saved(client, form_data, field, value, error):
    response = post(client, form_data(**{field: value}))

    html = response.content.decode()
    assert response.status_code == 200
    assert FeedbackMessage.objects.count() == 0
    assert f'id="id_{field}_error"' in html
    assert error in html
    assert f'href="#id_{field}"' in html  # the error summary links to the field
    assert 'aria-invalid="true"' in html


def test_the_typed_text_is_kept_when_another_field_is_wrong(client, form_data):
    response = post(client, form_data(email="nie-adres", message="Moja <b>długa</b> uwaga"))

    html = response.content.decode()
    assert "Moja &lt;b&gt;długa&lt;/b&gt; uwaga" in html
    assert 'value="nie-adres"' in html
    assert "<b>długa</b>" not in html


def test_an_inactive_category_cannot_be_chosen(client, form_data, category):
    category.is_active = False
    category.save()

    response = post(client, form_data())

    assert "Wybierz kategorię z listy." in response.content.decode()
    assert FeedbackMessage.objects.count() == 0
    assert f'value="{category.pk}"' not in client.get(reverse("feedback:create")).content.decode()


def test_the_categories_are_offered_in_their_order(client):
    FeedbackCategory.objects.filter(name="Inne").update(position=0)

    html = client.get(reverse("feedback:create")).content.decode()

    assert html.index(">Inne<") < html.index(">Błąd na stronie<") < html.index(">Dostępność<")


def test_the_form_explains_itself_and_links_the_privacy_notice(client):
    html = client.get(reverse("feedback:create")).content.decode()

    assert "Jeśli masz uwagi lub propozycje do tej strony, napisz do nas." in html
    assert "Na ten adres zostanie wysłana prośba o potwierdzenie wpisu." in html
    assert f'href="{reverse("pages:page", args=["polityka-prywatnosci"])}"' in html
    for field in ("category", "message", "email"):
        assert f'<label for="id_{field}"' in html


@pytest.mark.parametrize(
    "address",
    [
        "https://evil.example.org",
        "https://evil.example.org/misja-i-cele/",
        "//evil.example.org/",
        "/\\evil.example.org",
        "javascript:alert(1)",
        "misja-i-cele",
        "/misja\x00",
        "/" + "a" * 600,
    ],
)
def test_a_page_that_is_not_on_this_site_is_not_kept(client, form_data, address):
    form = client.get(reverse("feedback:create"), {"strona": address}).content.decode()
    assert "Uwaga dotyczy strony" not in form
    assert '<input type="hidden" name="page" id="id_page">' in form

    assert post(client, form_data(page=address)).status_code == 302
    assert FeedbackMessage.objects.get().page == ""


def test_the_page_from_the_link_is_kept_and_shown(client, form_data):
    form = client.get(reverse("feedback:create"), {"strona": "/deklaracja-dostepnosci/"}).content.decode()
    assert 'href="/deklaracja-dostepnosci/"' in form

    post(client, form_data(page="/deklaracja-dostepnosci/"))

    assert FeedbackMessage.objects.get().page == "/deklaracja-dostepnosci/"


def test_other_methods_are_not_allowed(client):
    assert client.put(reverse("feedback:create")).status_code == 405

import pytest
from django.urls import reverse

from partnerstwo.lib.display import COOKIE_NAME


def test_choosing_the_largest_text_sets_the_cookie_and_goes_back(client, db):
    response = client.get(reverse("pages:display"), {"text": "largest", "next": "/kontakt/"})

    assert response.status_code == 302
    assert response["Location"] == "/kontakt/"
    assert response.cookies[COOKIE_NAME].value == "largest.std"
    assert response.cookies[COOKIE_NAME]["httponly"]


def test_high_contrast_is_remembered_on_the_next_page(client, db):
    client.get(reverse("pages:display"), {"contrast": "on", "next": "/"})
    client.get(reverse("pages:display"), {"text": "large", "next": "/"})

    html = client.get("/").content.decode()

    assert 'class="text-large high-contrast"' in html
    assert client.cookies[COOKIE_NAME].value == "large.hc"


def test_switching_contrast_off_keeps_the_text_size(client, db):
    client.cookies[COOKIE_NAME] = "large.hc"

    response = client.get(reverse("pages:display"), {"contrast": "off"})

    assert response.cookies[COOKIE_NAME].value == "large.std"


def test_an_unknown_text_size_keeps_the_current_one(client, db):
    client.cookies[COOKIE_NAME] = "large.std"

    response = client.get(reverse("pages:display"), {"text": "<script>"})

    assert response.cookies[COOKIE_NAME].value == "large.std"


@pytest.mark.parametrize(
    "next_url",
    [
        "//evil.example.org",
        "https://evil.example.org/",
        "///evil.example.org",
        "javascript:alert(1)",
        "\\\\evil.example.org",
        "/\\evil.example.org",
        "",
    ],
)
def test_an_unsafe_next_address_is_ignored(client, db, next_url):
    response = client.get(reverse("pages:display"), {"text": "large", "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_next_address_with_a_newline_cannot_inject_headers(client, db):
    response = client.get(reverse("pages:display"), {"text": "large", "next": "/kontakt/\r\nSet-Cookie: x=1"})

    assert response.status_code == 302
    assert "\n" not in response["Location"]
    assert "x" not in response.cookies


def test_the_switch_accepts_only_get(client, db):
    assert client.post(reverse("pages:display"), {"text": "large"}).status_code == 405

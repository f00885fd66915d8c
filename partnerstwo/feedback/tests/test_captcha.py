"""The captcha on the feedback form: verified on the server, one use per solution, honest without JavaScript."""

import base64
import json
import re
import time
from pathlib import Path

import altcha
import pytest
from django.urls import reverse

from partnerstwo.feedback.models import FeedbackMessage
from partnerstwo.feedback.tests.conftest import MESSAGE

pytestmark = pytest.mark.django_db


def post(client, data):
    return client.post(reverse("feedback:create"), data)


def assert_refused_with_text_kept(response, error):
    html = response.content.decode()
    assert response.status_code == 200
    assert FeedbackMessage.objects.count() == 0
    assert MESSAGE in html  # the typed text is still in the textarea
    assert 'value="jan.nowak@example.org"' in html
    # next to the widget, and again in the error summary at the top
    assert html.count(error) == 2
    assert 'id="id_altcha_error"' in html
    assert 'href="#id_altcha"' in html


def test_a_solved_challenge_lets_the_message_through(client, form_data):
    assert post(client, form_data()).status_code == 302
    assert FeedbackMessage.objects.count() == 1


def test_a_missing_captcha_is_refused_and_the_text_kept(client, form_data):
    response = post(client, form_data(altcha=None))

    assert_refused_with_text_kept(response, "Potwierdź, że nie jesteś robotem")


def test_garbage_instead_of_a_solution_is_refused(client, form_data):
    for garbage in ["nie-base64", base64.b64encode(b"[1, 2]").decode(), "A" * 100_000, "x\x00y"]:
        response = post(client, form_data(altcha=garbage))
        assert_refused_with_text_kept(response, "Weryfikacja antyspamowa nie powiodła się")


def test_the_widgets_test_mode_payload_is_refused(client, form_data):
    payload = base64.b64encode(json.dumps({"challenge": None, "solution": None, "test": True}).encode()).decode()

    assert_refused_with_text_kept(post(client, form_data(altcha=payload)), "nie powiodła się")


def test_a_wrong_solution_is_refused(client, form_data, solve):
    payload = json.loads(base64.b64decode(solve()))
    payload["solution"]["counter"] += 1
    payload["solution"]["derivedKey"] = "00" * 32
    tampered = base64.b64encode(json.dumps(payload).encode()).decode()

    assert_refused_with_text_kept(post(client, form_data(altcha=tampered)), "nie powiodła się")


def test_a_challenge_signed_with_another_key_is_refused(client, form_data, solve):
    foreign = altcha.create_challenge(algorithm="PBKDF2/SHA-256", cost=20, hmac_secret="someone-elses-key")

    payload = solve(foreign.to_dict())

    assert_refused_with_text_kept(post(client, form_data(altcha=payload)), "nie powiodła się")


def test_an_expired_challenge_is_refused(client, form_data, solve, settings):
    expired = altcha.create_challenge(
        algorithm="PBKDF2/SHA-256",
        cost=20,
        expires_at=int(time.time()) - 5,
        hmac_secret=settings.ALTCHA_HMAC_KEY,
    )

    payload = solve(expired.to_dict())

    assert_refused_with_text_kept(post(client, form_data(altcha=payload)), "Weryfikacja antyspamowa wygasła")


def test_a_solution_sends_one_message_only(client, form_data, solve):
    payload = solve()
    assert post(client, form_data(altcha=payload)).status_code == 302

    replay = post(client, form_data(altcha=payload))

    assert replay.status_code == 200
    assert FeedbackMessage.objects.count() == 1
    assert "została już wykorzystana" in replay.content.decode()
    assert MESSAGE in replay.content.decode()


def test_the_form_says_plainly_that_sending_needs_javascript(client, settings):
    html = client.get(reverse("feedback:create")).content.decode()

    noscript = html[html.index("<noscript>") : html.index("</noscript>")]
    assert "wymaga włączonego JavaScriptu" in noscript
    assert f'href="mailto:{settings.CITY["centre"]["email"]}"' in noscript


def test_only_the_feedback_form_loads_the_widget_script(client):
    form = client.get(reverse("feedback:create")).content.decode()
    home = client.get(reverse("pages:home")).content.decode()

    # The site's own small client of the proof of work, a static file, as the Content-Security-Policy requires.
    assert "js/captcha.js" in form and "vendor/altcha" not in form
    assert f'data-challenge-url="{reverse("captcha_challenge")}"' in form
    assert 'type="hidden" name="altcha"' in form
    assert "captcha.js" not in home and 'name="altcha"' not in home


def test_the_widget_files_are_served_from_this_site():
    from django.contrib.staticfiles import finders

    assert finders.find("js/captcha.js")


def test_the_form_with_its_stylesheets_and_scripts_weighs_under_100_kib(client, settings):
    """Issue 18: ALTCHA's own widget made the page 147 KiB; the site's small client keeps it light."""
    from django.contrib.staticfiles import finders

    html = client.get(reverse("feedback:create")).content
    text = html.decode()
    assets = [
        re.search(r'href="([^"]+)"', tag).group(1) for tag in re.findall(r"<link\b[^>]*stylesheet[^>]*>", text)
    ] + re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', text)
    assert any("captcha.js" in url for url in assets)
    sizes = [Path(finders.find(url.removeprefix(settings.STATIC_URL))).stat().st_size for url in assets]
    assert len(html) + sum(sizes) < 100 * 1024

"""Every page carries a Content-Security-Policy without inline script or style, and a Permissions-Policy."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.subprocesses import clean_env
from tests.test_settings import settings_in

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "partnerstwo"
# E-mails are read in mail programs, not under the site's policy: inline styles are how e-mail is styled.
EMAIL_TEMPLATE_FOLDERS = {"emails", "email_parts"}


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def page_templates():
    for path in TEMPLATES.rglob("templates/**/*.html"):
        if not EMAIL_TEMPLATE_FOLDERS & set(path.parts):
            yield path


@pytest.mark.parametrize(
    ("url", "user"),
    [
        ("/", None),
        ("/organizacje/", None),
        ("/organizacje/mapa/", None),
        ("/wydarzenia/", None),
        ("/uwagi/", None),
        ("/konto/login/", None),
        ("/nie-ma-takiej-strony/", None),
        ("/panel/", "official_x"),
        ("/admin/", "administrator"),
        ("/konto/2fa/", "official_x"),
    ],
)
def test_each_kind_of_page_forbids_inline_script_and_style(client, request, url, user):
    if user:
        client.force_login(request.getfixturevalue(user))

    response = client.get(url)

    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_map_tiles_come_from_the_configured_tile_server_only(client):
    policy = directives(client.get("/organizacje/mapa/"))

    assert policy["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert policy["worker-src"] == ["'self'"]


def test_a_tile_server_with_subdomains_is_allowed_as_a_wildcard(tmp_path):
    env = clean_env(DEBUG="true", VAR_DIR=str(tmp_path), MAP_TILES_URL="https://{s}.kafelki.example.org/{z}/{x}/{y}.png")

    assert settings_in(env, "MAP_TILES_ORIGIN") == {"MAP_TILES_ORIGIN": "https://*.kafelki.example.org"}


def test_without_a_tile_server_only_the_site_serves_images(tmp_path):
    env = clean_env(DEBUG="true", VAR_DIR=str(tmp_path), MAP_TILES_URL="")

    assert "kafelki" not in settings_in(env, "CONTENT_SECURITY_POLICY")["CONTENT_SECURITY_POLICY"]
    assert settings_in(env, "MAP_TILES_ORIGIN") == {"MAP_TILES_ORIGIN": ""}


def test_every_page_denies_devices_and_sensors_but_keeps_webauthn_for_the_site(client):
    header = client.get("/")["Permissions-Policy"]

    features = dict(item.strip().split("=", 1) for item in header.split(","))
    for feature in ["camera", "microphone", "geolocation", "payment", "usb"]:
        assert features[feature] == "()", feature
    assert features["publickey-credentials-get"] == "(self)"
    assert features["publickey-credentials-create"] == "(self)"


def test_no_page_template_has_inline_script_event_handlers_javascript_urls_or_style_attributes():
    found = []
    for path in page_templates():
        text = path.read_text()
        for number, line in enumerate(text.splitlines(), start=1):
            inline_script = re.search(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")", line)
            if (
                inline_script
                or re.search(r"\son[a-z]+\s*=", line)
                or "javascript:" in line
                or re.search(r"\sstyle\s*=", line)
            ):
                found.append(f"{path.relative_to(TEMPLATES)}:{number}: {line.strip()[:120]}")
    assert found == []

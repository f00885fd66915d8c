"""The settings come from the environment, and a production start without the essentials fails loudly.

Each case starts Django in a subprocess with a clean environment (no PYTEST_VERSION), as an
operator's shell or a systemd unit would.
"""

import json
import secrets
import subprocess

import pytest
from django.core.exceptions import ImproperlyConfigured

from partnerstwo.lib.email_url import parse_email_url
from tests.subprocesses import PYTHON, ROOT, clean_env, manage

PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "partnerstwo.bialystok.example",
    "SITE_URL": "https://partnerstwo.bialystok.example",
}


def settings_in(env: dict, *names: str) -> dict:
    """Selected settings as a fresh process sees them (as text)."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: str(getattr(settings, name)) for name in {list(names)!r}}}))"
    )
    result = subprocess.run([PYTHON, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={"DJANGO_SETTINGS_MODULE": "partnerstwo.settings", **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def start(env: dict) -> subprocess.CompletedProcess:
    return manage(env, "check", check=False)


@pytest.mark.parametrize("debug", [None, "false", "0", "no"])
def test_without_debug_it_refuses_to_start_without_a_secret_key(tmp_path, debug):
    env = clean_env(ALLOWED_HOSTS="partnerstwo.bialystok.example", VAR_DIR=str(tmp_path))
    if debug is not None:
        env["DEBUG"] = debug

    result = start(env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is not true." in result.stderr


def test_without_debug_it_refuses_to_start_without_allowed_hosts(tmp_path):
    result = start(clean_env(DEBUG="false", SECRET_KEY=PRODUCTION["SECRET_KEY"], VAR_DIR=str(tmp_path)))

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set when DEBUG is not true." in result.stderr


def test_a_typo_in_debug_fails_at_start_instead_of_meaning_false(tmp_path):
    result = start(clean_env(DEBUG="ture", VAR_DIR=str(tmp_path), **PRODUCTION))

    assert result.returncode != 0
    assert "DEBUG must be true or false, not 'ture'" in result.stderr


def test_debug_true_starts_without_a_secret_key_for_development(tmp_path):
    result = start(clean_env(DEBUG="true", VAR_DIR=str(tmp_path)))

    assert result.returncode == 0, result.stderr


def test_the_deployment_check_reports_nothing_in_production(tmp_path):
    env = clean_env(DEBUG="false", VAR_DIR=str(tmp_path), **PRODUCTION)

    result = manage(env, "check", "--deploy", "--fail-level", "WARNING", check=False)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_deployment_check_warns_when_e_mail_links_would_point_at_localhost(tmp_path):
    env = clean_env(DEBUG="false", VAR_DIR=str(tmp_path), **{**PRODUCTION, "SITE_URL": "http://127.0.0.1:8000"})

    result = manage(env, "check", "--deploy", "--fail-level", "WARNING", check=False)

    assert result.returncode != 0
    assert "partnerstwo.W001" in result.stdout + result.stderr


def test_production_cookies_and_https_are_strict(tmp_path):
    values = settings_in(
        clean_env(DEBUG="false", VAR_DIR=str(tmp_path), **PRODUCTION),
        "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER",
    )

    assert values == {
        "SESSION_COOKIE_SECURE": "True",
        "CSRF_COOKIE_SECURE": "True",
        "SECURE_SSL_REDIRECT": "True",
        "SECURE_PROXY_SSL_HEADER": "('HTTP_X_FORWARDED_PROTO', 'https')",
    }


def test_allowed_hosts_and_trusted_origins_are_comma_separated_lists(tmp_path):
    values = settings_in(
        clean_env(DEBUG="false", VAR_DIR=str(tmp_path), SECRET_KEY=PRODUCTION["SECRET_KEY"],
                  ALLOWED_HOSTS="partnerstwo.example, www.partnerstwo.example",
                  CSRF_TRUSTED_ORIGINS="https://partnerstwo.example,https://www.partnerstwo.example"),
        "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS",
    )

    assert values["ALLOWED_HOSTS"] == "['partnerstwo.example', 'www.partnerstwo.example']"
    assert values["CSRF_TRUSTED_ORIGINS"] == "['https://partnerstwo.example', 'https://www.partnerstwo.example']"


def test_without_database_url_it_uses_sqlite_under_var_dir(tmp_path):
    values = settings_in(clean_env(DEBUG="true", VAR_DIR=str(tmp_path)), "DATABASES")

    assert "'ENGINE': 'django.db.backends.sqlite3'" in values["DATABASES"]
    assert f"'NAME': '{tmp_path / 'partnerstwo.sqlite3'}'" in values["DATABASES"]


def test_a_postgresql_database_url_switches_the_engine(tmp_path):
    url = "postgres://partnerstwo:tajne%40haslo@db.internal:5433/partnerstwo"
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({k: str(v) for k, v in settings.DATABASES['default'].items()}))"
    )
    env = clean_env(DEBUG="true", VAR_DIR=str(tmp_path), DATABASE_URL=url,
                    DJANGO_SETTINGS_MODULE="partnerstwo.settings")
    result = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    database = json.loads(result.stdout.strip().splitlines()[-1])

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.internal", "5433", "partnerstwo")
    assert (database["USER"], database["PASSWORD"]) == ("partnerstwo", "tajne@haslo")


def test_email_url_in_the_environment_sets_the_smtp_settings(tmp_path):
    values = settings_in(
        clean_env(DEBUG="true", VAR_DIR=str(tmp_path), EMAIL_URL="smtp+tls://powiadomienia:sekret@smtp.example.org",
                  EMAIL_HOST="ignored.example.org"),
        "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS",
    )

    assert values == {
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": "587",
        "EMAIL_HOST_USER": "powiadomienia",
        "EMAIL_HOST_PASSWORD": "sekret",
        "EMAIL_USE_TLS": "True",
    }


def test_the_separate_email_variables_work_without_email_url(tmp_path):
    values = settings_in(
        clean_env(DEBUG="true", VAR_DIR=str(tmp_path), EMAIL_HOST="poczta.um.example", EMAIL_PORT="2525",
                  EMAIL_HOST_USER="partnerstwo", EMAIL_HOST_PASSWORD="x", EMAIL_USE_TLS="true"),
        "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_USE_TLS",
    )

    assert values == {"EMAIL_HOST": "poczta.um.example", "EMAIL_PORT": "2525", "EMAIL_HOST_USER": "partnerstwo",
                      "EMAIL_USE_TLS": "True"}


class TestEmailUrl:
    def test_plain_smtp_defaults_to_port_25_without_encryption(self):
        settings = parse_email_url("smtp://localhost")

        assert (settings["EMAIL_HOST"], settings["EMAIL_PORT"]) == ("localhost", 25)
        assert (settings["EMAIL_USE_TLS"], settings["EMAIL_USE_SSL"]) == (False, False)
        assert (settings["EMAIL_HOST_USER"], settings["EMAIL_HOST_PASSWORD"]) == ("", "")

    @pytest.mark.parametrize(("scheme", "port", "tls", "ssl"), [
        ("smtp+tls", 587, True, False),
        ("submission", 587, True, False),
        ("smtp+ssl", 465, False, True),
    ])
    def test_the_scheme_chooses_encryption_and_the_default_port(self, scheme, port, tls, ssl):
        settings = parse_email_url(f"{scheme}://mail.example.org")

        assert (settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"], settings["EMAIL_USE_SSL"]) == (port, tls, ssl)

    def test_an_explicit_port_wins(self):
        assert parse_email_url("smtp+tls://mail.example.org:2587")["EMAIL_PORT"] == 2587

    def test_user_and_password_are_percent_decoded(self):
        settings = parse_email_url("smtp+ssl://ngo%40bialystok.example:p%40ss%3Aword%2F1@mail.example.org")

        assert settings["EMAIL_HOST_USER"] == "ngo@bialystok.example"
        assert settings["EMAIL_HOST_PASSWORD"] == "p@ss:word/1"

    @pytest.mark.parametrize("url", ["http://mail.example.org", "smtps://mail.example.org", "mail.example.org"])
    def test_an_unknown_scheme_is_refused(self, url):
        with pytest.raises(ImproperlyConfigured):
            parse_email_url(url)


@pytest.mark.parametrize(("forwarded_for", "client"), [
    ("203.0.113.5", "203.0.113.5"),  # behind the proxy, which overwrites the header
    (None, "10.0.0.7"),  # runserver, or no proxy
])
def test_login_rate_limits_count_the_client_behind_the_proxy_not_the_proxy(rf, forwarded_for, client):
    from allauth.account.adapter import get_adapter

    from partnerstwo.lib.ratelimit import client_ip

    extra = {"REMOTE_ADDR": "10.0.0.7"}
    if forwarded_for:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    request = rf.post("/konto/login/", **extra)

    assert get_adapter(request).get_client_ip(request) == client
    assert client_ip(request) == client

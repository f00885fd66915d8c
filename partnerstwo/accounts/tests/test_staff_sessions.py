"""Staff sessions end after a configurable idle time; residents keep theirs; the admin's prefix is a setting."""

import importlib
from datetime import timedelta

import pytest
from django.urls import clear_url_caches, reverse

pytestmark = pytest.mark.django_db

PANEL = "/panel/"


@pytest.mark.parametrize("role", ["official_x", "administrator"])
def test_a_staff_session_ends_after_thirty_idle_minutes(client, request, fixed_clock, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(PANEL).status_code == 200

    fixed_clock.shift(timedelta(minutes=31))
    response = client.get(PANEL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_each_request_restarts_the_idle_count(client, official_x, fixed_clock):
    client.force_login(official_x)
    for _ in range(4):
        fixed_clock.shift(timedelta(minutes=20))
        assert client.get(PANEL).status_code == 200


def test_the_idle_time_is_a_setting(client, official_x, fixed_clock, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 5
    client.force_login(official_x)
    client.get(PANEL)

    fixed_clock.shift(timedelta(minutes=6))

    assert client.get(PANEL).status_code == 302


@pytest.mark.parametrize("role", ["resident", "representative_a"])
def test_other_sessions_keep_their_usual_length(client, request, fixed_clock, role):
    client.force_login(request.getfixturevalue(role))
    client.get(reverse("accounts:profile"))

    fixed_clock.shift(timedelta(days=3))

    assert client.get(reverse("accounts:profile")).status_code == 200


@pytest.fixture
def admin_prefix(settings):
    """Rebuilds the URLs with ADMIN_URL_PREFIX set, and back afterwards."""
    import partnerstwo.urls

    def use(prefix):
        settings.ADMIN_URL_PREFIX = prefix
        importlib.reload(partnerstwo.urls)
        clear_url_caches()

    yield use
    use("admin/")


def test_the_admin_lives_under_the_configured_prefix(client, administrator, admin_prefix):
    admin_prefix("zaplecze-7f3a/")
    client.force_login(administrator)

    assert reverse("admin:index") == "/zaplecze-7f3a/"
    assert client.get("/zaplecze-7f3a/").status_code == 200
    assert client.get("/admin/").status_code == 404

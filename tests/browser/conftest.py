"""Helpers for the browser journeys: demo data, display modes, signing in and axe-core.

Every page is opened on pytest-django's live server (`base_url` points the browser at it, so
`page.goto("/uwagi/")` works) with the demo data loaded, as a reader of `make demo` would see it.
"""

import sqlite3

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client

from partnerstwo.lib.display import COOKIE_NAME, DisplayPreferences

AXE_SCRIPT = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE_VIEWPORT = {"width": 390, "height": 844}

# The ways a page can be shown: the reader's display settings (as the toolbar stores them) and the screen.
MODES = {
    "default": {"display": DisplayPreferences()},
    "high-contrast": {"display": DisplayPreferences(high_contrast=True)},
    "largest-text": {"display": DisplayPreferences(text_size="largest")},
    "phone-390px": {"display": DisplayPreferences(), "viewport": PHONE_VIEWPORT},
}


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server.url


@pytest.fixture(scope="session")
def demo_snapshot():
    """Holds a copy of the database just after the first demo load of the run (SQLite only)."""
    held = {}
    yield held
    if "database" in held:
        held["database"].close()


@pytest.fixture(scope="session", autouse=True)
def restore_rather_than_flush(django_db_setup, django_db_blocker):
    """On SQLite, after each browser test the database is put back as the migrations left it, from a copy taken at
    the start (SQLite's backup API, milliseconds), instead of Django's flush, which empties some 150 tables one by
    one: a third of a second a test, a tenth of the browser pass. Another database is flushed as usual."""
    from django.test import TransactionTestCase

    with django_db_blocker.unblock():
        if connection.vendor != "sqlite":
            yield
            return
        connection.ensure_connection()
        migrated = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(migrated)
    flush = TransactionTestCase._fixture_teardown

    def put_back(test_case):
        migrated.backup(connection.connection)

    TransactionTestCase._fixture_teardown = put_back
    yield
    TransactionTestCase._fixture_teardown = flush
    migrated.close()


@pytest.fixture
def demo_data(transactional_db, demo_snapshot):
    """The realistic demo content (`manage.py demo`), as a fresh load gives it, for every browser test.

    The demo makes PDFs, images and hundreds of rows through the domain's functions: loading it for each of
    some 250 tests took most of the browser pass. It is loaded once per run and its database copied aside;
    each later test gets that copy back (SQLite's backup API copies the pages, in milliseconds). The files it
    wrote stay in MEDIA_ROOT, as after a load. Another database loads it every time."""
    if connection.vendor != "sqlite":
        call_command("demo")
        return
    connection.ensure_connection()
    if "database" not in demo_snapshot:
        call_command("demo")  # its report goes to pytest's captured output
        demo_snapshot["database"] = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(demo_snapshot["database"])
    else:
        demo_snapshot["database"].backup(connection.connection)


@pytest.fixture
def axe_violations():
    """Runs axe-core's WCAG 2.0/2.1 A and AA rules on a page; returns one readable entry per failing element."""

    def run(page) -> list[str]:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            # Evaluated through the DevTools protocol: a <script> tag would be inline script, which the CSP blocks.
            page.evaluate(AXE_SCRIPT.read_text())
        result = page.evaluate(
            """async (tags) => await axe.run(document, {
                runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
            })""",
            WCAG_TAGS,
        )
        entries = []
        for violation in result["violations"]:
            for node in violation["nodes"]:
                summary = " ".join(node.get("failureSummary", "").split())
                entries.append(
                    f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
                    f"    at {' '.join(map(str, node['target']))}\n"
                    f"    {node['html'][:300]}\n"
                    f"    {summary[:600]}"
                )
        return entries

    return run


@pytest.fixture
def open_in_mode(new_context, base_url):
    """A new page in one of MODES: its display cookie set and, for the phone, a 390-pixel viewport."""

    def open_page(mode: str, **context_args):
        spec = MODES[mode]
        if "viewport" in spec:
            context_args["viewport"] = spec["viewport"]
        context = new_context(**context_args)
        context.add_cookies([{"name": COOKIE_NAME, "value": spec["display"].as_cookie(), "url": base_url}])
        return context.new_page()

    return open_page


@pytest.fixture
def log_in(base_url, fixed_clock):
    """Signs a browser context in as the user (the login form itself is tested by the accounts app).

    Staff (officials, administrators) then pass the two-factor step as a person would: with the code
    their authenticator app would show, computed here from its secret.
    """

    def sign_in(context, user) -> None:
        client = Client()
        client.force_login(user)
        if user.must_use_two_factor:
            pass_totp_step(client, user, fixed_clock)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}])

    return sign_in


def pass_totp_step(client, user, clock) -> None:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt
    from django.urls import reverse

    from conftest import STAFF_TOTP_SECRET
    from partnerstwo.lib.testing import give_totp, totp_code

    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        authenticator = give_totp(user, STAFF_TOTP_SECRET)
    secret = decrypt(authenticator.data["secret"])
    for _attempt in range(2):
        response = client.post(reverse("mfa_reauthenticate"), {"code": totp_code(secret)})
        if response.status_code == 302:
            return
        # A code is accepted once: the same person signed in twice within 30 seconds waits for the next one.
        clock.shift(30)
    raise AssertionError(f"the TOTP step failed for {user.email}")


@pytest.fixture
def demo_official(demo_data):
    """An official from the demo data, or one made here while the demo has none."""
    from allauth.account.models import EmailAddress

    from partnerstwo.accounts.models import User
    from partnerstwo.city.models import Department

    official = User.objects.filter(role=User.Role.OFFICIAL, is_active=True).order_by("pk").first()
    if official is None:
        department, _ = Department.objects.get_or_create(name="Departament Spraw Społecznych")
        official = User.objects.create_user(
            email="urzednik.testowy@um.example.org",
            password="haslo-testowe-123",
            role=User.Role.OFFICIAL,
            full_name="Ksawery Urzędnik",
            department=department,
        )
        EmailAddress.objects.create(user=official, email=official.email, verified=True, primary=True)
    return official

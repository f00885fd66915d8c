"""The shared cast of users, one per role, with the organisations A and B its representatives represent;
the test clock, and the browser set-up (Debian's Chromium)."""

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

# Playwright's sync API runs an event loop in the test thread; the ORM must still be usable there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "haslo-testowe-123"  # noqa: S105 - test accounts only
# The authenticator app (TOTP) of the cast's staff: officials and administrators must sign in with a code.
STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - test accounts only
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    """Browser tests run in one database pass only: PARTNERSTWO_BROWSER_TESTS=0 leaves them out. The tests that
    read the shared demo (`demo_database`) run last, together, so that no other test sees its rows."""
    if os.environ.get("PARTNERSTWO_BROWSER_TESTS", "1") == "0":
        deselected = [item for item in items if item.get_closest_marker("browser")]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            items[:] = [item for item in items if not item.get_closest_marker("browser")]
    items.sort(key=lambda item: "demo_database" in getattr(item, "fixturenames", ()))  # stable: order kept within


# Every test starts at this instant, whatever day the suite runs on: an expectation that holds today
# but not on a Saturday or at Christmas is a bug in the test. `make test` runs the date-sensitive
# tests again with PARTNERSTWO_TEST_NOW set to awkward days (see the Makefile's AWKWARD_DAYS).
DEFAULT_TEST_NOW = "2026-12-02T11:00:00"  # a Wednesday, an ordinary working day


def clock_start() -> datetime:
    value = os.environ.get("PARTNERSTWO_TEST_NOW") or DEFAULT_TEST_NOW
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo("Europe/Warsaw"))


@pytest.fixture(autouse=True)
def fixed_clock():
    """Moves the clock to the test instant; it then runs on (tick), so timeouts and leases still work.

    Commands started in other processes keep the machine's clock; the tests that start them share no
    dated rows with them.
    """
    with time_machine.travel(clock_start(), tick=True) as traveller:
        yield traveller


@pytest.fixture(scope="session")
def demo_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo (`manage.py demo`), loaded once for every test that reads it, instead of once per test.

    A full load takes seconds (PDFs, images, hundreds of rows through the domain's functions). It is made on the test
    clock inside a transaction that stays open until the end of the run and is then rolled back; each test that asks
    for it runs in a savepoint within (the `db` fixture), so what one test changes the next does not see. Those tests
    run after all others (pytest_collection_modifyitems), which never see the demo's rows. That a second load adds
    nothing is tested once, for every model (tests/test_demo.py). Its value is what the command printed."""
    import io

    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings
    from django.utils import translation

    folder = tmp_path_factory.mktemp("demo-media")  # its portraits, documents and PDFs
    media = override_settings(MEDIA_ROOT=folder / "public", PRIVATE_MEDIA_ROOT=folder / "private")
    media.enable()
    out = io.StringIO()
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with time_machine.travel(clock_start(), tick=True), translation.override("pl"):
                call_command("demo", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            media.disable()


@pytest.fixture(autouse=True)
def empty_local_cache():
    """Rows of a rolled-back test come back with the same ids and, on the test clock, nearly the same
    times: nothing keyed on them may survive into the next test."""
    from django.core.cache import caches

    caches["local"].clear()
    caches["fragments"].clear()


@pytest.fixture(autouse=True)
def polish_by_default():
    """A request to /en/ leaves English active in the test thread; every test starts in Polish."""
    from django.utils import translation

    with translation.override("pl"):
        yield


@pytest.fixture
def client():
    """Django's test client, whose `force_login` of a staff member with TOTP also passes the second factor."""
    from partnerstwo.lib.testing import TwoFactorClient

    return TwoFactorClient()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture
def department_x(db):
    from partnerstwo.city.models import Department

    return Department.objects.create(name="Departament Spraw Społecznych", short_name="DSS")


@pytest.fixture
def department_y(db):
    from partnerstwo.city.models import Department

    return Department.objects.create(name="Departament Kultury, Promocji i Sportu", short_name="DKPS")


def make_user(email, role, **extra):
    from allauth.account.models import EmailAddress

    from partnerstwo.accounts.models import User

    user = User.objects.create_user(email=email, password=PASSWORD, role=role, **extra)
    # Confirmed addresses, as after sign-up: allauth refuses logins with unconfirmed ones.
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if user.must_use_two_factor:
        from partnerstwo.lib.testing import give_totp

        give_totp(user, STAFF_TOTP_SECRET)
    return user


@pytest.fixture
def resident(db):
    return make_user("anna.mieszkanka@example.org", "resident", full_name="Anna Mieszkańska")


@pytest.fixture
def representative_a(db):
    return make_user("adam@fundacja-alfa.example.org", "representative", full_name="Adam Alfa")


@pytest.fixture
def representative_b(db):
    return make_user("beata@stowarzyszenie-beta.example.org", "representative", full_name="Beata Beta")


@pytest.fixture
def organization_a(representative_a):
    """Fundacja Alfa, which representative_a represents (approved)."""
    from partnerstwo.organizations.models import LegalForm
    from partnerstwo.organizations.tests import factories

    organization = factories.organization("Fundacja Alfa", legal_form=LegalForm.FOUNDATION)
    factories.represent(representative_a, organization)
    return organization


@pytest.fixture
def organization_b(representative_b):
    """Stowarzyszenie Beta, which representative_b represents (approved)."""
    from partnerstwo.organizations.tests import factories

    organization = factories.organization("Stowarzyszenie Beta")
    factories.represent(representative_b, organization)
    return organization


@pytest.fixture
def official_x(db, department_x):
    return make_user("xawery@um.example.org", "official", full_name="Ksawery Urzędnik", department=department_x)


@pytest.fixture
def official_y(db, department_y):
    return make_user("yvonne@um.example.org", "official", full_name="Iwona Urzędniczka", department=department_y)


def give_seat(user, **fields):
    """A seat on the advisory body in a term that runs today: a Team member's rights follow the seat."""
    import datetime as dt

    from django.utils import timezone

    from partnerstwo.team.models import Body, Membership

    today = timezone.localdate()
    term = Body.objects.the_body().terms.on(today).first()
    if term is None:
        term = Body.objects.the_body().terms.create(
            number=1, starts_on=today - dt.timedelta(days=365), ends_on=today + dt.timedelta(days=730),
        )
    values = {"person_name": str(user), "role": Membership.Role.MEMBER, "represents": Membership.Represents.MAYOR,
              "joined_on": term.starts_on, **fields}
    return Membership.objects.create(term=term, user=user, **values)


@pytest.fixture
def team_member(db):
    user = make_user("tomasz@zespol.example.org", "team_member", full_name="Tomasz Zespołowy")
    give_seat(user)
    return user


@pytest.fixture
def administrator(db):
    from allauth.account.models import EmailAddress

    from partnerstwo.accounts.models import User
    from partnerstwo.lib.testing import give_totp

    user = User.objects.create_superuser(
        email="admin@um.example.org", password=PASSWORD, full_name="Ada Administratorka"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    give_totp(user, STAFF_TOTP_SECRET)
    return user


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1; Django sends to it through the ordinary SMTP backend."""
    from partnerstwo.lib.testing import RecordingSMTPServer

    with RecordingSMTPServer() as server:
        yield server


@pytest.fixture
def use_smtp(settings, smtp_server):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    return smtp_server

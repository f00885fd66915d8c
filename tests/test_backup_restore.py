"""A backup restored into a fresh database is a working site.

bin/backup and bin/restore run as an operator runs them, against real databases (not pytest's test
database): a file for SQLite, new databases on the same server for PostgreSQL. The restored site is
then served by gunicorn, and an administrator signs in and sees the restored data.
"""

import http.cookiejar
import os
import re
import secrets
import sqlite3
import subprocess
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager

import pytest
import time_machine

from partnerstwo.lib.testing import totp_code
from tests.subprocesses import ROOT, clean_env, manage, running_site

DEPARTMENT = "Wydział Kopii Zapasowych i Odtwarzania"
ADMIN_EMAIL = "kopia@um.example.org"
ADMIN_PASSWORD = "odtworzone-haslo-2026"
ADMIN_TOTP_SECRET = "KOPIAZAPASOWAKOPIAZAPASOWAKOPIAZ"  # noqa: S105 - a throwaway test database
ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))

CREATE_DATA = f"""
from partnerstwo.accounts.models import User
from partnerstwo.city.models import Department
Department.objects.create(name={DEPARTMENT!r}, short_name="WKZ")
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
admin = User.objects.create_superuser(email={ADMIN_EMAIL!r}, password={ADMIN_PASSWORD!r}, full_name="Kopia Zapasowa")
EmailAddress.objects.create(user=admin, email=admin.email, verified=True, primary=True)
TOTP.activate(admin, {ADMIN_TOTP_SECRET!r})
"""


@contextmanager
def sqlite_databases(tmp_path):
    yield f"sqlite:///{tmp_path / 'source.sqlite3'}", f"sqlite:///{tmp_path / 'restored.sqlite3'}"


@contextmanager
def postgresql_databases(tmp_path):
    """Two new databases beside the test run's own; the target from template0, as bare as a new server's."""
    import psycopg

    server = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    suffix = secrets.token_hex(4)
    source, target = f"backup_source_{suffix}", f"backup_target_{suffix}"
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{source}"')
        connection.execute(f'CREATE DATABASE "{target}" TEMPLATE template0')
        try:
            yield server._replace(path=f"/{source}").geturl(), server._replace(path=f"/{target}").geturl()
        finally:
            for name in (source, target):
                drop_database(connection, name)


def drop_database(connection, name, *, attempts=30):
    """FORCE ends our own sessions, but the test role may not end an autovacuum worker (it runs as the
    server's superuser) that a busy machine has started on the new database: wait for it to finish."""
    import psycopg

    for attempt in range(attempts):
        try:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except psycopg.errors.InsufficientPrivilege:
            if attempt == attempts - 1:
                raise
            time.sleep(1)


def run_script(env, *args):
    result = subprocess.run([str(ROOT / "bin" / args[0]), *args[1:]], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, f"bin/{args[0]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def sign_in_to_admin(base_url):
    """An HTTP client with cookies, signed in as a person does: the site's login, then the TOTP code.

    The admin's own login form only sends people there (docs/decisions/0010-staff-two-factor-and-csp.md).
    """
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    post_form(opener, f"{base_url}/admin/login/?next=/admin/", {"login": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    # The site runs in another process, on the machine's clock, not the tests' fixed one.
    now = time_machine.escape_hatch.time.time() if time_machine.escape_hatch.is_travelling() else None
    post_form(opener, f"{base_url}/konto/2fa/authenticate/", {"code": totp_code(ADMIN_TOTP_SECRET, at=now)})
    return opener


def post_form(opener, url, fields):
    """Opens the form at url (following redirects), then posts fields to where it landed, with its CSRF token."""
    page = opener.open(url, timeout=10)
    form_url = page.geturl()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode()).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields})
    request = urllib.request.Request(form_url, data=data.encode(), headers={"Referer": form_url})  # noqa: S310
    return opener.open(request, timeout=10).read()


@pytest.mark.parametrize(
    "databases",
    [
        # Each in its own pass of make test: the SQLite backup does not depend on the database the suite uses.
        pytest.param(sqlite_databases, id="sqlite",
                     marks=pytest.mark.skipif(ON_POSTGRESQL, reason="runs in the SQLite pass of make test")),
        pytest.param(
            postgresql_databases,
            id="postgresql",
            marks=pytest.mark.skipif(not ON_POSTGRESQL, reason="runs in the PostgreSQL pass of make test"),
        ),
    ],
)
def test_a_backup_restored_into_a_fresh_database_is_served_by_the_site(tmp_path, databases):
    with databases(tmp_path) as (source_url, target_url):
        source = clean_env(DEBUG="true", DATABASE_URL=source_url, VAR_DIR=str(tmp_path / "var"),
                           MEDIA_ROOT=str(tmp_path / "media-source"),
                           PRIVATE_MEDIA_ROOT=str(tmp_path / "private-source"))
        manage(source, "migrate", "--noinput", "-v0")
        manage(source, "createcachetable")
        manage(source, "shell", "-c", CREATE_DATA)
        upload = tmp_path / "media-source" / "dokumenty" / "sprawozdanie.txt"
        upload.parent.mkdir(parents=True)
        upload.write_text("Sprawozdanie z realizacji programu współpracy")
        offer = tmp_path / "private-source" / "grants" / "offers" / "oferta.pdf"
        offer.parent.mkdir(parents=True)
        offer.write_bytes(b"%PDF-1.7 oferta")

        backup_dir = run_script(source, "backup", str(tmp_path / "backups")).strip()
        assert {"manifest.json", "media.tar.gz", "private.tar.gz"} <= set(os.listdir(backup_dir))

        target = {**source, "DATABASE_URL": target_url, "MEDIA_ROOT": str(tmp_path / "media-restored"),
                  "PRIVATE_MEDIA_ROOT": str(tmp_path / "private-restored")}
        run_script(target, "restore", backup_dir)
        # Offers to competitions are not under MEDIA_ROOT (never served by the web server) but are backed up.
        restored_offer = tmp_path / "private-restored" / "grants" / "offers" / "oferta.pdf"
        assert restored_offer.read_bytes() == b"%PDF-1.7 oferta"

        with running_site(target) as base_url:
            with urllib.request.urlopen(f"{base_url}/", timeout=10) as home:  # noqa: S310 - loopback http
                assert home.status == 200
            media_url = f"{base_url}/media/dokumenty/sprawozdanie.txt"
            with urllib.request.urlopen(media_url, timeout=10) as media:  # noqa: S310 - loopback http
                assert media.read().decode() == "Sprawozdanie z realizacji programu współpracy"
            admin = sign_in_to_admin(base_url)
            departments = admin.open(f"{base_url}/admin/city/department/", timeout=10).read().decode()
            assert DEPARTMENT in departments


def test_restore_refuses_to_overwrite_a_database_that_has_data(tmp_path):
    database = tmp_path / "site.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE city_department (id integer PRIMARY KEY, name text)")
    connection.close()
    env = clean_env(DATABASE_URL=f"sqlite:///{database}", VAR_DIR=str(tmp_path / "var"),
                    MEDIA_ROOT=str(tmp_path / "media"), PRIVATE_MEDIA_ROOT=str(tmp_path / "private"))
    backup_dir = run_script(env, "backup", str(tmp_path / "backups")).strip()

    refused = subprocess.run([str(ROOT / "bin" / "restore"), backup_dir], cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=60)

    assert refused.returncode != 0
    assert "already has tables" in refused.stderr

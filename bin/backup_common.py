"""What bin/backup and bin/restore share: where the database and the media are, from the environment.

It mirrors partnerstwo/settings.py (DATABASE_URL, VAR_DIR, MEDIA_ROOT) with the standard library
only, so the scripts need neither Django nor the virtualenv.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}


@dataclass
class Database:
    engine: str  # "postgresql" or "sqlite"
    path: Path | None = None  # SQLite file
    dsn: str = ""  # libpq connection string without the password
    env: dict = field(default_factory=dict)  # the environment for pg_dump/pg_restore/psql (PGPASSWORD)


def var_dir() -> Path:
    return Path(os.environ.get("VAR_DIR") or BASE_DIR / "var")


def media_root() -> Path:
    return Path(os.environ.get("MEDIA_ROOT") or var_dir() / "media")


def private_media_root() -> Path:
    """Uploads never served by the web server (offers to grant competitions), as settings.PRIVATE_MEDIA_ROOT."""
    return Path(os.environ.get("PRIVATE_MEDIA_ROOT") or var_dir() / "private")


def _conninfo_value(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def database_from_environment() -> Database:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return Database("sqlite", path=var_dir() / "partnerstwo.sqlite3")
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        # sqlite:////absolute/path or sqlite:///relative/path, as dj-database-url reads them.
        path = unquote(parts.path[1:])
        if not path or path == ":memory:":
            raise SystemExit("DATABASE_URL names an in-memory SQLite database: there is nothing to back up")
        return Database("sqlite", path=Path(path))
    if parts.scheme in POSTGRES_SCHEMES:
        settings = {
            "host": unquote(parts.hostname or ""),
            "port": str(parts.port or ""),
            "user": unquote(parts.username or ""),
            "dbname": unquote(parts.path.lstrip("/")),
            **dict(parse_qsl(parts.query)),
        }
        dsn = " ".join(f"{key}={_conninfo_value(value)}" for key, value in settings.items() if value)
        env = dict(os.environ)
        if parts.password:
            env["PGPASSWORD"] = unquote(parts.password)  # not on the command line, where ps would show it
        return Database("postgresql", dsn=dsn, env=env)
    raise SystemExit(f"DATABASE_URL scheme {parts.scheme!r} is not supported (postgres:// or sqlite://)")

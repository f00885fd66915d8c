"""A fixed-window rate limit counted in the database, so it holds across app servers and bursts.

Each attempt is one INSERT … ON CONFLICT DO UPDATE … RETURNING on a row unique per (key, window):
the database increments and answers in one statement, so fifty simultaneous requests get exactly
the allowed number through (docs/decisions/0008-atomic-rate-limit-counters.md).
"""

import hashlib
import time

from django.db import connection

from partnerstwo.lib.models import RateLimitCounter

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """'5/h' -> (5, 3600)."""
    count, _, period = rate.partition("/")
    return int(count), PERIODS[period]


def client_ip(request) -> str:
    # Behind the reverse proxy the real client is the first X-Forwarded-For entry; the proxy
    # must overwrite the header (docs/operations.md), otherwise we fall back to REMOTE_ADDR.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _upsert_sql() -> str:
    quote = connection.ops.quote_name
    table = quote(RateLimitCounter._meta.db_table)
    key, window, count, expires = (quote(name) for name in ("key", "window_start", "count", "expires_at"))
    # Both SQLite (3.35+) and PostgreSQL (9.5+) take this statement as it is.
    return (
        f"INSERT INTO {table} ({key}, {window}, {count}, {expires}) VALUES (%s, %s, 1, %s) "  # noqa: S608 - names are ours, quoted
        f"ON CONFLICT ({key}, {window}) DO UPDATE SET {count} = {table}.{count} + 1 "
        f"RETURNING {count}"
    )


def hit(scope: str, key: str, rate: str) -> bool:
    """Count one attempt; True while the caller is still within the limit."""
    limit, period = parse_rate(rate)
    window_start = int(time.time() // period) * period
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(), [f"{scope[:55]}:{digest}", window_start, window_start + period])
        (count,) = cursor.fetchone()
    return count <= limit


def purge_expired() -> int:
    """Deletes the counters of windows that have closed; returns how many."""
    deleted, _ = RateLimitCounter.objects.filter(expires_at__lt=int(time.time())).delete()
    return deleted

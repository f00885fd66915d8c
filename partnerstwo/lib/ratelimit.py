"""A fixed-window rate limit kept in the shared cache, so it holds across app servers."""

import hashlib
import time

from django.core.cache import cache

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


def hit(scope: str, key: str, rate: str) -> bool:
    """Count one attempt; True while the caller is still within the limit."""
    limit, period = parse_rate(rate)
    window = int(time.time() // period)
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()
    cache_key = f"rl:{scope}:{digest}:{window}"
    cache.add(cache_key, 0, timeout=period + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, timeout=period + 1)
        count = 1
    return count <= limit

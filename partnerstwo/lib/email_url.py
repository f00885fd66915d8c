"""EMAIL_URL parsing: smtp://user:password@host:port, smtp+tls:// or smtp+ssl://."""

from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SCHEMES = {"smtp": (False, False), "smtp+tls": (True, False), "submission": (True, False), "smtp+ssl": (False, True)}


def parse_email_url(url: str) -> dict:
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise ImproperlyConfigured(f"EMAIL_URL scheme must be one of {sorted(SCHEMES)}, not {parts.scheme!r}")
    use_tls, use_ssl = SCHEMES[parts.scheme]
    default_port = 465 if use_ssl else 587 if use_tls else 25
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or default_port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
    }

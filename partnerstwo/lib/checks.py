"""System checks for a production deployment (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", ""}


@register(deploy=True)
def site_url_is_public(app_configs, **kwargs):
    """E-mails sent by the workers (confirmations, mailings with their unsubscribe links) carry SITE_URL."""
    if urlsplit(settings.SITE_URL).hostname in LOCAL_HOSTS:
        return [Warning(
            f"SITE_URL is {settings.SITE_URL!r}: links in e-mails, including the unsubscribe links of "
            "mailings, would point at this machine.",
            hint="Set SITE_URL to the site's public address, e.g. https://partnerstwo.bialystok.pl.",
            id="partnerstwo.W001",
        )]
    return []

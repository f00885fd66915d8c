"""The demo's alerts of the advisory body's adopted positions: the alert run does not mail its history (its first
look reaches back only by the overlap), so the demo sends the alert of each adopted position at once, to the
subscribers of the positions topic (the demo prints the e-mails). Once per position: a second run adds nothing.
"""

import datetime

from django.conf import settings
from django.utils import timezone, translation

from partnerstwo.newsletter import alerts, audience
from partnerstwo.newsletter.alert_sources import PositionSource


def load(stdout, **options):
    now = timezone.now()
    source = PositionSource()
    sent = 0
    audience.sync_organizations()
    with translation.override(settings.LANGUAGE_CODE):
        for item in source.items(now - datetime.timedelta(days=3650), now):
            if alerts.send_once(source, item, now) is not None:
                sent += 1
    stdout.write(f"  powiadomienia o stanowiskach Zespołu: {sent}")

"""Prints the current two-factor code of a demo staff account, so the demo can be tried without a phone.

Only with DEBUG, and only for the demo accounts (partnerstwo/accounts/demo.py): anywhere else a code
must come from the person's own authenticator app.
"""

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from partnerstwo.accounts import demo


class Command(BaseCommand):
    help = "Prints the current TOTP code of a demo account (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("email", nargs="?", default=demo.staff_emails()[0])

    def handle(self, *args, email, **options):
        if not settings.DEBUG:
            raise CommandError("demo_totp działa tylko z DEBUG=true (na komputerze z danymi demonstracyjnymi).")
        if email not in demo.staff_emails():
            raise CommandError(f"{email} nie jest kontem demonstracyjnym pracownika: {', '.join(demo.staff_emails())}")
        authenticator = Authenticator.objects.filter(user__email=email, type=Authenticator.Type.TOTP).first()
        if authenticator is None:
            raise CommandError("To konto nie ma aplikacji uwierzytelniającej; uruchom najpierw manage.py demo.")
        secret = decrypt(authenticator.data["secret"])
        counter = int(time.time()) // mfa_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(secret, counter)))

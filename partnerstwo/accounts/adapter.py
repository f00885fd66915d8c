"""allauth with the site's own rules: the city's site name in e-mails, each in its reader's language and
sent by the worker (rendered here, where allauth's context is, and queued after the request commits)."""

from functools import partial

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.utils import translation

from partnerstwo.accounts import tasks
from partnerstwo.lib.emails import message_fields


def site_name() -> str:
    return settings.CITY["site_name"]


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # Whoever signs up on /en/ gets English e-mails from the start; the profile can change it.
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        return super().save_user(request, user, form, commit=commit)

    def format_email_subject(self, subject: str) -> str:
        # Without the sites framework allauth would prefix the host name ("[127.0.0.1:8000]").
        prefix = app_settings.EMAIL_SUBJECT_PREFIX or f"[{site_name()}] "
        return prefix + str(subject)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = allauth_context.request
        # The links allauth builds come from the request's host, so the signature's address does too.
        site_url = request.build_absolute_uri("/") if request else f"{settings.SITE_URL}/"
        context = {"site_name": site_name(), "city": settings.CITY, "site_url": site_url, **context}
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        # What DefaultAccountAdapter.send_mail gives the templates, before it would send at once.
        context = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        transaction.on_commit(partial(tasks.send_account_email.enqueue, message_fields(message)))

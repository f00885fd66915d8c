"""allauth with the site's own rules: the city's site name in e-mails, each sent in its reader's language."""

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.utils import translation


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
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

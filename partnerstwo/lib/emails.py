"""Every e-mail is one key and three templates: emails/<key>_subject.txt, <key>.txt, <key>.html."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def build_email(key: str, to: list[str], context: dict, *, language: str | None = None,
                headers: dict | None = None, reply_to: list[str] | None = None) -> EmailMultiAlternatives:
    context = {"city": settings.CITY, "site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/{key}_subject.txt", context).strip()
        text = render_to_string(f"emails/{key}.txt", context)
        html = render_to_string(f"emails/{key}.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=text, to=to, headers=headers or {}, reply_to=reply_to
    )
    message.attach_alternative(html, "text/html")
    return message


def send_email(key: str, to: list[str], context: dict, **kwargs) -> None:
    build_email(key, to, context, **kwargs).send()


def absolute_url(path: str) -> str:
    """An absolute link for e-mails, which have no request to take the host from."""
    return f"{settings.SITE_URL}{path}"

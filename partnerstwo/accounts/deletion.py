"""Deleting one's own account (GDPR art. 17): the person, their addresses and authenticators go at once.

Before the user row goes, every app's personal_data.forget(user) removes or anonymises what it holds
about the person (registrations, subscriptions, feedback, comments); what must stay as proof (consent
records) stays without more personal data than that proof needs. An app may refuse for a reason of its
own (an optional personal_data.refusal(user)).
"""

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts import data_rights
from partnerstwo.accounts.models import User


class DeletionRefused(Exception):
    """The account must stay; the message says why, in words for its owner."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def refusal_reason(user: User) -> str | None:
    """Why this account may not be deleted now, or None when it may."""
    if user.is_superuser and not User.objects.filter(is_superuser=True, is_active=True).exclude(pk=user.pk).exists():
        return _(
            "To jest ostatnie konto administratora serwisu, więc nie można go usunąć. "
            "Najpierw nadaj uprawnienia administratora innej osobie."
        )
    for _label, module in data_rights.modules():
        reason = module.refusal(user) if hasattr(module, "refusal") else None
        if reason:
            return reason
    return None


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Each app forgets the person, then the user goes; addresses, confirmations and authenticators cascade.

    Records others rely on (content edits, organisation updates) keep their text and lose the author.
    """
    # Lock the superusers so two last administrators cannot both leave at the same moment.
    list(User.objects.select_for_update().filter(is_superuser=True).values_list("pk", flat=True))
    reason = refusal_reason(user)
    if reason:
        raise DeletionRefused(reason)
    try:
        data_rights.forget_everywhere(user)
        user.delete()
    except ProtectedError as error:
        raise DeletionRefused(
            _(
                "Z kontem są związane dane, których nie można usunąć automatycznie. "
                "Napisz do nas, a usuniemy konto ręcznie."
            )
        ) from error

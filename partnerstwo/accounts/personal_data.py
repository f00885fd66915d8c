"""What the accounts app holds about a person: the account, its e-mail addresses and sign-in methods.

Deleting the user row removes all of it (addresses, confirmations and authenticators cascade), so
forget() has nothing to do first. allauth's e-mails wait in the task table with their address and
links (accounts.tasks); expire() deletes them once sent. Secrets (the password hash, TOTP keys,
recovery codes) are never exported: they are not information about the person, and a leaked
export must not open the account.
"""

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from partnerstwo.accounts.tasks import send_account_email

# A failed account e-mail stays a day for the failed-task check (docs/operations.md, monitoring);
# its links (confirmation, password reset) are useless to anyone by then or soon after.
FAILED_ACCOUNT_EMAIL_KEPT = timedelta(days=1)


def export(user) -> dict:
    return {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "role": user.role,
            "department": str(user.department) if user.department_id else None,
            "preferred_language": user.preferred_language,
            "desk_alerts": user.desk_alerts,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "is_active": user.is_active,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "two_factor_methods": [
            {
                "type": authenticator.type,
                "created_at": authenticator.created_at,
                "last_used_at": authenticator.last_used_at,
            }
            for authenticator in Authenticator.objects.filter(user=user).order_by("pk")
        ],
    }


def forget(user) -> None:
    """Nothing before the row goes: its addresses and authenticators cascade with it."""


def addresses_of(user) -> set[str]:
    """Every address the person has proved is theirs (lower-cased): data sent from them belongs to them."""
    addresses = {user.email.lower()}
    addresses.update(
        email.lower() for email in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    )
    return addresses


def expire(now: datetime) -> dict[str, int]:
    """Deletes the finished tasks of allauth's e-mails: at once when sent, a day after when they failed."""
    finished = DBTaskResult.objects.filter(task_path=send_account_email.module_path)
    sent, _ = finished.filter(status=TaskResultStatus.SUCCESSFUL).delete()
    failed, _ = finished.filter(
        status=TaskResultStatus.FAILED, finished_at__lt=now - FAILED_ACCOUNT_EMAIL_KEPT
    ).delete()
    return {"account_emails_deleted": sent + failed}

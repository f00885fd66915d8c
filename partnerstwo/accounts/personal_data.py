"""What the accounts app holds about a person: the account, its e-mail addresses and sign-in methods.

Deleting the user row removes all of it (addresses, confirmations and authenticators cascade), so
forget() has nothing to do first. Secrets (the password hash, TOTP keys, recovery codes) are never
exported: they are not information about the person, and a leaked export must not open the account.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator


def export(user) -> dict:
    return {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "role": user.role,
            "department": str(user.department) if user.department_id else None,
            "preferred_language": user.preferred_language,
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

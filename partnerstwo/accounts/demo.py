"""Demo accounts, one per role, all with one shared password printed at the end of `manage.py demo`.

The official and the administrator must sign in with a second factor: they get an authenticator app
(TOTP) with a fixed, printed secret, and `manage.py demo_totp` (only with DEBUG) prints its current code.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from partnerstwo.accounts.models import User
from partnerstwo.city.models import Department

PASSWORD = "partnerstwo-demo"  # noqa: S105 - printed on purpose: demo accounts on a developer's machine
DEPARTMENT = "Departament Spraw Społecznych"
# The demo staff's authenticator app secret (base32), to type into an app or use via `manage.py demo_totp`.
TOTP_SECRET = "PARTNERSTWODEMOKODPARTNERSTWODEM"  # noqa: S105 - printed on purpose, demo database only

ACCOUNTS = [
    # (e-mail, full name, role)
    ("mieszkaniec@example.org", "Katarzyna Wiśniewska", User.Role.RESIDENT),
    ("organizacja@example.org", "Piotr Zieliński", User.Role.REPRESENTATIVE),
    ("zespol@example.org", "Małgorzata Kowalczyk", User.Role.TEAM_MEMBER),
    ("urzednik@example.org", "Tomasz Nowicki", User.Role.OFFICIAL),
    ("admin@example.org", "Joanna Lewandowska", User.Role.ADMINISTRATOR),
]


def load(stdout, **options):
    department = Department.objects.get(name=DEPARTMENT)
    for email, full_name, role in ACCOUNTS:
        administrator = role == User.Role.ADMINISTRATOR
        user, _created = User.objects.update_or_create(
            email=email,
            defaults={
                "full_name": full_name,
                "role": role,
                "department": department if role == User.Role.OFFICIAL else None,
                "is_active": True,
                "is_staff": administrator,
                "is_superuser": administrator,
            },
        )
        # Every run restores the printed password, even if someone changed it while trying the demo.
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if user.must_use_two_factor:
            # Again each run, like the password: whoever tried turning it off gets the printed secret back.
            Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
            TOTP.activate(user, TOTP_SECRET)
    stdout.write(f"  konta demonstracyjne: {len(ACCOUNTS)}")


def account_rows() -> list[tuple[str, str, str]]:
    """(role, e-mail, password) of each demo account, for the table printed at the end."""
    rows = []
    for email, _name, role in ACCOUNTS:
        label = f"{role.label} ({DEPARTMENT})" if role == User.Role.OFFICIAL else str(role.label)
        rows.append((label, email, PASSWORD))
    return rows


def staff_emails() -> list[str]:
    return [email for email, _name, role in ACCOUNTS if role in (User.Role.OFFICIAL, User.Role.ADMINISTRATOR)]


def two_factor_note() -> list[str]:
    """How to pass the second step as the demo official or administrator, printed above the accounts."""
    first = staff_emails()[0]
    return [
        "Pracownik urzędu i administrator logują się hasłem i kodem z aplikacji (weryfikacja dwuetapowa).",
        f"  Bieżący kod: DEBUG=true .venv/bin/python manage.py demo_totp {first}",
        f"  albo dodaj w aplikacji uwierzytelniającej (Aegis, FreeOTP, Google Authenticator) klucz {TOTP_SECRET}",
    ]

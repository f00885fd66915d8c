"""Demo accounts, one per role, all with one shared password printed at the end of `manage.py demo`."""

from allauth.account.models import EmailAddress

from partnerstwo.accounts.models import User
from partnerstwo.city.models import Department

PASSWORD = "partnerstwo-demo"  # noqa: S105 - printed on purpose: demo accounts on a developer's machine
DEPARTMENT = "Departament Spraw Społecznych"

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
    stdout.write(f"  konta demonstracyjne: {len(ACCOUNTS)}")


def account_rows() -> list[tuple[str, str, str]]:
    """(role, e-mail, password) of each demo account, for the table printed at the end."""
    rows = []
    for email, _name, role in ACCOUNTS:
        label = f"{role.label} ({DEPARTMENT})" if role == User.Role.OFFICIAL else str(role.label)
        rows.append((label, email, PASSWORD))
    return rows

import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.test import override_settings

from partnerstwo.accounts import demo
from partnerstwo.accounts.models import User
from partnerstwo.city import demo as city_demo

pytestmark = pytest.mark.django_db


def load_twice():
    city_demo.load(io.StringIO())
    demo.load(io.StringIO())
    demo.load(io.StringIO())


def test_there_is_one_demo_account_per_role_and_a_second_run_adds_none():
    load_twice()

    users = User.objects.filter(email__endswith="@example.org")
    assert sorted(users.values_list("role", flat=True)) == sorted(User.Role.values)
    assert EmailAddress.objects.filter(user__in=users, verified=True, primary=True).count() == len(User.Role.values)


def test_the_demo_official_works_in_the_social_affairs_department_and_the_administrator_is_a_superuser():
    load_twice()

    assert User.objects.get(role="official").department.name == "Departament Spraw Społecznych"
    admin = User.objects.get(role="administrator")
    assert admin.is_superuser and admin.is_staff
    assert not User.objects.filter(role__in=["resident", "representative", "team_member", "official"], is_staff=True)


def test_each_demo_account_signs_in_with_the_printed_password(client):
    load_twice()

    for email, _name, _role in demo.ACCOUNTS:
        response = client.post("/konto/login/", {"login": email, "password": demo.PASSWORD})
        assert response.status_code == 302, email
        client.post("/konto/logout/")


def test_the_demo_command_ends_with_the_table_of_accounts_and_says_how_staff_pass_the_second_step(demo_database):
    printed = demo_database  # what `manage.py demo` printed

    tail = printed.strip().splitlines()[-10:]
    assert tail[-1].startswith("+--")
    table = "\n".join(tail)
    for email, _name, _role in demo.ACCOUNTS:
        assert email in table
    assert demo.PASSWORD in table
    assert "pracownik urzędu" in table
    assert "manage.py demo_totp urzednik@example.org" in printed
    assert demo.TOTP_SECRET in printed


def test_the_demo_official_signs_in_with_the_password_and_the_printed_code(client, settings):
    load_twice()
    settings.DEBUG = True
    official = demo.staff_emails()[0]
    code = io.StringIO()
    call_command("demo_totp", official, stdout=code)

    client.post("/konto/login/", {"login": official, "password": demo.PASSWORD})
    response = client.post("/konto/2fa/authenticate/", {"code": code.getvalue().strip()})

    assert response.status_code == 302
    assert client.get("/panel/").status_code == 200


def test_the_demo_staff_code_matches_the_printed_secret():
    from partnerstwo.lib.testing import totp_code

    load_twice()
    for email in demo.staff_emails():
        user = User.objects.get(email=email)
        assert user.must_use_two_factor
        with override_settings(DEBUG=True):
            out = io.StringIO()
            call_command("demo_totp", email, stdout=out)
        assert out.getvalue().strip() == totp_code(demo.TOTP_SECRET)


def test_the_code_command_works_only_with_debug_and_only_for_demo_staff(settings):
    load_twice()
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=true"):
        call_command("demo_totp", demo.staff_emails()[0], stdout=io.StringIO())
    settings.DEBUG = True
    with pytest.raises(CommandError, match="nie jest kontem demonstracyjnym"):
        call_command("demo_totp", "mieszkaniec@example.org", stdout=io.StringIO())

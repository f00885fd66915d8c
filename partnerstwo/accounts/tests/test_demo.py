import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

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


def test_the_demo_command_ends_with_the_table_of_accounts():
    out = io.StringIO()

    call_command("demo", stdout=out)

    tail = out.getvalue().strip().splitlines()[-10:]
    assert tail[-1].startswith("+--")
    table = "\n".join(tail)
    for email, _name, _role in demo.ACCOUNTS:
        assert email in table
    assert demo.PASSWORD in table
    assert "pracownik urzędu" in table

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory

from partnerstwo.lib.access import role_required


class Person:
    """A signed-in user as the decorator sees one: only attributes and predicates."""

    is_authenticated = True

    def __init__(self, *, clerk: bool):
        self.clerk = clerk

    @property
    def is_clerk(self) -> bool:
        return self.clerk


def page(request, pk):
    return HttpResponse(f"page {pk}")


def request_by(user, path="/panel/sprawy/7/?strona=2"):
    request = RequestFactory().get(path)
    request.user = user
    return request


def test_it_lets_in_a_user_with_the_role_and_passes_the_arguments_on():
    view = role_required(Person.is_clerk)(page)
    response = view(request_by(Person(clerk=True)), pk=7)
    assert response.status_code == 200
    assert response.content == b"page 7"


def test_it_refuses_a_signed_in_user_without_the_role():
    view = role_required(Person.is_clerk)(page)
    with pytest.raises(PermissionDenied):
        view(request_by(Person(clerk=False)), pk=7)


def test_it_sends_an_anonymous_visitor_to_the_login_page_and_back(settings):
    settings.LOGIN_URL = "/konto/zaloguj/"
    view = role_required(Person.is_clerk)(page)
    response = view(request_by(AnonymousUser()), pk=7)
    assert response.status_code == 302
    assert response.url == "/konto/zaloguj/?next=/panel/sprawy/7/%3Fstrona%3D2"


def test_the_role_may_be_any_function_of_the_user():
    view = role_required(lambda user: user.clerk)(page)
    assert view(request_by(Person(clerk=True)), pk=1).status_code == 200
    with pytest.raises(PermissionDenied):
        view(request_by(Person(clerk=False)), pk=1)


def test_the_decorated_view_keeps_its_name():
    assert role_required(Person.is_clerk)(page).__name__ == "page"

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Sign-in tests hash passwords dozens of times; the production hasher takes most of a second each time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def polish_by_default():
    # A request to /en/ leaves English active in the test thread; every test starts in Polish.
    with translation.override("pl"):
        yield

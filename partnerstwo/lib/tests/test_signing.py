from datetime import timedelta

from partnerstwo.lib.signing import make_token, read_bound_token, read_token

SALT = "partnerstwo.lib.tests.confirm"


def test_a_token_gives_back_the_primary_key_it_names():
    assert read_token(make_token(42, salt=SALT), salt=SALT) == 42


def test_a_token_made_for_one_purpose_opens_nothing_else():
    assert read_token(make_token(42, salt=SALT), salt="partnerstwo.lib.tests.cancel") is None


def test_a_forged_or_mangled_token_is_none():
    token = make_token(42, salt=SALT)
    assert read_token(token[:-1] + ("A" if token[-1] != "A" else "B"), salt=SALT) is None
    for garbage in ["", "nie-token", "a:b:c", "\x00"]:
        assert read_token(garbage, salt=SALT) is None
        assert read_bound_token(garbage, salt=SALT) is None


def test_a_token_expires_after_its_maximum_age(fixed_clock):
    token = make_token(42, salt=SALT)
    fixed_clock.shift(timedelta(days=7, minutes=1))
    assert read_token(token, salt=SALT, max_age=timedelta(days=7)) is None
    assert read_token(token, salt=SALT, max_age=timedelta(days=8)) == 42


def test_a_bound_token_gives_back_the_key_and_the_value_it_is_bound_to():
    token = make_token(42, salt=SALT, bound_to="jan@example.org")
    assert read_bound_token(token, salt=SALT) == (42, "jan@example.org")


def test_a_token_is_read_only_as_the_kind_it_was_made():
    assert read_token(make_token(42, salt=SALT, bound_to="jan@example.org"), salt=SALT) is None
    assert read_bound_token(make_token(42, salt=SALT), salt=SALT) is None

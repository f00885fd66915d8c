"""Signed tokens for links in e-mails ("confirm your comment", "cancel your registration").

A token names one row by its primary key and is signed with SECRET_KEY and a salt that says what the
link is for, so a token for one purpose opens nothing else. It may also carry a value it is bound to
(the address the link was sent to), so the link stops working when that changes. Reading returns None
for a forged, mangled or expired token: a link either works or is treated as unknown.
"""

from datetime import timedelta

from django.core import signing


def make_token(pk: int, *, salt: str, bound_to: str | None = None) -> str:
    return signing.dumps(pk if bound_to is None else [pk, bound_to], salt=salt)


def _load(token: str, *, salt: str, max_age: timedelta | None):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):  # SignatureExpired is a BadSignature too
        return None


def read_token(token: str, *, salt: str, max_age: timedelta | None = None) -> int | None:
    """The primary key of a token made without `bound_to`; None when it is not a valid one."""
    pk = _load(token, salt=salt, max_age=max_age)
    return pk if type(pk) is int else None


def read_bound_token(token: str, *, salt: str, max_age: timedelta | None = None) -> tuple[int, str] | None:
    """(primary key, bound value) of a token made with `bound_to`; None when it is not a valid one."""
    match _load(token, salt=salt, max_age=max_age):
        case [int() as pk, str() as bound_to] if type(pk) is int:
            return pk, bound_to
    return None

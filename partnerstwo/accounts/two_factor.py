"""Two-factor login for staff: officials and administrators reach other people's data.

Before the staff panel or the admin opens, such a person must have a second factor (codes from an
app, or a security key / passkey) and must have used it in this session. Residents, organisations'
representatives and Team members may turn it on but are not forced to. allauth does the login and
the set-up; this module only says who must, and whether this session has passed the step.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled

# Where a staff member was going when they were sent to set up two-factor login.
SETUP_NEXT_SESSION_KEY = "staff_two_factor_next"
# Setting up an authenticator proves possession of it: that session needs no second prompt.
SET_UP_IN_SESSION_KEY = "staff_two_factor_set_up_by"


def is_required_for(user) -> bool:
    return bool(user.is_authenticated and user.must_use_two_factor)


def is_set_up(user) -> bool:
    return is_mfa_enabled(user)


def passed_in_session(request) -> bool:
    """Whether this session's sign-in (or a later confirmation) included the second factor."""
    user = request.user
    if request.session.get(SET_UP_IN_SESSION_KEY) == str(user.pk):
        return True
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, user))


def record_set_up(sender, request=None, user=None, **kwargs) -> None:
    """allauth's authenticator_added: the code or key was just used, so this session has passed."""
    if request is not None and user is not None and user.is_authenticated:
        request.session[SET_UP_IN_SESSION_KEY] = str(user.pk)

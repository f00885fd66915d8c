"""Who may open a page: one decorator for "this role", whatever the role.

A role is a predicate on the signed-in user (a User property such as User.can_use_panel, or a function
of the user such as events.publishing.can_review). Someone not signed in is sent to the login page and
comes back; someone signed in without the role gets a 403. Which objects a person may touch is not
decided here: views fetch them through a QuerySet (Model.objects.editable_by(user)) with
get_object_or_404, so a stranger's object is a 404.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def role_required(predicate: Callable | property):
    """A view decorator letting in the users for whom `predicate(user)` is true."""
    allowed = predicate.fget if isinstance(predicate, property) else predicate

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not allowed(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator

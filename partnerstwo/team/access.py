"""Who may open the staff pages of the advisory body: administrators and its secretary (terms.can_manage)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from partnerstwo.team import terms


def manager_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not terms.can_manage(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper

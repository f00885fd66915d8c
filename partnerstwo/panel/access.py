"""Who may enter the staff panel: officials, Team members and administrators."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def panel_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.can_use_panel:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def content_editor_required(view):
    """Content pages and news: officials and administrators (not Team members)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.can_edit_content:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper

"""Staff sessions: two-factor login before the panel or the admin, and a short idle timeout."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from partnerstwo.accounts import two_factor

# URL namespaces of the staff areas (the panel includes the apps' panel URLs under its own).
STAFF_AREAS = {"panel", "admin"}
# The admin's own sign-in and sign-out must stay reachable (the first sends people to the site's login).
OPEN_ADMIN_VIEWS = {"login", "logout"}


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_use_two_factor:
            # Each request restarts the count; an idle session expires with its cookie and its row.
            request.session.set_expiry(settings.STAFF_SESSION_IDLE_MINUTES * 60)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not match.namespaces or match.namespaces[0] not in STAFF_AREAS:
            return None
        if match.namespaces[0] == "admin" and match.url_name in OPEN_ADMIN_VIEWS:
            return None
        if not two_factor.is_required_for(request.user):
            return None
        if not two_factor.is_set_up(request.user):
            request.session[two_factor.SETUP_NEXT_SESSION_KEY] = request.get_full_path()
            return redirect("mfa_index")
        if not two_factor.passed_in_session(request):
            messages.info(
                request,
                _("Aby otworzyć panel pracownika, potwierdź logowanie kodem z aplikacji albo kluczem bezpieczeństwa."),
            )
            return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}")
        request.session.pop(two_factor.SETUP_NEXT_SESSION_KEY, None)
        return None

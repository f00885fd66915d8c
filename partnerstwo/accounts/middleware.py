"""Staff sessions: two-factor login before the panel or the admin, and a short idle timeout."""

import time

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
# When the staff session's idle count last started again (a Unix time), and how often it may.
IDLE_COUNT_STARTED_KEY = "staff_idle_count_started"
IDLE_COUNT_RESOLUTION_SECONDS = 60


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_use_two_factor:
            self.restart_idle_count(request.session)
        return response

    @staticmethod
    def restart_idle_count(session) -> None:
        """Moves the session's expiry (its row and its cookie) to the idle limit from now.

        At most once a minute, so a busy page does not write its session on every request; the session
        may therefore end up to a minute before the limit.
        """
        now = int(time.time())
        if now - session.get(IDLE_COUNT_STARTED_KEY, 0) < IDLE_COUNT_RESOLUTION_SECONDS:
            return
        session[IDLE_COUNT_STARTED_KEY] = now
        session.set_expiry(settings.STAFF_SESSION_IDLE_MINUTES * 60)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not match.namespaces or match.namespaces[0] not in STAFF_AREAS:
            return None
        if match.namespaces[0] == "admin" and match.url_name in OPEN_ADMIN_VIEWS:
            return None
        if not two_factor.is_required_for(request.user):
            return None
        if two_factor.passed_in_session(request):  # from the session alone: no query on every staff page
            if two_factor.SETUP_NEXT_SESSION_KEY in request.session:
                del request.session[two_factor.SETUP_NEXT_SESSION_KEY]
            return None
        if not two_factor.is_set_up(request.user):
            request.session[two_factor.SETUP_NEXT_SESSION_KEY] = request.get_full_path()
            return redirect("mfa_index")
        messages.info(
            request,
            _("Aby otworzyć panel pracownika, potwierdź logowanie kodem z aplikacji albo kluczem bezpieczeństwa."),
        )
        return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}")
